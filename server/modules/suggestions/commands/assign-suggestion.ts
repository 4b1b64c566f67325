import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { WorkCalendar } from '../../../infra/calendar/work-calendar.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { findUnit } from '../../accounts/index.js';
import { tellUnit } from '../suggestion.effects.js';
import { replaceUnits } from '../suggestions.repository.js';
import { fieldError, loadSuggestion, step, type Loaded } from '../suggestions.service.js';
import type { SuggestionTable } from '../suggestions.table.js';

/** Working days a unit has to sign or object. */
export const SIGN_WORKING_DAYS = 1;

export interface AssignmentInput {
  leadUnitId: string;
  assistingUnitIds?: string[];
  deadlineDays: number;
}

/** Checks the units and works out the clocks: sign within a working day, reply within the deadline. */
export async function planAssignment(tx: Kysely<DB>, cal: WorkCalendar, input: AssignmentInput) {
  const assisting = [...new Set(input.assistingUnitIds ?? [])].filter((u) => u !== input.leadUnitId);
  for (const [field, unitId] of [['leadUnitId', input.leadUnitId], ...assisting.map((u) => ['assistingUnitIds', u])] as [string, string][]) {
    const unit = await findUnit(tx, unitId);
    if (!unit || !unit.active) throw fieldError(field, '承办单位不存在或已停用', 'No such active unit');
  }
  const now = new Date();
  return {
    assisting,
    patch: {
      lead_unit_id: input.leadUnitId,
      deadline_days: input.deadlineDays,
      sign_due_at: cal.addWorkingDays(now, SIGN_WORKING_DAYS).toISOString(),
      reply_due_at: cal.addWorkingDays(now, input.deadlineDays).toISOString(),
    },
    detail: { leadUnitId: input.leadUnitId, assistingUnitIds: assisting, deadlineDays: input.deadlineDays },
  };
}

/** After the step: the suggestion's units are the new ones, and the lead unit's clerks hear of it. */
export async function handOver(tx: Kysely<DB>, loaded: Loaded, leadUnitId: string, assisting: string[]) {
  const id = loaded.suggestion.id;
  await replaceUnits(tx, id, [
    { suggestion_id: id, unit_id: leadUnitId, role: 'lead' },
    ...assisting.map((unit_id) => ({ suggestion_id: id, unit_id, role: 'assisting' as const })),
  ]);
  await tellUnit(tx, leadUnitId, id, 'assigned', { event: loaded.event.title, seq: loaded.suggestion.seq });
}

/** The district assigns an adopted or partly adopted suggestion to a lead unit and assisting units (交办). */
export async function assignSuggestion(db: Kysely<DB>, ctx: CommandContext, actor: Actor, cal: WorkCalendar, id: string, input: AssignmentInput & { version: number }): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const loaded = await loadSuggestion(tx, actor, id);
    const plan = await planAssignment(tx, cal, input);
    const updated = await step(tx, audit, actor, loaded, { action: 'assign', version: input.version, patch: plan.patch, detail: plan.detail });
    await handOver(tx, loaded, input.leadUnitId, plan.assisting);
    return updated;
  });
}
