import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { insertArtefact } from '../../consultations/index.js';
import { listAuthors, listSuggestionsOf, markIssued } from '../suggestions.repository.js';
import { managedEvent } from '../suggestions.service.js';

/**
 * Compiles and issues the event's suggestion list (意见清单): a `suggestion_list` artefact on
 * the event holding the items as they stand, and every live item becomes public.
 */
export async function issueSuggestionList(db: Kysely<DB>, ctx: CommandContext, actor: Actor, consultationId: string, input: { title?: string | null }) {
  return runCommand(db, ctx, async (tx, audit) => {
    const event = await managedEvent(tx, actor, consultationId);
    const items = (await listSuggestionsOf(tx, [consultationId])).filter((s) => s.state !== 'merged');
    if (items.length === 0) throw new AppError('ACTION_NOT_ALLOWED', { zh: '意见清单为空', en: 'The suggestion list is empty' });
    const authors = await listAuthors(tx, items.map((s) => s.id));
    const now = new Date().toISOString();
    const artefact = {
      id: uuidv7(),
      consultation_id: consultationId,
      kind: 'suggestion_list' as const,
      title: input.title?.trim() || `${event.title} 意见清单`,
      body: JSON.stringify({
        items: items.map((s) => ({ id: s.id, seq: s.seq, text: s.text, decision: s.decision, authors: authors.filter((a) => a.suggestion_id === s.id).map((a) => a.name) })),
      }),
      photo_ids: '[]',
      created_by: actor.id,
      created_by_label: actor.label,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await insertArtefact(tx, artefact);
    await markIssued(tx, consultationId, now);
    audit.record({ action: 'suggestion_list.issue', resourceType: 'consultation', resourceId: consultationId, after: { artefact: artefact.id, items: items.length } });
    return { artefactId: artefact.id, items: items.length, issuedAt: now };
  });
}
