import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { insertAuthors, insertSuggestionEvent, linkAppeals } from '../suggestions.repository.js';
import { fieldError, loadSuggestion, step } from '../suggestions.service.js';
import type { SuggestionTable } from '../suggestions.table.js';

/**
 * Merges a duplicate into another suggestion of the same event: the survivor gains its authors
 * and appeals; the duplicate stays, state 'merged', with its own history and a pointer.
 */
export async function mergeSuggestion(db: Kysely<DB>, ctx: CommandContext, actor: Actor, id: string, input: { version: number; intoId: string }): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    if (input.intoId === id) throw fieldError('intoId', '不能合并到自身', 'A suggestion cannot be merged into itself');
    const loaded = await loadSuggestion(tx, actor, id);
    const into = await loadSuggestion(tx, actor, input.intoId).catch(() => null);
    if (!into || into.suggestion.consultation_id !== loaded.suggestion.consultation_id) throw fieldError('intoId', '只能合并到同一活动的意见', 'Merge into a suggestion of the same event');
    if (!['proposed', 'decided'].includes(into.suggestion.state)) throw new AppError('ACTION_NOT_ALLOWED', { zh: '目标意见已交办或已合并', en: 'The target is already assigned or merged' });
    const merged = await step(tx, audit, actor, loaded, { action: 'merge', version: input.version, patch: { merged_into: input.intoId }, detail: { into: input.intoId, intoSeq: into.suggestion.seq } });
    const now = new Date().toISOString();
    const have = new Set(into.authors.map((a) => a.account_id ?? `name:${a.name}`));
    await insertAuthors(
      tx,
      loaded.authors.filter((a) => !have.has(a.account_id ?? `name:${a.name}`)).map((a) => ({ ...a, id: uuidv7(), suggestion_id: input.intoId, created_at: now })),
    );
    await linkAppeals(tx, loaded.appeals.map((a) => ({ suggestion_id: input.intoId, appeal_id: a.id, created_at: now })));
    await insertSuggestionEvent(tx, {
      id: uuidv7(),
      suggestion_id: input.intoId,
      action: 'absorb',
      from_state: into.suggestion.state,
      to_state: into.suggestion.state,
      actor_id: actor.id,
      actor_label: actor.label,
      comment: null,
      detail: JSON.stringify({ from: id, fromSeq: loaded.suggestion.seq }),
      created_at: now,
    });
    return merged;
  });
}
