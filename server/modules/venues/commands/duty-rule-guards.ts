import type { Kysely } from 'kysely';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { ruleProblem, type Weekday } from '../roster-recurrence.js';
import { findDutyRule, findVenue, findVenueMember } from '../venues.repository.js';
import type { DutyRuleTable, VenueTable } from '../venues.table.js';
import { fieldError, requireRoster, venueNotFound, type Caller } from './venue-guards.js';

export const ruleNotFound = () => new AppError('NOT_FOUND', { zh: '找不到该排班规则', en: 'No such duty rule' });

/** A rule and its venue, after checking the caller may edit that venue's roster. */
export async function ruleForRoster(db: Kysely<DB>, caller: Caller, ruleId: string): Promise<{ rule: DutyRuleTable; venue: VenueTable }> {
  const rule = await findDutyRule(db, ruleId);
  if (!rule) throw ruleNotFound();
  const venue = await findVenue(db, rule.venue_id);
  if (!venue) throw venueNotFound();
  requireRoster(caller, venue);
  return { rule, venue };
}

/** The recurrence must make sense, and the member on duty must serve at the venue (进站). */
export async function checkRule(db: Kysely<DB>, venue: VenueTable, rule: DutyRuleTable): Promise<void> {
  const problem = ruleProblem({
    freq: rule.freq,
    interval: rule.interval,
    weekdays: (rule.weekdays === '' ? [] : rule.weekdays.split(',').map(Number)) as Weekday[],
    monthDays: rule.month_days === '' ? [] : rule.month_days.split(',').map(Number),
    startDate: rule.start_date,
    endDate: rule.end_date,
    startTime: rule.start_time,
    endTime: rule.end_time,
    holidays: rule.holidays,
  });
  if (problem) throw fieldError(problem.field, problem.zh, problem.en);
  if (venue.active !== 1) throw new AppError('ACTION_NOT_ALLOWED', { zh: '场所已停用', en: 'The venue is closed' });
  if (!(await findVenueMember(db, venue.id, rule.account_id))) throw fieldError('accountId', '请先安排该委员进站', 'assign the member to the venue first');
}

/** Sorted, de-duplicated, comma-separated: how day lists are stored. */
export const csv = (days: readonly number[]) => [...new Set(days)].sort((a, b) => a - b).join(',');
