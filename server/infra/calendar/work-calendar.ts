/**
 * Working-day arithmetic on the official Chinese calendar: weekends are rest days unless they
 * are make-up working days (调休), weekdays are working days unless they are public holidays.
 * A working day is measured in office time, so half a working day is half the office hours.
 * Pure: the day list comes in, nothing is read from the database here.
 */

export type DayKind = 'holiday' | 'workday';

/** Office hours of a working day, in minutes after local midnight, as [start, end) spans. */
export type OfficeHours = readonly (readonly [number, number])[];

/** 08:30–12:00 and 13:30–17:30 (7.5 h): a common schedule of district offices. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  [8 * 60 + 30, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];

/** China Standard Time has had no daylight saving since 1991. */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export class WorkCalendar {
  private readonly officeMinutes: number;

  constructor(
    private readonly days: ReadonlyMap<string, DayKind>,
    private readonly office: OfficeHours = DEFAULT_OFFICE_HOURS,
    private readonly offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
  ) {
    this.officeMinutes = office.reduce((sum, [a, b]) => sum + (b - a), 0);
    if (this.officeMinutes <= 0) throw new Error('office hours must not be empty');
  }

  /** The local date (YYYY-MM-DD) of an instant. */
  localDate(instant: Date): string {
    return new Date(instant.getTime() + this.offsetMinutes * MINUTE_MS).toISOString().slice(0, 10);
  }

  /** Whether a local date is a working day. */
  isWorkingDay(date: string): boolean {
    const override = this.days.get(date);
    if (override) return override === 'workday';
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** Whether a local date is an official public holiday (a plain weekend is not; a make-up working day is not). */
  isHoliday(date: string): boolean {
    return this.days.get(date) === 'holiday';
  }

  /** Whether the calendar knows the official holidays of that year (else only weekends count). */
  hasYear(year: number): boolean {
    const prefix = `${year}-`;
    for (const d of this.days.keys()) if (d.startsWith(prefix)) return true;
    return false;
  }

  private localMidnightUtc(date: string): number {
    return Date.parse(`${date}T00:00:00Z`) - this.offsetMinutes * MINUTE_MS;
  }

  private nextDate(date: string): string {
    return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  }

  /**
   * The instant when `workingDays` of office time have passed after `start`. Time outside
   * office hours does not count; a deadline that ends exactly at a closing time stays there.
   */
  addWorkingDays(start: Date, workingDays: number): Date {
    if (!(workingDays >= 0)) throw new RangeError('workingDays must be ≥ 0');
    let remaining = Math.round(workingDays * this.officeMinutes * MINUTE_MS);
    let date = this.localDate(start);
    let cursor = start.getTime();
    for (let guard = 0; guard < 3660; guard++) {
      if (this.isWorkingDay(date)) {
        const midnight = this.localMidnightUtc(date);
        for (const [a, b] of this.office) {
          const from = Math.max(cursor, midnight + a * MINUTE_MS);
          const to = midnight + b * MINUTE_MS;
          if (from >= to) continue;
          if (remaining <= to - from) return new Date(from + remaining);
          remaining -= to - from;
        }
      }
      date = this.nextDate(date);
      cursor = this.localMidnightUtc(date);
    }
    throw new RangeError('deadline more than ten years away');
  }

  /** Office time between two instants, in working days (negative when `to` is earlier). */
  workingDaysBetween(from: Date, to: Date): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let total = 0;
    let date = this.localDate(from);
    const end = to.getTime();
    for (let guard = 0; guard < 3660; guard++) {
      const midnight = this.localMidnightUtc(date);
      if (midnight > end) break;
      if (this.isWorkingDay(date)) {
        for (const [a, b] of this.office) {
          const s = Math.max(from.getTime(), midnight + a * MINUTE_MS);
          const e = Math.min(end, midnight + b * MINUTE_MS);
          if (e > s) total += e - s;
        }
      }
      date = this.nextDate(date);
    }
    return total / (this.officeMinutes * MINUTE_MS);
  }
}
