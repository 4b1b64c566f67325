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

/** Hands to units with clocks: sign within a working day, reply within the deadline (working days). */
export async function assignTo(tx: Kysely<DB>, cal: WorkCalendar, loaded: Loaded, input: AssignmentInput) {
  const assisting = [...new Set(input.assistingUnitIds ?? [])].filter((u) => u !== input.leadUnitId);
  for (const [field, unitId] of [['leadUnitId', input.leadUnitId], ...assisting.map((u) => ['assistingUnitIds', u])] as [string, string][]) {
    const unit = await findUnit(tx, unitId);
    if (!unit || !unit.active) throw fieldError(field, '承办单位不存在或已停用', 'No such active unit');
  }
  const now = new Date();
  await replaceUnits(tx, loaded.suggestion.id, [
    { suggestion_id: loaded.suggestion.id, unit_id: input.leadUnitId, role: 'lead' },
    ...assisting.map((unit_id) => ({ suggestion_id: loaded.suggestion.id, unit_id, role: 'assisting' as const })),
  ]);
  await tellUnit(tx, input.leadUnitId, loaded.suggestion.id, 'assigned', { event: loaded.event.title, seq: loaded.suggestion.seq });
  return {
    patch: {
      lead_unit_id: input.leadUnitId,
      deadline_days: input.deadlineDays,
      sign_due_at: cal.addWorkingDays(now, SIGN_WORKING_DAYS).toISOString(),
      reply_due_at: cal.addWorkingDays(now, input.deadlineDays).toISOString(),
    },
    detail: { leadUnitId: input.leadUnitId, assistingUnitIds: assisting, deadlineDays: input.deadlineDays },
  };
}

/** The district assigns an adopted or partly adopted suggestion to a lead unit and assisting units (交办). */
export async function assignSuggestion(db: Kysely<DB>, ctx: CommandContext, actor: Actor, cal: WorkCalendar, id: string, input: AssignmentInput & { version: number }): Promise<SuggestionTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const loaded = await loadSuggestion(tx, actor, id);
    if (loaded.suggestion.version !== input.version || loaded.suggestion.state !== 'decided') return step(tx, audit, actor, loaded, { action: 'assign', version: input.version });
    const { patch, detail } = await assignTo(tx, cal, loaded, input);
    return step(tx, audit, actor, loaded, { action: 'assign', version: input.version, patch, detail });
  });
}
