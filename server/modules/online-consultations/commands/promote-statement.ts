import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import { addSuggestionIn } from '../../suggestions/index.js';
import { requireOrganiser } from '../online.policy.js';
import { findStatement, linkSuggestion } from '../online.repository.js';
import { getOnline, statementNotFound } from '../online.service.js';

/** The author name a promoted statement's suggestion carries. */
export const ONLINE_AUTHOR = '线上微协商';

/**
 * Turns a statement into a suggestion on its event's list (the suggestions module's own writes,
 * as the organiser) and links the two in one transaction: the statement keeps the suggestion's
 * id (set only while still empty), and the suggestion is found from it by a unique index. Two
 * organisers promoting at once — in one process or two — make one suggestion: the second
 * link finds the statement taken and its whole transaction, suggestion included, rolls back.
 */
export async function promoteStatement(db: Kysely<DB>, ctx: CommandContext, actor: Actor, onlineId: string, statementId: string): Promise<{ suggestionId: string }> {
  const online = await getOnline(db, onlineId);
  await requireOrganiser(db, actor, online);
  if (!online.consultation_id) {
    throw new AppError('ACTION_NOT_ALLOWED', { zh: '该线上协商只关联议题、没有协商活动，观点无法转为活动的意见建议', en: 'This online consultation belongs to a topic, not an event: there is no suggestion list to add to' });
  }
  const statement = await findStatement(db, onlineId, statementId);
  if (!statement) throw statementNotFound();
  if (statement.suggestion_id) throw new AppError('ALREADY_PROMOTED');
  if (statement.status !== 'accepted') throw new AppError('STATEMENT_NOT_OPEN');
  const consultationId = online.consultation_id;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runCommand(db, ctx, async (tx, audit) => {
        const suggestion = await addSuggestionIn(tx, audit, actor, consultationId, { text: statement.text, authors: [{ name: ONLINE_AUTHOR }] });
        if (!(await linkSuggestion(tx, statementId, suggestion.id, new Date().toISOString()))) throw new AppError('ALREADY_PROMOTED');
        audit.record({ action: 'online.statement.promote', resourceType: 'online_statement', resourceId: statementId, after: { onlineId, seq: statement.seq, suggestionId: suggestion.id } });
        return { suggestionId: suggestion.id };
      });
    } catch (err) {
      // Another suggestion took the same list number at the same moment: run again.
      if (attempt >= 5 || !isUniqueViolation(err, 'suggestion')) throw err;
    }
  }
}
