import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { Actor } from '../../../infra/http/access.js';
import { requireOrganiser } from '../online.policy.js';
import { auditStatement } from '../online.presenter.js';
import { insertStatement, nextStatementSeq } from '../online.repository.js';
import { getOnline, requireOpen } from '../online.service.js';
import type { OnlineParticipantTable, OnlineStatementTable } from '../online.table.js';

type Author = { kind: 'organiser'; actor: Actor } | { kind: 'participant'; participant: OnlineParticipantTable };

/**
 * Adds a statement: an organiser's seed statement is accepted at once; a participant's waits
 * for moderation under `pre` and is shown at once under `post`. Text is stored as typed
 * (markup stays text).
 */
export async function addStatement(db: Kysely<DB>, ctx: CommandContext, onlineId: string, author: Author, text: string): Promise<OnlineStatementTable> {
  // Two statements added at once may take the same number; the unique index refuses one, which then takes the next.
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertOnce(db, ctx, onlineId, author, text);
    } catch (err) {
      if (attempt >= 5 || !isUniqueViolation(err, 'online_statement')) throw err;
    }
  }
}

function insertOnce(db: Kysely<DB>, ctx: CommandContext, onlineId: string, author: Author, text: string): Promise<OnlineStatementTable> {
  const context = author.kind === 'participant' ? { ...ctx, actorLabel: 'participant' } : ctx;
  return runCommand(db, context, async (tx, audit) => {
    const online = await getOnline(tx, onlineId);
    if (author.kind === 'organiser') await requireOrganiser(tx, author.actor, online);
    requireOpen(online);
    const now = new Date().toISOString();
    const row: OnlineStatementTable = {
      id: uuidv7(),
      online_id: onlineId,
      seq: await nextStatementSeq(tx, onlineId),
      text,
      origin: author.kind === 'organiser' ? 'seed' : 'participant',
      status: author.kind === 'organiser' || online.moderation === 'post' ? 'accepted' : 'pending',
      meta: 0,
      participant_id: author.kind === 'participant' ? author.participant.id : null,
      suggestion_id: null,
      agrees: 0,
      disagrees: 0,
      passes: 0,
      created_by_label: author.kind === 'organiser' ? author.actor.label : 'participant',
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await insertStatement(tx, row);
    audit.record({ action: 'online.statement.add', resourceType: 'online_statement', resourceId: row.id, after: { onlineId, ...auditStatement(row), participant: row.participant_id } });
    return row;
  });
}
