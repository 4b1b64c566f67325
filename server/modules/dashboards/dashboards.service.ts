/**
 * The read model: filters → scope, then figures from the cubes (appeals) and from indexed
 * queries over events, suggestions and topics, with the suggestion roll-up's own formulas.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { AppError } from '../../infra/http/errors.js';
import { referenceCache } from '../../infra/reference-cache.js';
import { rollUp, type RollupInput, type SuggestionDecision } from '../suggestions/index.js';
import { APPEAL_FIGURES, FIGURE_KEYS, chinaMonth, type FigureKey } from './appeal-facts.js';
import { COUNTERS, type Counters } from './dashboards.table.js';
import {
  countFiledTopics,
  dataVersion,
  findCampaignRow,
  findTerritory,
  findVenueRow,
  groupSuggestions,
  listCategories,
  listChildTerritories,
  listEvents,
  sumAppealCells,
  territoryNamesOf,
  type AppealScope,
  type EventFilter,
  type SuggestionGroup,
} from './dashboards.repository.js';

export const DISTRICT_CODE = '330106';
const CHINA_OFFSET_MS = 8 * 3600_000;

export interface Filters {
  from?: string | undefined;
  to?: string | undefined;
  territory?: string | undefined;
  venue?: string | undefined;
  category?: string | undefined;
  campaign?: string | undefined;
}

export interface ResolvedFilters {
  from: string;
  to: string;
  territory: string;
  venue: string | null;
  category: string | null;
  campaign: string | null;
  scope: AppealScope & { name: string };
  venueRow: { id: string; name: string } | null;
  /** The category and its descendants, or null for all. */
  categoryIds: string[] | null;
  events: EventFilter;
}

type CategoryRow = Awaited<ReturnType<typeof listCategories>>[number];
const categoryCache = referenceCache<string, CategoryRow[]>(10);
const territoryCache = referenceCache<string, Awaited<ReturnType<typeof findTerritory>>>(1000);

export const categoriesOf = (db: Kysely<DB>) => categoryCache.get(db, 'all', () => listCategories(db));
const territoryOf = (db: Kysely<DB>, code: string) => territoryCache.get(db, code, () => findTerritory(db, code));

const notFound = (zh: string, en: string) => new AppError('NOT_FOUND', { zh, en });

/** 'YYYY-MM' → the UTC instant that month starts in China time. */
export function monthStartIso(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1) - CHINA_OFFSET_MS).toISOString();
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 240; m = nextMonth(m)) out.push(m);
  return out;
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

function descendants(cats: CategoryRow[], id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const c of cats) if (c.parent_id === out[i]) out.push(c.id);
  return out;
}

/** Checks and completes the filters; unknown territory, venue, category or campaign → 404. */
export async function resolveFilters(db: Kysely<DB>, f: Filters, now = new Date()): Promise<ResolvedFilters> {
  const current = chinaMonth(now.toISOString());
  const to = f.to ?? current;
  const from = f.from ?? addMonths(to, -11);
  if (from > to) throw new AppError('VALIDATION_FAILED', { zh: '起始月份不能晚于结束月份', en: 'from must not be after to' }, { errors: [{ field: 'from', message: '起始月份不能晚于结束月份|from must not be after to' }] });
  if (monthsBetween(from, to).length > 120) throw new AppError('VALIDATION_FAILED', { zh: '时间段最长十年', en: 'The period is at most ten years' }, { errors: [{ field: 'from', message: '时间段最长十年|at most ten years' }] });

  let venueRow: ResolvedFilters['venueRow'] = null;
  let territory = f.territory ?? null;
  if (f.venue) {
    const v = await findVenueRow(db, f.venue);
    if (!v || v.public !== 1) throw notFound(`找不到议事场所 ${f.venue}`, `No venue ${f.venue}`);
    venueRow = { id: v.id, name: v.name };
    // A station's appeals are those of its territory.
    if (!territory) territory = v.territory_code ?? DISTRICT_CODE;
  }
  territory ??= DISTRICT_CODE;
  const t = await territoryOf(db, territory);
  if (!t || !territory.startsWith(DISTRICT_CODE) || !['county', 'town', 'village'].includes(t.level))
    throw notFound(`找不到地区 ${territory}（须为西湖区或其下的镇街、村社）`, `No territory ${territory} (the district, one of its towns or communities)`);
  const level = t.level as AppealScope['level'];

  let categoryIds: string[] | null = null;
  if (f.category) {
    const cats = await categoriesOf(db);
    if (!cats.some((c) => c.id === f.category)) throw notFound(`找不到诉求类别 ${f.category}`, `No appeal category ${f.category}`);
    categoryIds = descendants(cats, f.category);
  }
  if (f.campaign && !(await findCampaignRow(db, f.campaign))) throw notFound(`找不到协商议事月 ${f.campaign}`, `No campaign ${f.campaign}`);
  const scope = { level, code: t.code, name: t.name };
  return {
    from,
    to,
    territory: t.code,
    venue: venueRow?.id ?? null,
    category: f.category ?? null,
    campaign: f.campaign ?? null,
    scope,
    venueRow,
    categoryIds,
    events: { fromIso: monthStartIso(from), toIso: monthStartIso(nextMonth(to)), scope, venueId: venueRow?.id ?? null, campaignId: f.campaign ?? null },
  };
}

