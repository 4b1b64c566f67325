import type { TFunction } from 'i18next';
import type { DutyRule, OpeningHours, Venue } from '../../api/types.js';

/** "协商驿站 · 社区" */
export function kindLabel(t: TFunction, v: Pick<Venue, 'kind' | 'stationKind'>): string {
  const kind = t(`venues.kinds.${v.kind}`);
  return v.stationKind ? `${kind} · ${t(`venues.stationKinds.${v.stationKind}`)}` : kind;
}

const weekday = (t: TFunction, d: number) => t(`weekdays.${d}` as 'weekdays.1');

/** Opening hours as lines: "周一 09:00–17:00", grouped by identical ranges. */
export function hoursLines(t: TFunction, hours: OpeningHours): string[] {
  const byRange = new Map<string, number[]>();
  for (const r of [...hours.ranges].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from))) {
    const key = `${r.from}–${r.to}`;
    byRange.set(key, [...(byRange.get(key) ?? []), r.weekday]);
  }
  return [...byRange].map(([range, days]) => `${days.map((d) => weekday(t, d)).join('、')} ${range}`);
}

/** "每 1 周的 周三 14:00–16:30，自 2026-01-01 起" */
export function ruleText(t: TFunction, r: DutyRule): string {
  const days =
    r.freq === 'weekly'
      ? r.weekdays.map((d) => weekday(t, d)).join('、')
      : r.monthDays.map((d) => (d === -1 ? t('venues.lastDay') : t('venues.dayOfMonth', { day: d }))).join('、');
  const pattern =
    r.freq === 'weekly' ? t('venues.ruleWeekly', { interval: r.interval, days }) : r.freq === 'monthly' ? t('venues.ruleMonthly', { interval: r.interval, days }) : t('venues.ruleDaily', { interval: r.interval });
  const bounds = [t('venues.since', { date: r.startDate }), ...(r.endDate ? [t('venues.until', { date: r.endDate })] : [])].join(' ');
  return `${pattern} ${r.startTime}–${r.endTime}，${bounds}`;
}

/** The weekday (1 = Monday) of a YYYY-MM-DD date. */
export function weekdayOfDate(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export { weekday };
