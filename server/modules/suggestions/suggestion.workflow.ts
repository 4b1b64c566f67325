/**
 * A suggestion's journey from the meeting to its result as a pure transition table:
 * state × action → state, with who takes each action and what it requires. Replies graded B
 * or C keep the item open (answered again later); an unsatisfied rating sends it back to the unit.
 */

export const SUGGESTION_STATES = [
  'proposed', // on the event's list, not yet decided
  'decided', // adopted, partly adopted, not adopted or for reference
  'merged', // folded into another suggestion (a duplicate); its authors and appeals moved there
  'assigned', // handed to a unit (交办), waiting for it to sign or object
  'objected', // the unit objects; the district decides: reassign or uphold
  'signed', // the unit accepted it and works on it
  'replied', // answered B (in progress) or C (later): still open, answered again
  'reopened', // a proposer or resident was not satisfied: back to the unit
  'closed', // answered A (solved) or D (for reference)
] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export const SUGGESTION_DECISIONS = ['adopted', 'partly_adopted', 'not_adopted', 'reference'] as const;
export type SuggestionDecision = (typeof SUGGESTION_DECISIONS)[number];

export const REPLY_GRADES = ['A', 'B', 'C', 'D'] as const;
export type ReplyGrade = (typeof REPLY_GRADES)[number];

export const SUGGESTION_ACTIONS = ['edit', 'decide', 'merge', 'assign', 'sign', 'object', 'uphold', 'reassign', 'reply', 'progress', 'feedback'] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

/** Who acts: the event's managers, the district (assigns), the lead unit, a proposer or resident. */
export type SuggestionActor = 'manager' | 'assigner' | 'unit' | 'rater';

interface Rule {
  from: readonly SuggestionState[];
  by: SuggestionActor;
  /** The resulting state, or 'same' when the action records without moving. */
  to: SuggestionState | 'same' | 'by_grade' | 'by_rating';
  needsComment?: boolean;
}

export const SUGGESTION_TRANSITIONS: Record<SuggestionAction, Rule> = {
  edit: { from: ['proposed', 'decided'], by: 'manager', to: 'same' },
  decide: { from: ['proposed', 'decided'], by: 'manager', to: 'decided' },
  merge: { from: ['proposed', 'decided'], by: 'manager', to: 'merged' },
  assign: { from: ['decided'], by: 'assigner', to: 'assigned' },
  sign: { from: ['assigned'], by: 'unit', to: 'signed' },
  object: { from: ['assigned'], by: 'unit', to: 'objected', needsComment: true },
  uphold: { from: ['objected'], by: 'assigner', to: 'assigned', needsComment: true },
  reassign: { from: ['objected'], by: 'assigner', to: 'assigned' },
  reply: { from: ['signed', 'replied', 'reopened'], by: 'unit', to: 'by_grade' },
  progress: { from: ['signed', 'replied', 'reopened', 'closed'], by: 'unit', to: 'same' },
  feedback: { from: ['replied', 'closed'], by: 'rater', to: 'by_rating' },
};

/** Decisions after which a suggestion can be assigned to a unit. */
export const ASSIGNABLE_DECISIONS: readonly SuggestionDecision[] = ['adopted', 'partly_adopted'];

/** States in which a suggestion waits on the unit's reply (its reply clock runs). */
export const AWAITING_REPLY: readonly SuggestionState[] = ['signed', 'reopened'];

export interface SuggestionFacts {
  decision?: SuggestionDecision | null;
  grade?: ReplyGrade | null;
  rating?: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null;
  comment?: string | null;
}

export type SuggestionDecisionResult =
  | { ok: true; to: SuggestionState }
  | { ok: false; reason: 'NOT_ALLOWED_IN_STATE' | 'NOT_YOURS' | 'COMMENT_REQUIRED' | 'REASON_REQUIRED' | 'NOT_ADOPTED' | 'GRADE_REQUIRED' };

/** Decides an action; pure. `current` carries the suggestion's decision for assign. */
export function decideSuggestion(state: SuggestionState, action: SuggestionAction, as: SuggestionActor, facts: SuggestionFacts & { current?: SuggestionDecision | null } = {}): SuggestionDecisionResult {
  const rule = SUGGESTION_TRANSITIONS[action];
  if (!rule.from.includes(state)) return { ok: false, reason: 'NOT_ALLOWED_IN_STATE' };
  if (rule.by !== as) return { ok: false, reason: 'NOT_YOURS' };
  if (rule.needsComment && !facts.comment?.trim()) return { ok: false, reason: 'COMMENT_REQUIRED' };
  if (action === 'decide' && facts.decision === 'not_adopted' && !facts.comment?.trim()) return { ok: false, reason: 'REASON_REQUIRED' };
  if (action === 'assign' && !(facts.current && ASSIGNABLE_DECISIONS.includes(facts.current))) return { ok: false, reason: 'NOT_ADOPTED' };
  if (rule.to === 'same') return { ok: true, to: state };
  if (rule.to === 'by_grade') {
    if (!facts.grade) return { ok: false, reason: 'GRADE_REQUIRED' };
    return { ok: true, to: facts.grade === 'B' || facts.grade === 'C' ? 'replied' : 'closed' };
  }
  if (rule.to === 'by_rating') return { ok: true, to: facts.rating === 'unsatisfied' ? 'reopened' : state };
  return { ok: true, to: rule.to };
}

/** The actions open in a state for one side (before per-action facts are known). */
export function suggestionActionsFrom(state: SuggestionState, as: SuggestionActor, decision: SuggestionDecision | null = null): SuggestionAction[] {
  return SUGGESTION_ACTIONS.filter((a) => {
    const rule = SUGGESTION_TRANSITIONS[a];
    if (!rule.from.includes(state) || rule.by !== as) return false;
    return a !== 'assign' || (decision !== null && ASSIGNABLE_DECISIONS.includes(decision));
  });
}
