/**
 * The appeal (诉求/工单) lifecycle as a pure transition table: state × action → state, with
 * the inputs each action requires and the guards it checks. This is the only place appeal
 * states change; the UI asks which actions are available and never re-derives them.
 */

export const APPEAL_STATES = [
  'registered', // 受理: taken in, awaiting dispatch or a direct answer
  'dispatched', // 派单: sent to a lead unit, awaiting its signature
  'return_requested', // 退单申请: the unit says it is not theirs
  'signed', // 签收
  'in_progress', // 承办
  'extension_requested', // 延期申请
  'replied', // 办结答复: the unit's reply awaits review
  'awaiting_feedback', // 审核通过, awaiting the resident's callback and rating (回访)
  'rated', // rated; closing, reopening or a final answer follows
  'closed', // 办结
  'archived', // 归档
  'merged', // merged into another appeal as a duplicate
] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

export const APPEAL_ACTIONS = [
  'answer_directly',
  'dispatch',
  'sign',
  'request_return',
  'approve_return',
  'refuse_return',
  'start',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'remind',
  'supervise',
  'reply',
  'review_accept',
  'review_send_back',
  'rate',
  'reopen',
  'final_answer',
  'close',
  'archive',
  'merge',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

/** What an action may need from the person taking it. */
export interface ActionInput {
  reason?: string;
  text?: string;
  leadUnitId?: string;
  /** Requested new deadline (extension). */
  until?: string;
  rating?: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
  targetAppealId?: string;
}

/** Facts about the appeal the guards look at. */
export interface AppealFacts {
  state: AppealState;
  anonymous: boolean;
  extensionsApproved: number;
  extensionCap: number;
  /** The latest rating, if the resident has rated. */
  rating: ActionInput['rating'] | null;
}

export type GuardFailure =
  | 'REASON_REQUIRED'
  | 'TEXT_REQUIRED'
  | 'UNIT_REQUIRED'
  | 'DATE_REQUIRED'
  | 'RATING_REQUIRED'
  | 'TARGET_REQUIRED'
  | 'EXTENSION_CAP_REACHED'
  | 'ANONYMOUS_NO_CALLBACK'
  | 'NOT_RATED_UNSATISFIED'
  | 'FEEDBACK_PENDING';

interface Transition {
  from: readonly AppealState[];
  /** The new state; `'same'` for actions that only record (reminders, supervision). */
  to: AppealState | 'same';
  guard?: (facts: AppealFacts, input: ActionInput) => GuardFailure | null;
}

const ACTIVE: readonly AppealState[] = ['registered', 'dispatched', 'return_requested', 'signed', 'in_progress', 'extension_requested', 'replied'];
const need = (ok: boolean, failure: GuardFailure) => (ok ? null : failure);
const present = (s: string | undefined) => typeof s === 'string' && s.trim().length > 0;

export const APPEAL_TRANSITIONS: Record<AppealAction, Transition> = {
  answer_directly: { from: ['registered'], to: 'awaiting_feedback', guard: (_f, i) => need(present(i.text), 'TEXT_REQUIRED') },
  dispatch: { from: ['registered'], to: 'dispatched', guard: (_f, i) => need(present(i.leadUnitId), 'UNIT_REQUIRED') },
  sign: { from: ['dispatched'], to: 'signed' },
  request_return: { from: ['dispatched', 'signed'], to: 'return_requested', guard: (_f, i) => need(present(i.reason), 'REASON_REQUIRED') },
  approve_return: { from: ['return_requested'], to: 'dispatched', guard: (_f, i) => need(present(i.leadUnitId), 'UNIT_REQUIRED') },
  refuse_return: { from: ['return_requested'], to: 'signed', guard: (_f, i) => need(present(i.reason), 'REASON_REQUIRED') },
  start: { from: ['signed'], to: 'in_progress' },
  request_extension: {
    from: ['signed', 'in_progress'],
    to: 'extension_requested',
    guard: (f, i) =>
      need(present(i.reason), 'REASON_REQUIRED') ?? need(present(i.until), 'DATE_REQUIRED') ?? need(f.extensionsApproved < f.extensionCap, 'EXTENSION_CAP_REACHED'),
  },
  approve_extension: { from: ['extension_requested'], to: 'in_progress' },
  refuse_extension: { from: ['extension_requested'], to: 'in_progress', guard: (_f, i) => need(present(i.reason), 'REASON_REQUIRED') },
  remind: { from: ACTIVE, to: 'same' },
  supervise: { from: ACTIVE, to: 'same', guard: (_f, i) => need(present(i.text), 'TEXT_REQUIRED') },
  reply: { from: ['signed', 'in_progress'], to: 'replied', guard: (_f, i) => need(present(i.text), 'TEXT_REQUIRED') },
  review_accept: { from: ['replied'], to: 'awaiting_feedback' },
  review_send_back: { from: ['replied'], to: 'in_progress', guard: (_f, i) => need(present(i.reason), 'REASON_REQUIRED') },
  rate: {
    from: ['awaiting_feedback'],
    to: 'rated',
    guard: (f, i) => need(!f.anonymous, 'ANONYMOUS_NO_CALLBACK') ?? need(i.rating !== undefined, 'RATING_REQUIRED'),
  },
  reopen: { from: ['rated'], to: 'in_progress', guard: (f) => need(f.rating === 'unsatisfied', 'NOT_RATED_UNSATISFIED') },
  final_answer: {
    from: ['rated'],
    to: 'closed',
    guard: (f, i) => need(f.rating === 'unsatisfied', 'NOT_RATED_UNSATISFIED') ?? need(present(i.text), 'TEXT_REQUIRED'),
  },
  close: {
    from: ['awaiting_feedback', 'rated'],
    to: 'closed',
    // Without a rating only anonymous appeals close (there is nobody to call back);
    // an unsatisfied rating is reopened or given a final answer, not simply closed.
    guard: (f) =>
      f.state === 'awaiting_feedback' ? need(f.anonymous, 'FEEDBACK_PENDING') : need(f.rating !== 'unsatisfied', 'NOT_RATED_UNSATISFIED'),
  },
  archive: { from: ['closed'], to: 'archived' },
  merge: { from: ['registered', 'dispatched', 'signed', 'in_progress'], to: 'merged', guard: (_f, i) => need(present(i.targetAppealId), 'TARGET_REQUIRED') },
};

export type TransitionResult =
  | { ok: true; to: AppealState }
  | { ok: false; reason: 'NOT_ALLOWED_IN_STATE' | GuardFailure };

/** Decides one transition. Pure: facts and input in, the new state or the reason out. */
export function decide(facts: AppealFacts, action: AppealAction, input: ActionInput = {}): TransitionResult {
  const t = APPEAL_TRANSITIONS[action];
  if (!t.from.includes(facts.state)) return { ok: false, reason: 'NOT_ALLOWED_IN_STATE' };
  const failure = t.guard?.(facts, input) ?? null;
  if (failure) return { ok: false, reason: failure };
  return { ok: true, to: t.to === 'same' ? facts.state : t.to };
}

/** Actions whose state precondition holds now (inputs are checked when the action is taken). */
export function actionsFrom(state: AppealState): AppealAction[] {
  return APPEAL_ACTIONS.filter((a) => APPEAL_TRANSITIONS[a].from.includes(state));
}

/** Open311 only knows open and closed. */
export function open311Status(state: AppealState): 'open' | 'closed' {
  return state === 'closed' || state === 'archived' || state === 'merged' ? 'closed' : 'open';
}
