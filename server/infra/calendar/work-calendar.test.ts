import { describe, expect, it } from 'vitest';
import { officialDays } from './official-calendar.js';
import { WorkCalendar } from './work-calendar.js';

const cal = new WorkCalendar(new Map(officialDays().map((d) => [d.date, d.kind])));
/** A Beijing local time as an instant. */
const bj = (s: string) => new Date(`${s}+08:00`);
const iso = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('working-day calendar', () => {
  it('knows the 2026 holidays and make-up working days', () => {
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // National Day
    expect(cal.isWorkingDay('2026-10-07')).toBe(false);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up working day
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // Sunday, make-up working day
    expect(cal.isWorkingDay('2026-10-11')).toBe(false); // ordinary Sunday
    expect(cal.isWorkingDay('2026-09-25')).toBe(false); // Mid-Autumn, a Friday
    expect(cal.hasYear(2026)).toBe(true);
  });

  it('5 working days from the eve of National Day cross the holiday and land via the make-up Saturday', () => {
    // Wed 30 Sep 10:00: 6 h of office time left that day (10:00–12:00, 13:30–17:30);
    // holidays 1–7 Oct; Thu 8, Fri 9, Sat 10 (make-up), Mon 12 are working days.
    const due = cal.addWorkingDays(bj('2026-09-30T10:00'), 5);
    expect(iso(due)).toBe('2026-10-13 10:00');
  });

  it('counts half a working day in office time, across lunch and overnight', () => {
    expect(iso(cal.addWorkingDays(bj('2026-11-30T09:00'), 0.5))).toBe('2026-11-30 14:15');
    expect(iso(cal.addWorkingDays(bj('2026-11-30T16:30'), 0.5))).toBe('2026-12-01 11:15');
    // Filed on a Saturday evening: the clock starts on Monday morning.
    expect(iso(cal.addWorkingDays(bj('2026-11-28T20:00'), 1))).toBe('2026-11-30 17:30');
    expect(iso(cal.addWorkingDays(bj('2026-11-30T08:00'), 0))).toBe('2026-11-30 08:30');
  });

  it('measures working time between instants', () => {
    expect(cal.workingDaysBetween(bj('2026-09-30T10:00'), bj('2026-10-13T10:00'))).toBeCloseTo(5, 10);
    expect(cal.workingDaysBetween(bj('2026-10-02T10:00'), bj('2026-10-05T10:00'))).toBe(0);
    expect(cal.workingDaysBetween(bj('2026-10-13T10:00'), bj('2026-09-30T10:00'))).toBeCloseTo(-5, 10);
  });

  it('an administrator-entered day overrides the default week', () => {
    const custom = new WorkCalendar(new Map([['2027-01-01', 'holiday'], ['2027-01-09', 'workday']]));
    expect(custom.isWorkingDay('2027-01-01')).toBe(false);
    expect(custom.isWorkingDay('2027-01-09')).toBe(true);
    expect(custom.hasYear(2027)).toBe(true);
  });
});
