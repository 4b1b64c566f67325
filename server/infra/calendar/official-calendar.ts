import { createRequire } from 'node:module';
import type { DayKind } from './work-calendar.js';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface OfficialDay {
  date: string;
  kind: DayKind;
  /** "国庆节" — the Chinese name of the holiday a day belongs to. */
  name: string;
}

/**
 * The State Council's holidays and make-up working days as published in the `chinese-days`
 * package (shipped with it, read locally). Later years are entered by an administrator.
 */
export function officialDays(): OfficialDay[] {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const name = (v: string) => v.split(',')[1] ?? v;
  return [
    ...Object.entries(data.holidays).map(([date, v]) => ({ date, kind: 'holiday' as const, name: name(v) })),
    ...Object.entries(data.workdays).map(([date, v]) => ({ date, kind: 'workday' as const, name: name(v) })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}
