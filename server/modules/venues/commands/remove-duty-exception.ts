import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { presentException } from '../venues.presenter.js';
import { deleteDutyException, findDutyException } from '../venues.repository.js';
import { ruleForRoster } from './duty-rule-guards.js';
import type { Caller } from './venue-guards.js';

const notFound = () => new AppError('NOT_FOUND', { zh: '找不到该排班调整', en: 'No such roster change' });

/** Withdraws a cancellation, move or one-off duty: the rule's own occurrence applies again. */
export async function removeDutyException(db: Kysely<DB>, ctx: CommandContext, caller: Caller, id: string): Promise<void> {
  await runCommand(db, ctx, async (tx, audit) => {
    const row = await findDutyException(tx, id);
    if (!row) throw notFound();
    await ruleForRoster(tx, caller, row.rule_id);
    if (!(await deleteDutyException(tx, id))) throw notFound();
    audit.record({ action: 'duty_exception.delete', resourceType: 'duty_rule', resourceId: row.rule_id, before: presentException(row) });
  });
}
