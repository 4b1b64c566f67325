import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { ruleAuditView } from '../venues.presenter.js';
import { deleteDutyRule } from '../venues.repository.js';
import { ruleForRoster } from './duty-rule-guards.js';
import type { Caller } from './venue-guards.js';

/** Removes a duty rule and its exceptions (compare-and-set on its version). */
export async function removeDutyRule(db: Kysely<DB>, ctx: CommandContext, caller: Caller, id: string, version: number): Promise<void> {
  await runCommand(db, ctx, async (tx, audit) => {
    const { rule } = await ruleForRoster(tx, caller, id);
    if (rule.version !== version || !(await deleteDutyRule(tx, id, version))) throw new AppError('VERSION_CONFLICT');
    audit.record({ action: 'duty_rule.delete', resourceType: 'duty_rule', resourceId: id, before: ruleAuditView(rule) });
  });
}
