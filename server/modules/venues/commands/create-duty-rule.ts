import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { DutyFrequency, HolidayPolicy } from '../roster-recurrence.js';
import { ruleAuditView } from '../venues.presenter.js';
import { findVenue, insertDutyRule } from '../venues.repository.js';
import type { DutyRuleTable } from '../venues.table.js';
import { checkRule, csv } from './duty-rule-guards.js';
import { requireRoster, venueNotFound, type Caller } from './venue-guards.js';

export interface DutyRuleInput {
  accountId: string;
  freq: DutyFrequency;
  interval: number;
  weekdays: number[];
  monthDays: number[];
  startDate: string;
  endDate: string | null;
  startTime: string;
  endTime: string;
  holidays: HolidayPolicy;
  note?: string | null;
}

/** Adds a recurring duty of a member at a venue (every Wednesday; the 10th and 20th; …). */
export async function createDutyRule(db: Kysely<DB>, ctx: CommandContext, caller: Caller, venueId: string, input: DutyRuleInput): Promise<DutyRuleTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const venue = await findVenue(tx, venueId);
    if (!venue) throw venueNotFound();
    requireRoster(caller, venue);
    const now = new Date().toISOString();
    const row: DutyRuleTable = {
      id: uuidv7(),
      venue_id: venueId,
      account_id: input.accountId,
      freq: input.freq,
      interval: input.interval,
      weekdays: input.freq === 'weekly' ? csv(input.weekdays) : '',
      month_days: input.freq === 'monthly' ? csv(input.monthDays) : '',
      start_date: input.startDate,
      end_date: input.endDate,
      start_time: input.startTime,
      end_time: input.endTime,
      holidays: input.holidays,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await checkRule(tx, venue, row);
    await insertDutyRule(tx, row);
    audit.record({ action: 'duty_rule.create', resourceType: 'duty_rule', resourceId: row.id, after: ruleAuditView(row) });
    return row;
  });
}
