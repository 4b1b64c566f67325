import type { Kysely } from 'kysely';
import type { CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { GroupCommitter } from '../../../infra/group-commit.js';
import { AppError } from '../../../infra/http/errors.js';
import { findOnline, findStatement, findVote, markDirty, shiftCounts, upsertVote } from '../online.repository.js';
import { onlineNotFound, statementNotFound } from '../online.service.js';
import type { OnlineParticipantTable } from '../online.table.js';

export type Vote = 1 | -1 | 0;

/**
 * A participant's vote on a statement, replacing their earlier one. Votes go through the group
 * committer: concurrent votes share one transaction and one fsync. They are not audit events
 * (docs/ARCHITECTURE.md: an opinion, kept as its latest value, not a change of record).
 */
export async function castVote(db: Kysely<DB>, committer: GroupCommitter, ctx: CommandContext, participant: OnlineParticipantTable, statementId: string, vote: Vote): Promise<{ statementId: string; vote: Vote }> {
  const onlineId = participant.online_id;
  const statement = await findStatement(db, onlineId, statementId);
  if (!statement) throw statementNotFound();
  if (statement.status !== 'accepted') throw new AppError('STATEMENT_NOT_OPEN');
  return committer.submit({ ...ctx, actorLabel: 'participant' }, async (tx) => {
    // The state is read again inside the shared transaction, so a close is seen by every later batch.
    const online = await findOnline(tx, onlineId);
    if (!online) throw onlineNotFound();
    if (online.state !== 'open') throw new AppError('ONLINE_CLOSED');
    const before = await findVote(tx, participant.id, statementId);
    await upsertVote(tx, { participantId: participant.id, statementId, onlineId, vote, now: new Date().toISOString() });
    await shiftCounts(tx, statementId, before, vote);
    if (before !== vote) await markDirty(tx, onlineId);
    return { statementId, vote };
  });
}
