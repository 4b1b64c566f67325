/**
 * An event's life as a pure transition table: it follows its procedure's steps one by one
 * ("按图施工，挂图协商"), and a step is passed only once the artefacts it requires exist.
 * planned → (first advance) in_progress → (advance past the last step) completed; cancelled
 * from planned or in_progress, with a reason.
 */
import { ARTEFACT_KINDS, type ArtefactKind, type ConsultationState, type ProcedureStep } from './consultations.table.js';

export const CONSULTATION_ACTIONS = ['advance', 'cancel'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

interface Rule {
  from: readonly ConsultationState[];
  needsComment: boolean;
}

export const CONSULTATION_TRANSITIONS: Record<ConsultationAction, Rule> = {
  advance: { from: ['planned', 'in_progress'], needsComment: false },
  cancel: { from: ['planned', 'in_progress'], needsComment: true },
};

/** The artefacts step `stepIndex` requires that are not among `present`, in catalogue order. */
export function missingArtefacts(steps: readonly ProcedureStep[], stepIndex: number, present: Iterable<ArtefactKind>): ArtefactKind[] {
  const step = steps[stepIndex];
  if (!step) return [];
  const have = new Set(present);
  return ARTEFACT_KINDS.filter((k) => step.requires.includes(k) && !have.has(k));
}

export type ConsultationDecision =
  | { ok: true; to: ConsultationState; stepIndex: number }
  | { ok: false; reason: 'NOT_ALLOWED_IN_STATE' | 'COMMENT_REQUIRED' }
  | { ok: false; reason: 'ARTEFACTS_MISSING'; missing: ArtefactKind[] };

export interface EventPosition {
  state: ConsultationState;
  steps: readonly ProcedureStep[];
  stepIndex: number;
}

/** Decides an action on an event; pure. Advancing past the last step completes it. */
export function decideConsultation(e: EventPosition, action: ConsultationAction, present: Iterable<ArtefactKind>, comment?: string | null): ConsultationDecision {
  const rule = CONSULTATION_TRANSITIONS[action];
  if (!rule.from.includes(e.state)) return { ok: false, reason: 'NOT_ALLOWED_IN_STATE' };
  if (rule.needsComment && !comment?.trim()) return { ok: false, reason: 'COMMENT_REQUIRED' };
  if (action === 'cancel') return { ok: true, to: 'cancelled', stepIndex: e.stepIndex };
  const missing = missingArtefacts(e.steps, e.stepIndex, present);
  if (missing.length) return { ok: false, reason: 'ARTEFACTS_MISSING', missing };
  const next = e.stepIndex + 1;
  if (next >= e.steps.length) return { ok: true, to: 'completed', stepIndex: e.steps.length - 1 };
  return { ok: true, to: 'in_progress', stepIndex: next };
}

/** The actions open in a state. */
export function consultationActionsFrom(state: ConsultationState): ConsultationAction[] {
  return CONSULTATION_ACTIONS.filter((a) => CONSULTATION_TRANSITIONS[a].from.includes(state));
}

/** Why a list of steps cannot be a procedure, or null: at least one step, unique keys, known kinds once each. */
export function stepsProblem(steps: readonly ProcedureStep[]): { zh: string; en: string } | null {
  if (steps.length === 0) return { zh: '规程至少要有一个步骤', en: 'A procedure needs at least one step' };
  const keys = new Set<string>();
  for (const s of steps) {
    if (keys.has(s.key)) return { zh: `步骤标识重复：${s.key}`, en: `Duplicate step key: ${s.key}` };
    keys.add(s.key);
    if (new Set(s.requires).size !== s.requires.length) return { zh: `步骤“${s.label}”的材料重复`, en: `Step "${s.label}" lists a document twice` };
  }
  return null;
}
