import type { ReplyGrade, SuggestionDecision, SuggestionState } from './suggestion.workflow.js';

export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

/** One item raised at a consultation event (意见建议), followed from the meeting to its result. */
export interface SuggestionTable {
  id: string;
  consultation_id: string;
  /** Its number in the event's suggestion list (意见清单), from 1. */
  seq: number;
  text: string;
  state: SuggestionState;
  decision: SuggestionDecision | null;
  decision_reason: string | null;
  /** The survivor this one was merged into (state 'merged'). */
  merged_into: string | null;
  lead_unit_id: string | null;
  /** Working days the unit was given to reply. */
  deadline_days: number | null;
  /** Sign or object by then (one working day after assignment). */
  sign_due_at: string | null;
  /** The reply is due by then. */
  reply_due_at: string | null;
  /** The grade of the latest reply. */
  grade: ReplyGrade | null;
  /** Implementation progress, 0–100. */
  progress: number;
  /** When it was last issued on the event's suggestion list; public from then on. */
  issued_at: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Who raised it: a member account (named in public) or a free-text name (never public). */
export interface SuggestionAuthorTable {
  id: string;
  suggestion_id: string;
  account_id: string | null;
  name: string;
  /** 1 when the account held the member role when it was recorded: only those are named publicly. */
  is_member: number;
  created_at: string;
}

/** The residents' appeals a suggestion answers. */
export interface SuggestionAppealTable {
  suggestion_id: string;
  appeal_id: string;
  created_at: string;
}

/** The units it is assigned to (交办): one lead, any assisting. */
export interface SuggestionUnitTable {
  suggestion_id: string;
  unit_id: string;
  role: 'lead' | 'assisting';
}

/** The journey: every step with who took it and why. */
export interface SuggestionEventTable {
  id: string;
  suggestion_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_label: string;
  comment: string | null;
  /** JSON details of the step (decision, units, grade, percent, rating). */
  detail: string;
  created_at: string;
}

/** A unit's item-by-item answer (答复), graded A–D. */
export interface SuggestionReplyTable {
  id: string;
  suggestion_id: string;
  unit_id: string;
  grade: ReplyGrade;
  text: string;
  evidence: string;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
}

/** Implementation progress (落实): a percentage and a milestone. */
export interface SuggestionProgressTable {
  id: string;
  suggestion_id: string;
  percent: number;
  milestone: string;
  /** The milestone's date (YYYY-MM-DD). */
  on_date: string;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
}

/** A proposer's or resident's rating of the reply and of the result. */
export interface SuggestionFeedbackTable {
  id: string;
  suggestion_id: string;
  account_id: string;
  /** Whether they rate as an author of the suggestion or as the resident of a linked appeal. */
  as_role: 'proposer' | 'resident';
  reply_rating: Rating;
  result_rating: Rating;
  comment: string | null;
  created_at: string;
}

export interface SuggestionsTables {
  suggestion: SuggestionTable;
  suggestion_author: SuggestionAuthorTable;
  suggestion_appeal: SuggestionAppealTable;
  suggestion_unit: SuggestionUnitTable;
  suggestion_event: SuggestionEventTable;
  suggestion_reply: SuggestionReplyTable;
  suggestion_progress: SuggestionProgressTable;
  suggestion_feedback: SuggestionFeedbackTable;
}
