import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { tellProposers } from '../suggestion.effects.js';
import type { SuggestionDecision } from '../suggestion.workflow.js';
import { loadSuggestion, step } from '../suggestions.service.js';
import type { SuggestionTable } from '../suggestions.table.js';

/** Decides a suggestion: adopted, partly adopted, not adopted (with a reason) or for reference; its proposers hear of it. */
export async function decideSuggestionCommand(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor,
  id: string,
  input: { version: number; decision: SuggestionDecision; reason?: string | null },
): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const loaded = await loadSuggestion(tx, actor, id);
    const reason = input.reason?.trim() ? input.reason : null;
    const updated = await step(tx, audit, actor, loaded, {
      action: 'decide',
      version: input.version,
      comment: reason,
      facts: { decision: input.decision },
      patch: { decision: input.decision, decision_reason: reason },
      detail: { decision: input.decision },
    });
    await tellProposers(tx, loaded, 'decided', { decision: input.decision }, actor.id);
    return updated;
  });
}
