import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { ruleAuditView } from '../venues.presenter.js';
import { updateDutyRule } from '../venues.repository.js';
import type { DutyRuleTable } from '../venues.table.js';
import type { DutyRuleInput } from './create-duty-rule.js';
import { checkRule, csv, ruleForRoster } from './duty-rule-guards.js';
import type { Caller } from './venue-guards.js';

export type DutyRulePatch = Partial<DutyRuleInput> & { version: number };

/** Changes a duty rule (compare-and-set on its version); its exceptions stay. */
export async function updateDutyRuleDetails(db: Kysely<DB>, ctx: CommandContext, caller: Caller, id: string, patch: DutyRulePatch): Promise<DutyRuleTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const { rule: before, venue } = await ruleForRoster(tx, caller, id);
    if (before.version !== patch.version) throw new AppError('VERSION_CONFLICT');
    const freq = patch.freq ?? before.freq;
    const after: DutyRuleTable = {
      ...before,
      account_id: patch.accountId ?? before.account_id,
      freq,
      interval: patch.interval ?? before.interval,
      weekdays: freq !== 'weekly' ? '' : patch.weekdays ? csv(patch.weekdays) : before.weekdays,
      month_days: freq !== 'monthly' ? '' : patch.monthDays ? csv(patch.monthDays) : before.month_days,
      start_date: patch.startDate ?? before.start_date,
      end_date: patch.endDate !== undefined ? patch.endDate : before.end_date,
      start_time: patch.startTime ?? before.start_time,
      end_time: patch.endTime ?? before.end_time,
      holidays: patch.holidays ?? before.holidays,
      note: patch.note !== undefined ? patch.note : before.note,
      updated_at: new Date().toISOString(),
      version: before.version + 1,
    };
    await checkRule(tx, venue, after);
    const { id: _id, venue_id: _v, version: _ver, created_at: _c, ...changes } = after;
    if (!(await updateDutyRule(tx, id, before.version, changes))) throw new AppError('VERSION_CONFLICT');
    audit.record({ action: 'duty_rule.update', resourceType: 'duty_rule', resourceId: id, before: ruleAuditView(before), after: ruleAuditView(after) });
    return after;
  });
}
