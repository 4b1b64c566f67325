/**
 * Duty roster recurrence (排班规则): expands recurring rules and their exceptions into concrete
 * duty slots for a range of local dates in China (UTC+08:00, no daylight saving since 1991).
 * Pure: rules, exceptions and an optional holiday lookup come in; nothing is read here.
 *
 * Hand-written rather than `rrule` (npm): the rosters need three patterns (weekly on given
 * weekdays, monthly on given days, every N days) over calendar dates, and `rrule` works on
 * instants, needs a time-zone library for Asia/Shanghai, treats "the 31st" and "last day" through
 * BYMONTHDAY=-1 only, and has seen no release since 2023. Walking the range day by day (a range
 * is at most a year) keeps every case — short months, leap days, moves across months — readable
 * and tested in roster-recurrence.test.ts.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export const DUTY_FREQUENCIES = ['weekly', 'monthly', 'daily'] as const;
export type DutyFrequency = (typeof DUTY_FREQUENCIES)[number];

/** On an official public holiday a duty is either dropped or kept and flagged. */
export const HOLIDAY_POLICIES = ['skip', 'flag'] as const;
export type HolidayPolicy = (typeof HOLIDAY_POLICIES)[number];

export const EXCEPTION_KINDS = ['cancel', 'move', 'add'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** Last day of the month, whatever its length (a month day of -1). */
export const LAST_DAY_OF_MONTH = -1;

export interface RecurrenceRule {
  id: string;
  freq: DutyFrequency;
  /** Every `interval` weeks / months / days, counted from the start date's week / month / day. */
  interval: number;
  /** weekly: which weekdays. */
  weekdays: readonly Weekday[];
  /** monthly: which days of the month (1–31, or -1 for the last day); a day a month lacks is skipped. */
  monthDays: readonly number[];
  /** First and last local date (inclusive); no end date repeats for ever. */
  startDate: string;
  endDate: string | null;
  /** Local clock times, HH:MM, start before end (no duty runs past midnight). */
  startTime: string;
  endTime: string;
  holidays: HolidayPolicy;
}

export interface RecurrenceException {
  ruleId: string;
  kind: ExceptionKind;
  /** cancel / move: the occurrence's own date; add: the one-off date. */
  date: string;
  /** move: where the occurrence goes. */
  newDate?: string | null;
  /** move / add: other times than the rule's. */
  startTime?: string | null;
  endTime?: string | null;
}

export interface DutySlot {
  ruleId: string;
  date: string;
  startTime: string;
  endTime: string;
  /** The instants in UTC (ISO-8601). */
  start: string;
  end: string;
  /** The date is an official public holiday (only kept when the rule flags, or a person chose it). */
  holiday: boolean;
  origin: 'rule' | 'moved' | 'added';
  /** move: the date the occurrence was moved from. */
  movedFrom?: string;
}

/** Which local dates are official public holidays (the WorkCalendar answers this). */
export interface HolidayLookup {
  isHoliday(date: string): boolean;
}

const DAY_MS = 86_400_000;
/** The longest range one expansion covers. */
export const MAX_RANGE_DAYS = 366;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

export function isClockTime(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

export function weekdayOf(date: string): Weekday {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (d === 0 ? 7 : d) as Weekday;
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant of a local China date and clock time, in UTC ISO-8601. */
export function chinaInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** The local China date of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whether a rule (ignoring exceptions and holidays) has an occurrence on a date. */
export function occursOn(rule: RecurrenceRule, date: string): boolean {
  if (date < rule.startDate || (rule.endDate !== null && date > rule.endDate)) return false;
  const interval = Math.max(1, rule.interval);
  const day = dayNumber(date);
  const start = dayNumber(rule.startDate);
  switch (rule.freq) {
    case 'daily':
      return (day - start) % interval === 0;
    case 'weekly': {
      if (!rule.weekdays.includes(weekdayOf(date))) return false;
      const mondayOf = (n: number, d: string) => n - (weekdayOf(d) - 1);
      const weeks = (mondayOf(day, date) - mondayOf(start, rule.startDate)) / 7;
      return weeks % interval === 0;
    }
    case 'monthly': {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const [sy, sm] = rule.startDate.split('-').map(Number) as [number, number];
      if (((y - sy) * 12 + (m - sm)) % interval !== 0) return false;
      return rule.monthDays.includes(d) || (rule.monthDays.includes(LAST_DAY_OF_MONTH) && d === daysInMonth(y, m));
    }
  }
}

function slot(rule: RecurrenceRule, date: string, startTime: string, endTime: string, holiday: boolean, origin: DutySlot['origin'], movedFrom?: string): DutySlot {
  return {
    ruleId: rule.id,
    date,
    startTime,
    endTime,
    start: chinaInstant(date, startTime),
    end: chinaInstant(date, endTime),
    holiday,
    origin,
    ...(movedFrom ? { movedFrom } : {}),
  };
}

/**
 * The duty slots of the rules between two local dates (inclusive), ordered by start then rule.
 * Cancelled occurrences are gone; moved ones appear on their new date (if that is in range);
 * added ones appear as given. Occurrences on a public holiday are dropped when the rule says
 * 'skip' and flagged otherwise; moves and additions are a person's explicit choice and are
 * only flagged.
 */
export function expandDuty(
  rules: readonly RecurrenceRule[],
  exceptions: readonly RecurrenceException[],
  from: string,
  to: string,
  holidays?: HolidayLookup,
): DutySlot[] {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError('from and to must be calendar dates');
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) return [];
  if (days > MAX_RANGE_DAYS) throw new RangeError(`a range covers at most ${MAX_RANGE_DAYS} days`);
  const isHoliday = (d: string) => holidays?.isHoliday(d) ?? false;
  const out: DutySlot[] = [];
  for (const rule of rules) {
    const own = exceptions.filter((e) => e.ruleId === rule.id);
    // An occurrence that is cancelled or moved no longer happens on its own date.
    const displaced = new Set(own.filter((e) => e.kind === 'cancel' || (e.kind === 'move' && e.newDate)).map((e) => e.date));
    for (let i = 0; i < days; i++) {
      const date = addDays(from, i);
      if (displaced.has(date) || !occursOn(rule, date)) continue;
      const holiday = isHoliday(date);
      if (holiday && rule.holidays === 'skip') continue;
      out.push(slot(rule, date, rule.startTime, rule.endTime, holiday, 'rule'));
    }
    for (const e of own) {
      if (e.kind === 'move' && e.newDate && occursOn(rule, e.date) && e.newDate >= from && e.newDate <= to) {
        out.push(slot(rule, e.newDate, e.startTime ?? rule.startTime, e.endTime ?? rule.endTime, isHoliday(e.newDate), 'moved', e.date));
      }
      if (e.kind === 'add' && e.date >= from && e.date <= to) {
        out.push(slot(rule, e.date, e.startTime ?? rule.startTime, e.endTime ?? rule.endTime, isHoliday(e.date), 'added'));
      }
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.ruleId.localeCompare(b.ruleId));
}

/** What is wrong with a rule, or null: the checks both the API and the commands apply. */
export function ruleProblem(rule: Omit<RecurrenceRule, 'id'>): { field: string; zh: string; en: string } | null {
  if (!isCalendarDate(rule.startDate)) return { field: 'startDate', zh: '开始日期无效', en: 'not a calendar date' };
  if (rule.endDate !== null && !isCalendarDate(rule.endDate)) return { field: 'endDate', zh: '结束日期无效', en: 'not a calendar date' };
  if (rule.endDate !== null && rule.endDate < rule.startDate) return { field: 'endDate', zh: '结束日期早于开始日期', en: 'ends before it starts' };
  if (!isClockTime(rule.startTime) || !isClockTime(rule.endTime) || rule.endTime <= rule.startTime)
    return { field: 'endTime', zh: '结束时间应晚于开始时间（同一天内）', en: 'must be later than the start time, on the same day' };
  if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > 52) return { field: 'interval', zh: '间隔应为 1–52', en: 'must be 1–52' };
  if (rule.freq === 'weekly' && rule.weekdays.length === 0) return { field: 'weekdays', zh: '请选择星期几', en: 'choose at least one weekday' };
  if (rule.freq === 'monthly' && rule.monthDays.length === 0) return { field: 'monthDays', zh: '请选择每月几号', en: 'choose at least one day of the month' };
  if (rule.monthDays.some((d) => !Number.isInteger(d) || d === 0 || d < LAST_DAY_OF_MONTH || d > 31))
    return { field: 'monthDays', zh: '每月几号应为 1–31 或 -1（月末）', en: 'days of the month are 1–31, or -1 for the last day' };
  return null;
}
