import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { WorkCalendar } from '../../../infra/calendar/work-calendar.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { tellUnit } from '../suggestion.effects.js';
import { insertFeedback } from '../suggestions.repository.js';
import { loadSuggestion, step } from '../suggestions.service.js';
import type { Rating, SuggestionTable } from '../suggestions.table.js';

/**
 * A proposer or the resident of a linked appeal rates the reply and the result (满意 / 基本满意 /
 * 不满意). An unsatisfied result sends the item back to the unit for re-handling, with a fresh reply deadline.
 */
export async function giveFeedback(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor,
  cal: WorkCalendar,
  id: string,
  input: { version: number; replyRating: Rating; resultRating: Rating; comment?: string | null },
): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const loaded = await loadSuggestion(tx, actor, id);
    const s = loaded.suggestion;
    const reopen = input.resultRating === 'unsatisfied';
    const updated = await step(tx, audit, actor, loaded, {
      action: 'feedback',
      version: input.version,
      comment: input.comment,
      facts: { rating: input.resultRating },
      // Re-handling gets the original number of working days again, from now.
      patch: reopen ? { progress: Math.min(s.progress, 99), reply_due_at: cal.addWorkingDays(new Date(), s.deadline_days ?? 1).toISOString() } : {},
      detail: { replyRating: input.replyRating, resultRating: input.resultRating },
    });
    await insertFeedback(tx, {
      id: uuidv7(),
      suggestion_id: id,
      account_id: actor.id,
      as_role: loaded.relation.author ? 'proposer' : 'resident',
      reply_rating: input.replyRating,
      result_rating: input.resultRating,
      comment: input.comment?.trim() ? input.comment : null,
      created_at: updated.updated_at,
    });
    if (reopen && s.lead_unit_id) await tellUnit(tx, s.lead_unit_id, id, 'reopened', { event: loaded.event.title, seq: s.seq });
    return updated;
  });
}
