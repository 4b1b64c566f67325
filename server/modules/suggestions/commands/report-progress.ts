import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { insertProgress } from '../suggestions.repository.js';
import { loadSuggestion, step } from '../suggestions.service.js';
import type { SuggestionTable } from '../suggestions.table.js';

/** The lead unit reports implementation progress (落实): a percentage and a dated milestone. */
export async function reportProgress(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor,
  id: string,
  input: { version: number; percent: number; milestone: string; onDate: string },
): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const loaded = await loadSuggestion(tx, actor, id);
    const updated = await step(tx, audit, actor, loaded, {
      action: 'progress',
      version: input.version,
      patch: { progress: input.percent },
      detail: { percent: input.percent, milestone: input.milestone, onDate: input.onDate },
    });
    await insertProgress(tx, { id: uuidv7(), suggestion_id: id, percent: input.percent, milestone: input.milestone, on_date: input.onDate, actor_id: actor.id, actor_label: actor.label, created_at: updated.updated_at });
    return updated;
  });
}
