import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { requireOrganiser } from '../online.policy.js';
import { auditOnline } from '../online.presenter.js';
import { updateOnline } from '../online.repository.js';
import { getOnline, requireOpen } from '../online.service.js';
import type { OnlineConsultationTable } from '../online.table.js';

/** Ends the voting: no more votes or statements; the map stays as it is. */
export async function closeOnlineConsultation(db: Kysely<DB>, ctx: CommandContext, actor: Actor, id: string): Promise<OnlineConsultationTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const before = await getOnline(tx, id);
    await requireOrganiser(tx, actor, before);
    requireOpen(before);
    const now = new Date().toISOString();
    const changes = { state: 'closed' as const, closed_at: now, updated_at: now };
    if (!(await updateOnline(tx, id, before.version, changes))) throw new AppError('VERSION_CONFLICT');
    const after = { ...before, ...changes, version: before.version + 1 };
    audit.record({ action: 'online.close', resourceType: 'online_consultation', resourceId: id, before: auditOnline(before), after: auditOnline(after) });
    return after;
  });
}
