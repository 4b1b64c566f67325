import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../infra/calendar/work-calendar.js';
import { officialDays } from '../../infra/calendar/official-calendar.js';
import {
  chinaDate,
  chinaInstant,
  expandDuty,
  isCalendarDate,
  occursOn,
  ruleProblem,
  weekdayOf,
  type RecurrenceException,
  type RecurrenceRule,
} from './roster-recurrence.js';

const base: RecurrenceRule = {
  id: 'r1',
  freq: 'weekly',
  interval: 1,
  weekdays: [3],
  monthDays: [],
  startDate: '2026-01-01',
  endDate: null,
  startTime: '09:00',
  endTime: '11:30',
  holidays: 'flag',
};
const rule = (over: Partial<RecurrenceRule>): RecurrenceRule => ({ ...base, ...over });
const dates = (r: RecurrenceRule[], from: string, to: string, ex: RecurrenceException[] = [], cal?: WorkCalendar) =>
  expandDuty(r, ex, from, to, cal).map((s) => s.date);
const calendar = new WorkCalendar(new Map(officialDays().map((d) => [d.date, d.kind])));

describe('roster recurrence', () => {
  it('weekly: every Wednesday', () => {
    expect(dates([base], '2026-11-01', '2026-11-30')).toEqual(['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25']);
    for (const d of dates([base], '2026-01-01', '2026-12-31')) expect(weekdayOf(d)).toBe(3);
    expect(dates([base], '2026-01-01', '2026-12-31')).toHaveLength(52);
  });

  it('weekly: Mon/Wed/Fri, and every other week counted from the start week', () => {
    expect(dates([rule({ weekdays: [1, 3, 5] })], '2026-11-23', '2026-11-29')).toEqual(['2026-11-23', '2026-11-25', '2026-11-27']);
    // Starts on a Thursday: its week (from Monday 2026-11-02) is week 0.
    const fortnightly = rule({ weekdays: [1, 4], interval: 2, startDate: '2026-11-05' });
    expect(dates([fortnightly], '2026-11-01', '2026-11-30')).toEqual(['2026-11-05', '2026-11-16', '2026-11-19', '2026-11-30']);
  });

  it('monthly: the 10th and 20th of each month', () => {
    const r = rule({ freq: 'monthly', weekdays: [], monthDays: [10, 20] });
    expect(dates([r], '2026-01-01', '2026-03-31')).toEqual(['2026-01-10', '2026-01-20', '2026-02-10', '2026-02-20', '2026-03-10', '2026-03-20']);
  });

  it('monthly: the 31st is skipped in short months; -1 is always the last day (leap years too)', () => {
    const r31 = rule({ freq: 'monthly', weekdays: [], monthDays: [31] });
    expect(dates([r31], '2026-01-01', '2026-12-31')).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31']);
    const last = rule({ freq: 'monthly', weekdays: [], monthDays: [-1], startDate: '2027-12-01' });
    expect(dates([last], '2028-01-01', '2028-04-30')).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
    const r29 = rule({ freq: 'monthly', weekdays: [], monthDays: [29, 30] });
    expect(dates([r29], '2026-02-01', '2026-03-01')).toEqual([]);
    // The 31st and the last day coincide: one duty, not two.
    const both = rule({ freq: 'monthly', weekdays: [], monthDays: [31, -1] });
    expect(dates([both], '2026-01-01', '2026-02-28')).toEqual(['2026-01-31', '2026-02-28']);
  });

  it('monthly: every third month counted from the start month', () => {
    const r = rule({ freq: 'monthly', weekdays: [], monthDays: [15], interval: 3, startDate: '2026-11-20' });
    expect(dates([r], '2026-11-01', '2027-10-31')).toEqual(['2027-02-15', '2027-05-15', '2027-08-15']);
  });

  it('daily: every N days across month and year ends', () => {
    const r = rule({ freq: 'daily', weekdays: [], interval: 10, startDate: '2026-12-15' });
    expect(dates([r], '2026-12-01', '2027-01-31')).toEqual(['2026-12-15', '2026-12-25', '2027-01-04', '2027-01-14', '2027-01-24']);
  });

  it('start and end dates bound a rule (inclusive)', () => {
    const r = rule({ startDate: '2026-11-11', endDate: '2026-11-25' });
    expect(dates([r], '2026-11-01', '2026-12-31')).toEqual(['2026-11-11', '2026-11-18', '2026-11-25']);
    expect(occursOn(r, '2026-11-04')).toBe(false);
  });

  it('times are China time (+08:00) all year: no daylight saving', () => {
    const [winter] = expandDuty([base], [], '2026-01-07', '2026-01-07');
    const [summer] = expandDuty([base], [], '2026-07-08', '2026-07-08');
    expect(winter).toMatchObject({ start: '2026-01-07T01:00:00.000Z', end: '2026-01-07T03:30:00.000Z' });
    expect(summer).toMatchObject({ start: '2026-07-08T01:00:00.000Z', end: '2026-07-08T03:30:00.000Z' });
    expect(chinaInstant('2026-03-08', '00:30')).toBe('2026-03-07T16:30:00.000Z');
    expect(chinaDate(new Date('2026-03-07T16:30:00Z'))).toBe('2026-03-08');
    expect(chinaDate(new Date('2026-03-07T15:59:59Z'))).toBe('2026-03-07');
  });

  it('exceptions: cancel a date, move one (also into another month), add a one-off', () => {
    const ex: RecurrenceException[] = [
      { ruleId: 'r1', kind: 'cancel', date: '2026-11-04' },
      { ruleId: 'r1', kind: 'move', date: '2026-11-11', newDate: '2026-11-12', startTime: '14:00', endTime: '16:00' },
      { ruleId: 'r1', kind: 'move', date: '2026-11-25', newDate: '2026-12-01' },
      { ruleId: 'r1', kind: 'add', date: '2026-11-28' },
      // Another rule's exception and a move of a date the rule does not have change nothing.
      { ruleId: 'other', kind: 'cancel', date: '2026-11-18' },
      { ruleId: 'r1', kind: 'move', date: '2026-11-19', newDate: '2026-11-20' },
    ];
    const slots = expandDuty([base], ex, '2026-11-01', '2026-11-30');
    expect(slots.map((s) => [s.date, s.origin, s.startTime])).toEqual([
      ['2026-11-12', 'moved', '14:00'],
      ['2026-11-18', 'rule', '09:00'],
      ['2026-11-28', 'added', '09:00'],
    ]);
    expect(slots[0]?.movedFrom).toBe('2026-11-11');
    // The move out of November lands in December's expansion, from a range that excludes the original date.
    expect(expandDuty([base], ex, '2026-12-01', '2026-12-07').map((s) => [s.date, s.movedFrom])).toEqual([
      ['2026-12-01', '2026-11-25'],
      ['2026-12-02', undefined],
    ]);
  });

  it('official holidays: National Day duties are skipped or flagged as the rule says; moves onto a holiday are flagged', () => {
    const skip = rule({ holidays: 'skip' });
    expect(dates([skip], '2026-10-01', '2026-10-31', [], calendar)).toEqual(['2026-10-14', '2026-10-21', '2026-10-28']);
    const flag = expandDuty([base], [], '2026-10-01', '2026-10-31', calendar);
    expect(flag.map((s) => [s.date, s.holiday])).toEqual([
      ['2026-10-07', true],
      ['2026-10-14', false],
      ['2026-10-21', false],
      ['2026-10-28', false],
    ]);
    // A make-up working Saturday (2026-10-10) is not a holiday; an explicit move onto a holiday is kept.
    const moved = expandDuty([skip], [{ ruleId: 'r1', kind: 'move', date: '2026-10-14', newDate: '2026-10-05' }], '2026-10-01', '2026-10-31', calendar);
    expect(moved.map((s) => [s.date, s.holiday, s.origin])).toEqual([
      ['2026-10-05', true, 'moved'],
      ['2026-10-21', false, 'rule'],
      ['2026-10-28', false, 'rule'],
    ]);
    expect(calendar.isHoliday('2026-10-10')).toBe(false);
    expect(calendar.isHoliday('2026-10-03')).toBe(true);
    // A weekend outside a holiday period is not a holiday.
    expect(calendar.isHoliday('2026-11-28')).toBe(false);
  });

  it('several rules come out ordered by start time', () => {
    const a = rule({ id: 'a', startTime: '14:00', endTime: '16:00' });
    const b = rule({ id: 'b', weekdays: [3, 4] });
    expect(expandDuty([a, b], [], '2026-11-04', '2026-11-05').map((s) => `${s.date} ${s.startTime} ${s.ruleId}`)).toEqual([
      '2026-11-04 09:00 b',
      '2026-11-04 14:00 a',
      '2026-11-05 09:00 b',
    ]);
  });

  it('ranges: empty when reversed, refused beyond a year or with invalid dates', () => {
    expect(expandDuty([base], [], '2026-11-30', '2026-11-01')).toEqual([]);
    expect(() => expandDuty([base], [], '2026-01-01', '2027-01-02')).toThrow(RangeError);
    expect(() => expandDuty([base], [], '2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });

  it('rule checks', () => {
    expect(ruleProblem(base)).toBeNull();
    expect(ruleProblem(rule({ endTime: '09:00' }))?.field).toBe('endTime');
    expect(ruleProblem(rule({ endTime: '24:00' }))?.field).toBe('endTime');
    expect(ruleProblem(rule({ weekdays: [] }))?.field).toBe('weekdays');
    expect(ruleProblem(rule({ freq: 'monthly', monthDays: [] }))?.field).toBe('monthDays');
    expect(ruleProblem(rule({ freq: 'monthly', monthDays: [0] }))?.field).toBe('monthDays');
    expect(ruleProblem(rule({ freq: 'monthly', monthDays: [32] }))?.field).toBe('monthDays');
    expect(ruleProblem(rule({ endDate: '2025-12-31' }))?.field).toBe('endDate');
    expect(ruleProblem(rule({ interval: 0 }))?.field).toBe('interval');
  });
});
