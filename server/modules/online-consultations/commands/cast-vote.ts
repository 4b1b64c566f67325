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
 * What one shared transaction (a group-commit batch) already knows: each consultation's state,
 * read once, and whether its map is already marked dirty. The batch's votes commit together, so
 * one read and one mark serve them all.
 */
const perBatch = new WeakMap<object, { state: Map<string, string | null>; dirty: Set<string> }>();
function batchOf(tx: object) {
  let b = perBatch.get(tx);
  if (!b) perBatch.set(tx, (b = { state: new Map(), dirty: new Set() }));
  return b;
}

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
    // The state is read inside the shared transaction, so a close is seen by every later batch.
    const batch = batchOf(tx);
    if (!batch.state.has(onlineId)) batch.state.set(onlineId, (await findOnline(tx, onlineId))?.state ?? null);
    const state = batch.state.get(onlineId);
    if (!state) throw onlineNotFound();
    if (state !== 'open') throw new AppError('ONLINE_CLOSED');
    const before = await findVote(tx, participant.id, statementId);
    await upsertVote(tx, { participantId: participant.id, statementId, onlineId, vote, now: new Date().toISOString() });
    await shiftCounts(tx, statementId, before, vote);
    // Recorded only once the mark succeeded; it is this vote's last statement, so its savepoint keeps it.
    if (before !== vote && !batch.dirty.has(onlineId)) {
      await markDirty(tx, onlineId);
      batch.dirty.add(onlineId);
    }
    return { statementId, vote };
  });
}
