import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { requireOrganiser } from '../online.policy.js';
import { auditStatement } from '../online.presenter.js';
import { findStatement, markDirty, updateStatement } from '../online.repository.js';
import { getOnline, statementNotFound } from '../online.service.js';
import type { OnlineStatementTable } from '../online.table.js';

export type ModerationDecision = 'accept' | 'reject' | 'meta';

const OUTCOME: Record<ModerationDecision, Pick<OnlineStatementTable, 'status' | 'meta'>> = {
  accept: { status: 'accepted', meta: 0 },
  reject: { status: 'rejected', meta: 0 },
  // A remark about the consultation itself: shown and voted on, left out of the map's projection.
  meta: { status: 'accepted', meta: 1 },
};

/** An organiser accepts, rejects or marks a statement as meta (also after the fact); the map is recomputed. */
export async function moderateStatement(db: Kysely<DB>, ctx: CommandContext, actor: Actor, onlineId: string, statementId: string, decision: ModerationDecision): Promise<OnlineStatementTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const online = await getOnline(tx, onlineId);
    await requireOrganiser(tx, actor, online);
    const before = await findStatement(tx, onlineId, statementId);
    if (!before) throw statementNotFound();
    const changes = { ...OUTCOME[decision], updated_at: new Date().toISOString() };
    if (!(await updateStatement(tx, statementId, before.version, changes))) throw new AppError('VERSION_CONFLICT');
    const after = { ...before, ...changes, version: before.version + 1 };
    await markDirty(tx, onlineId);
    audit.record({ action: `online.statement.${decision}`, resourceType: 'online_statement', resourceId: statementId, before: auditStatement(before), after: auditStatement(after) });
    return after;
  });
}
