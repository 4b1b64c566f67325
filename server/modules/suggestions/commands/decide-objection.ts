import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { WorkCalendar } from '../../../infra/calendar/work-calendar.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { tellUnit } from '../suggestion.effects.js';
import { fieldError, loadSuggestion, step } from '../suggestions.service.js';
import type { SuggestionTable } from '../suggestions.table.js';
import { handOver, planAssignment, SIGN_WORKING_DAYS, type AssignmentInput } from './assign-suggestion.js';

/**
 * The district decides a unit's objection: uphold the assignment (with a reason; the unit must
 * sign, with a fresh sign clock) or reassign to another unit (fresh clocks).
 */
export async function decideObjection(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor,
  cal: WorkCalendar,
  id: string,
  input: { version: number; outcome: 'uphold' | 'reassign'; reason?: string | null; assignment?: AssignmentInput },
): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const loaded = await loadSuggestion(tx, actor, id);
    const s = loaded.suggestion;
    if (input.outcome === 'uphold') {
      const updated = await step(tx, audit, actor, loaded, { action: 'uphold', version: input.version, comment: input.reason, patch: { sign_due_at: cal.addWorkingDays(new Date(), SIGN_WORKING_DAYS).toISOString() }, detail: { unitId: s.lead_unit_id } });
      if (s.lead_unit_id) await tellUnit(tx, s.lead_unit_id, id, 'upheld', { event: loaded.event.title, seq: s.seq });
      return updated;
    }
    if (!input.assignment) throw fieldError('assignment', '改派须选择承办单位和期限', 'Reassigning needs a unit and a deadline');
    if (input.assignment.leadUnitId === s.lead_unit_id) throw fieldError('assignment.leadUnitId', '请改派给其他单位', 'Reassign to another unit');
    const plan = await planAssignment(tx, cal, input.assignment);
    const updated = await step(tx, audit, actor, loaded, { action: 'reassign', version: input.version, comment: input.reason, patch: plan.patch, detail: { ...plan.detail, fromUnitId: s.lead_unit_id } });
    await handOver(tx, loaded, input.assignment.leadUnitId, plan.assisting);
    return updated;
  });
}
