import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { tellProposers } from '../suggestion.effects.js';
import type { ReplyGrade } from '../suggestion.workflow.js';
import { insertReply } from '../suggestions.repository.js';
import { loadSuggestion, step } from '../suggestions.service.js';
import type { SuggestionTable } from '../suggestions.table.js';

/**
 * The lead unit answers item by item (答复): A solved, B in progress, C later, D for reference.
 * B and C stay open and are answered again; A closes at 100 % progress. Proposers hear of it.
 */
export async function replyToSuggestion(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor,
  id: string,
  input: { version: number; grade: ReplyGrade; text: string; evidence?: string | null },
): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const loaded = await loadSuggestion(tx, actor, id);
    const s = loaded.suggestion;
    const updated = await step(tx, audit, actor, loaded, {
      action: 'reply',
      version: input.version,
      facts: { grade: input.grade },
      patch: { grade: input.grade, ...(input.grade === 'A' ? { progress: 100 } : {}) },
      detail: { grade: input.grade, text: input.text },
    });
    await insertReply(tx, {
      id: uuidv7(),
      suggestion_id: id,
      unit_id: s.lead_unit_id as string,
      grade: input.grade,
      text: input.text,
      evidence: input.evidence ?? '',
      actor_id: actor.id,
      actor_label: actor.label,
      created_at: updated.updated_at,
    });
    await tellProposers(tx, loaded, 'replied', { grade: input.grade }, actor.id);
    return updated;
  });
}
