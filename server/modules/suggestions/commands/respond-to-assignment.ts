import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { tellDistrict } from '../suggestion.effects.js';
import { loadSuggestion, step } from '../suggestions.service.js';
import type { SuggestionTable } from '../suggestions.table.js';

/**
 * The lead unit signs an assignment (签收) or objects to it with a reason; an objection is
 * possible only until the sign deadline, and the district then decides.
 */
export async function respondToAssignment(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor,
  id: string,
  input: { version: number; response: 'sign' | 'object'; reason?: string | null },
): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const loaded = await loadSuggestion(tx, actor, id);
    const s = loaded.suggestion;
    if (input.response === 'object' && s.state === 'assigned' && s.sign_due_at && s.sign_due_at < new Date().toISOString())
      throw new AppError('ACTION_NOT_ALLOWED', { zh: '已超过签收期限，不能再提出异议', en: 'The time to object has passed' });
    const updated = await step(tx, audit, actor, loaded, { action: input.response, version: input.version, comment: input.reason, detail: { unitId: s.lead_unit_id } });
    if (input.response === 'object') await tellDistrict(tx, id, 'objected', { event: loaded.event.title, seq: s.seq });
    return updated;
  });
}
