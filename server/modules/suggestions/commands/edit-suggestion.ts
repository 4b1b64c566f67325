import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { deleteAuthors, insertAuthors, linkAppeals, unlinkAppeals } from '../suggestions.repository.js';
import { loadSuggestion, step } from '../suggestions.service.js';
import type { SuggestionTable } from '../suggestions.table.js';
import { checkAppeals, resolveAuthors, type AuthorInput } from './add-suggestion.js';

/** Revises a suggestion's text, authors or linked appeals before it is assigned. */
export async function editSuggestion(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor,
  id: string,
  input: { version: number; text?: string; authors?: AuthorInput[]; appealIds?: string[] },
): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const loaded = await loadSuggestion(tx, actor, id);
    const now = new Date().toISOString();
    const detail: Record<string, unknown> = {};
    if (input.text !== undefined) detail.text = input.text;
    const updated = await step(tx, audit, actor, loaded, { action: 'edit', version: input.version, patch: input.text !== undefined ? { text: input.text } : {}, detail });
    if (input.authors) {
      const authors = await resolveAuthors(tx, id, input.authors, now);
      await deleteAuthors(tx, id);
      await insertAuthors(tx, authors);
      audit.record({ action: 'suggestion.authors', resourceType: 'suggestion', resourceId: id, before: { authors: loaded.authors.map((a) => a.name) }, after: { authors: authors.map((a) => a.name) } });
    }
    if (input.appealIds) {
      const appealIds = [...new Set(input.appealIds)];
      await checkAppeals(tx, appealIds);
      await unlinkAppeals(tx, id);
      await linkAppeals(tx, appealIds.map((appeal_id) => ({ suggestion_id: id, appeal_id, created_at: now })));
      audit.record({ action: 'suggestion.appeals', resourceType: 'suggestion', resourceId: id, before: { appeals: loaded.appeals.map((a) => a.id) }, after: { appeals: appealIds } });
    }
    return updated;
  });
}
