import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { deleteSession } from '../sessions.repository.js';

/** Ends the current session. */
export async function signOut(db: Kysely<DB>, ctx: CommandContext, sessionId: string): Promise<void> {
  await runCommand(db, ctx, async (tx, audit) => {
    await deleteSession(tx, sessionId);
    audit.record({ action: 'auth.sign_out', resourceType: 'account', resourceId: ctx.actorId });
  });
}
