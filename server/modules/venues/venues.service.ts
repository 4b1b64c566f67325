import type { Kysely } from 'kysely';
import type { CalendarService } from '../../infra/calendar/calendar.service.js';
import type { DB } from '../../infra/db/schema.js';
import { AppError } from '../../infra/http/errors.js';
import { territoryNames } from '../territories/index.js';
import { dayNumber, expandDuty, MAX_RANGE_DAYS, type RecurrenceRule, type Weekday } from './roster-recurrence.js';
import { presentSlot, type Names } from './venues.presenter.js';
import { accountNames, findVenue, listDutyExceptions, listDutyRules } from './venues.repository.js';
import type { DutyExceptionTable, DutyRuleTable, VenueTable } from './venues.table.js';

/** Finds a venue or throws NOT_FOUND. */
export async function getVenue(db: Kysely<DB>, id: string): Promise<VenueTable> {
  const v = await findVenue(db, id);
  if (!v) throw new AppError('NOT_FOUND', { zh: '找不到该场所', en: 'No such venue' });
  return v;
}

/** The names presenters show: territories of the venues, and the people. */
export async function namesFor(db: Kysely<DB>, venues: VenueTable[], people: (string | null)[]): Promise<Names> {
  const codes = [...new Set(venues.map((v) => v.territory_code).filter((c): c is string => c !== null))];
  const ids = [...venues.map((v) => v.head_account_id), ...people].filter((id): id is string => id !== null);
  const [territories, names] = await Promise.all([territoryNames(db, codes), accountNames(db, ids)]);
  return { territories, people: names };
}

/** A stored rule as the pure recurrence module takes it. */
export function recurrenceOf(r: DutyRuleTable): RecurrenceRule {
  const list = (csv: string) => (csv === '' ? [] : csv.split(',').map(Number));
  return {
    id: r.id,
    freq: r.freq,
    interval: r.interval,
    weekdays: list(r.weekdays) as Weekday[],
    monthDays: list(r.month_days),
    startDate: r.start_date,
    endDate: r.end_date,
    startTime: r.start_time,
    endTime: r.end_time,
    holidays: r.holidays,
  };
}

function exceptionsOf(rows: DutyExceptionTable[]) {
  return rows.map((e) => ({ ruleId: e.rule_id, kind: e.kind, date: e.date, newDate: e.new_date, startTime: e.start_time, endTime: e.end_time }));
}

export function checkRange(from: string, to: string): void {
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1 || days > MAX_RANGE_DAYS)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: `日期范围应为 1–${MAX_RANGE_DAYS} 天`, en: `The range must cover 1–${MAX_RANGE_DAYS} days` },
      { errors: [{ field: 'to', message: `日期范围应为 1–${MAX_RANGE_DAYS} 天|must be 1–${MAX_RANGE_DAYS} days after from` }] },
    );
}

export type PresentedSlot = ReturnType<typeof presentSlot>;

/**
 * The duty slots between two local dates: of the given venues, or of one member (everywhere
 * they serve). Official holidays come from the working calendar.
 */
export async function dutyBetween(
  db: Kysely<DB>,
  calendar: CalendarService,
  by: { venues: VenueTable[] } | { accountId: string },
  from: string,
  to: string,
): Promise<{ slots: PresentedSlot[]; venues: Map<string, VenueTable> }> {
  checkRange(from, to);
  const rules = 'venues' in by ? await listDutyRules(db, { venueIds: by.venues.map((v) => v.id) }) : await listDutyRules(db, { accountId: by.accountId });
  const venues = new Map<string, VenueTable>('venues' in by ? by.venues.map((v) => [v.id, v]) : []);
  for (const id of new Set(rules.map((r) => r.venue_id))) {
    if (!venues.has(id)) venues.set(id, await getVenue(db, id));
  }
  const live = rules.filter((r) => venues.get(r.venue_id)?.active === 1);
  const [exceptions, work, people] = await Promise.all([
    listDutyExceptions(db, live.map((r) => r.id)),
    calendar.get(),
    accountNames(db, live.map((r) => r.account_id)),
  ]);
  const byId = new Map(live.map((r) => [r.id, r]));
  const names: Names = { territories: new Map(), people };
  const slots = expandDuty(live.map(recurrenceOf), exceptionsOf(exceptions), from, to, work).map((s) => {
    const rule = byId.get(s.ruleId) as DutyRuleTable;
    return presentSlot(s, rule, venues.get(rule.venue_id) as VenueTable, names);
  });
  return { slots, venues };
}
