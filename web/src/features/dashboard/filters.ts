import type { TFunction } from 'i18next';
import type { DashboardFigure, FigureKey } from '../../api/types.js';
import { FIGURE_KEYS } from '../../api/types.js';

/** The dashboard filters, named as the API names them; absent ones are left to the server. */
export interface Filters {
  from?: string;
  to?: string;
  territory?: string;
  venue?: string;
  category?: string;
  campaign?: string;
}

export const FILTER_NAMES = ['from', 'to', 'territory', 'venue', 'category', 'campaign'] as const;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const TOKEN = /^[\w-]{1,64}$/;

/** The filters found in a URL's search params; malformed values are dropped. */
export function filtersOf(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    if ((name === 'from' || name === 'to') && !MONTH.test(value)) continue;
    if (name !== 'from' && name !== 'to' && !TOKEN.test(value)) continue;
    f[name] = value;
  }
  return f;
}

/** The filters as a query string (without '?'), in a stable order. */
export function queryOf(filters: Filters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') params.set(k, String(v));
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** A stable key for useRequest. */
export function keyOf(filters: Filters): string {
  return queryOf(filters);
}

export function isFigureKey(value: string | null): value is FigureKey {
  return value !== null && (FIGURE_KEYS as readonly string[]).includes(value);
}

/** A rate as a percentage with one decimal, a count as a grouped number; '—' for no value. */
export function formatFigure(figure: Pick<DashboardFigure, 'kind' | 'value'>, language: string): string {
  if (figure.value === null) return '—';
  const locale = language === 'en' ? 'en-GB' : 'zh-CN';
  if (figure.kind === 'rate') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(figure.value);
  return new Intl.NumberFormat(locale).format(figure.value);
}

/** "签收及时率 = 按时签收的诉求 ÷ 应签收的诉求 (37 ÷ 40)" — the formula with this figure's numbers. */
export function formulaOf(t: TFunction, figure: DashboardFigure): string {
  const formula = t(`dashboard.figures.${figure.key}.formula`);
  if (figure.kind === 'rate') return t('dashboard.formulaWithNumbers', { formula, numerator: figure.numerator, denominator: figure.denominator ?? 0 });
  return formula;
}

/** Chinese time (UTC+8) month key of a date, for the default period. */
export function monthOf(date: Date): string {
  const china = new Date(date.getTime() + 8 * 3600_000);
  return `${china.getUTCFullYear()}-${String(china.getUTCMonth() + 1).padStart(2, '0')}`;
}