/** The query string of the filters as given back (for records links). */
export function filterQuery(r: ResolvedFilters): string {
  const p = new URLSearchParams({ from: r.from, to: r.to, territory: r.territory });
  if (r.venue) p.set('venue', r.venue);
  if (r.category) p.set('category', r.category);
  if (r.campaign) p.set('campaign', r.campaign);
  return p.toString();
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

/** The suggestion roll-up over grouped counts (each group expanded into the roll-up's inputs). */
export function rollUpGroups(groups: SuggestionGroup[]) {
  const inputs: RollupInput[] = [];
  for (const g of groups) {
    const input: RollupInput = {
      state: g.state as RollupInput['state'],
      decision: g.decision as SuggestionDecision | null,
      assigned: g.assigned === 1,
      replied: false,
      implemented: g.implemented === 1,
      progress: 0,
      ratings: [],
    };
    for (let i = 0; i < g.n; i++) inputs.push(input);
  }
  return rollUp(inputs);
}

export interface Figure {
  key: FigureKey;
  value: number | null;
  numerator: number;
  denominator: number | null;
  kind: 'count' | 'rate';
  records: string;
}

export async function dashboard(db: Kysely<DB>, r: ResolvedFilters) {
  const [cells, events, groups, topics, version, cats] = await Promise.all([
    sumAppealCells(db, r.scope, r.from, r.to, r.categoryIds),
    listEvents(db, r.events),
    groupSuggestions(db, r.events),
    countFiledTopics(db, { fromIso: r.events.fromIso, toIso: r.events.toIso, scope: r.scope, venueId: r.venue, campaignId: r.campaign }),
    dataVersion(db),
    categoriesOf(db),
  ]);
  const total = Object.fromEntries(COUNTERS.map((k) => [k, 0])) as Counters;
  const months = monthsBetween(r.from, r.to);
  const byMonth = new Map(months.map((m) => [m, { month: m, appeals: 0, closed: 0, suggestions: 0, events: 0 }]));
  const byArea = new Map<string, number>();
  const byCat = new Map<string, number>();

  // Category breakdown: top-level categories, or the filtered category's children.
  const parentOf = new Map(cats.map((c) => [c.id, c.parent_id]));
  const bucketOf = (id: string): string | null => {
    let cur: string | null = id;
    let prev: string | null = null;
    const stop = r.category;
    while (cur && cur !== stop) {
      prev = cur;
      cur = parentOf.get(cur) ?? null;
    }
    if (stop) return cur === stop ? (prev ?? stop) : null;
    return prev;
  };
  for (const c of cells) {
    for (const k of COUNTERS) total[k] += c[k];
    const m = byMonth.get(c.month);
    if (m) {
      m.appeals += c.total;
      m.closed += c.closed;
    }
    byArea.set(c.area, (byArea.get(c.area) ?? 0) + c.total);
    const b = bucketOf(c.category_id);
    if (b) byCat.set(b, (byCat.get(b) ?? 0) + c.total);
  }
  for (const e of events) {
    const m = byMonth.get(chinaMonth(e.starts_at));
    if (m) m.events += 1;
  }
  for (const g of groups) {
    const m = byMonth.get(chinaMonth(g.starts_at));
    if (m && g.state !== 'merged') m.suggestions += g.n;
  }
  const roll = rollUpGroups(groups);
  const q = filterQuery(r);
  const link = (key: FigureKey) => `/api/v1/public/records?figure=${key}&${q}`;
  const count = (key: FigureKey, n: number): Figure => ({ key, value: n, numerator: n, denominator: null, kind: 'count', records: link(key) });
  const ratio = (key: FigureKey, n: number, d: number): Figure => ({ key, value: rate(n, d), numerator: n, denominator: d, kind: 'rate', records: link(key) });
  const figures: Figure[] = FIGURE_KEYS.map((key) => {
    if (key in APPEAL_FIGURES) {
      const f = APPEAL_FIGURES[key as keyof typeof APPEAL_FIGURES];
      return f.kind === 'count' ? count(key, total[f.numerator]) : ratio(key, total[f.numerator], total[f.denominator]);
    }
    switch (key) {
      case 'topics_filed':
        return count(key, topics);
      case 'events':
        return count(key, events.length);
      case 'events_completed':
        return count(key, events.filter((e) => e.state === 'completed').length);
      case 'suggestions':
        return count(key, roll.suggestions);
      case 'adoption_rate':
        return ratio(key, roll.adopted, roll.decided);
      default:
        return ratio(key, roll.implemented, roll.assigned);
    }
  });

  // Territory breakdown: towns of a district, communities of a town, the community itself.
  const children = r.scope.level === 'village' ? [{ code: r.scope.code, name: r.scope.name }] : await listChildTerritories(db, r.scope.code);
  const known = new Set(children.map((c) => c.code));
  const byTerritory = children.map((c) => ({ code: c.code, name: c.name, count: byArea.get(c.code) ?? 0 }));
  const strays = [...byArea.keys()].filter((k) => !known.has(k) && k !== r.scope.code);
  if (strays.length) {
    const names = await territoryNamesOf(db, strays);
    for (const k of strays) byTerritory.push({ code: k, name: names.get(k) ?? k, count: byArea.get(k) ?? 0 });
  }
  const catRows = cats.filter((c) => (r.category ? c.parent_id === r.category : c.parent_id === null));
  const byCategory = catRows.map((c) => ({ id: c.id, name: c.name_zh, nameEn: c.name_en, count: byCat.get(c.id) ?? 0 }));
  if (r.category && catRows.length === 0) {
    const self = cats.find((c) => c.id === r.category) as CategoryRow;
    byCategory.push({ id: self.id, name: self.name_zh, nameEn: self.name_en, count: total.total });
  }
  return {
    filters: { from: r.from, to: r.to, territory: r.territory, venue: r.venue, category: r.category, campaign: r.campaign },
    scope: { code: r.scope.code, name: r.scope.name, level: r.scope.level, venue: r.venueRow },
    figures,
    byCategory,
    byTerritory,
    byMonth: [...byMonth.values()],
    generatedAt: new Date().toISOString(),
    dataVersion: version,
  };
}
