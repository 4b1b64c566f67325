import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { addSuggestion } from '../../suggestions/index.js';
import { requireOrganiser } from '../online.policy.js';
import { findStatement, linkSuggestion } from '../online.repository.js';
import { getOnline, statementNotFound } from '../online.service.js';

/** The author name a promoted statement's suggestion carries. */
export const ONLINE_AUTHOR = '线上微协商';

/** Statements being promoted in this process: a double click makes one suggestion. */
const inFlight = new Set<string>();

/**
 * Turns a statement into a suggestion on its event's list (through the suggestions module's
 * own command, as the organiser) and links the two: the statement keeps the suggestion's id,
 * and the suggestion is found from it by a unique index.
 */
export async function promoteStatement(db: Kysely<DB>, ctx: CommandContext, actor: Actor, onlineId: string, statementId: string): Promise<{ suggestionId: string }> {
  const online = await getOnline(db, onlineId);
  await requireOrganiser(db, actor, online);
  if (!online.consultation_id) {
    throw new AppError('ACTION_NOT_ALLOWED', { zh: '该线上协商只关联议题、没有协商活动，观点无法转为活动的意见建议', en: 'This online consultation belongs to a topic, not an event: there is no suggestion list to add to' });
  }
  const statement = await findStatement(db, onlineId, statementId);
  if (!statement) throw statementNotFound();
  if (statement.suggestion_id || inFlight.has(statementId)) throw new AppError('ALREADY_PROMOTED');
  if (statement.status !== 'accepted') throw new AppError('STATEMENT_NOT_OPEN');
  inFlight.add(statementId);
  try {
    const suggestion = await addSuggestion(db, ctx, actor, online.consultation_id, { text: statement.text, authors: [{ name: ONLINE_AUTHOR }] });
    return await runCommand(db, ctx, async (tx, audit) => {
      if (!(await linkSuggestion(tx, statementId, suggestion.id, new Date().toISOString()))) throw new AppError('ALREADY_PROMOTED');
      audit.record({ action: 'online.statement.promote', resourceType: 'online_statement', resourceId: statementId, after: { onlineId, seq: statement.seq, suggestionId: suggestion.id } });
      return { suggestionId: suggestion.id };
    });
  } finally {
    inFlight.delete(statementId);
  }
}
