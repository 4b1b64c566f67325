/**
 * The review and filing (审核备案) of a consultation topic (协商议题) as a pure transition
 * table: state × action → state, with what each action requires. The district committee
 * approves (files) a submitted topic, sends it back with comments, or rejects it with a reason.
 */

export const TOPIC_STATES = [
  'draft', // being written by whoever proposes it
  'submitted', // awaiting the district committee's review
  'returned', // sent back with comments; the proposer revises and submits again
  'filed', // approved and filed (备案): it may be scheduled for consultation
  'rejected', // not taken up, with a reason
] as const;
export type TopicState = (typeof TOPIC_STATES)[number];

export const TOPIC_ACTIONS = ['submit', 'approve', 'return', 'reject', 'withdraw'] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];

/** Who may take an action: the proposer's side, or the reviewing committee. */
export type TopicActor = 'proposer' | 'reviewer';

interface Rule {
  from: readonly TopicState[];
  to: TopicState;
  by: TopicActor;
  /** The action must carry a comment (a reason or review comments). */
  needsComment: boolean;
}

export const TOPIC_TRANSITIONS: Record<TopicAction, Rule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'proposer', needsComment: false },
  withdraw: { from: ['submitted'], to: 'draft', by: 'proposer', needsComment: false },
  approve: { from: ['submitted'], to: 'filed', by: 'reviewer', needsComment: false },
  return: { from: ['submitted'], to: 'returned', by: 'reviewer', needsComment: true },
  reject: { from: ['submitted'], to: 'rejected', by: 'reviewer', needsComment: true },
};

/** States in which the proposer may still edit the text. */
export const EDITABLE_STATES: readonly TopicState[] = ['draft', 'returned'];

export type TopicDecision = { ok: true; to: TopicState } | { ok: false; reason: 'NOT_ALLOWED_IN_STATE' | 'NOT_YOURS' | 'COMMENT_REQUIRED' };

/** Decides an action; pure. */
export function decideTopic(state: TopicState, action: TopicAction, as: TopicActor, comment: string | null | undefined): TopicDecision {
  const rule = TOPIC_TRANSITIONS[action];
  if (!rule.from.includes(state)) return { ok: false, reason: 'NOT_ALLOWED_IN_STATE' };
  if (rule.by !== as) return { ok: false, reason: 'NOT_YOURS' };
  if (rule.needsComment && !comment?.trim()) return { ok: false, reason: 'COMMENT_REQUIRED' };
  return { ok: true, to: rule.to };
}

/** The actions open in a state for one side. */
export function topicActionsFrom(state: TopicState, as: TopicActor): TopicAction[] {
  return TOPIC_ACTIONS.filter((a) => TOPIC_TRANSITIONS[a].from.includes(state) && TOPIC_TRANSITIONS[a].by === as);
}
