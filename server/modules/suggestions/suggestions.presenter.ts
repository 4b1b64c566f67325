import type { Actor } from '../../infra/http/access.js';
import type { RollupInput } from './suggestion-rollups.js';
import { suggestionActionsFrom, type SuggestionState } from './suggestion.workflow.js';
import { sidesOf, type Relation } from './suggestions.policy.js';
import type { Rating, SuggestionAuthorTable, SuggestionEventTable, SuggestionFeedbackTable, SuggestionProgressTable, SuggestionReplyTable, SuggestionTable } from './suggestions.table.js';

/** A suggestion with everything shown about it, loaded in batches. */
export interface Bundle {
  s: SuggestionTable;
  event: { id: string; title: string; startsAt: string };
  authors: SuggestionAuthorTable[];
  appeals: { id: string; trackingNo: string }[];
  units: { unitId: string; name: string; role: 'lead' | 'assisting' }[];
  replies: (SuggestionReplyTable & { unit_name: string })[];
  milestones: SuggestionProgressTable[];
  feedback: SuggestionFeedbackTable[];
  events: SuggestionEventTable[];
}

const WAITING_SIGN: SuggestionState[] = ['assigned'];
const WAITING_REPLY: SuggestionState[] = ['signed', 'reopened'];

/** Whether the step the unit owes is late now. */
export function isOverdue(s: SuggestionTable, now = new Date().toISOString()): boolean {
  if (WAITING_SIGN.includes(s.state)) return !!s.sign_due_at && s.sign_due_at < now;
  if (WAITING_REPLY.includes(s.state)) return !!s.reply_due_at && s.reply_due_at < now;
  return false;
}

export function presentSummary(b: Pick<Bundle, 's' | 'event' | 'units'>) {
  const s = b.s;
  return {
    id: s.id,
    consultationId: s.consultation_id,
    event: b.event.title,
    seq: s.seq,
    text: s.text,
    state: s.state,
    decision: s.decision,
    units: b.units,
    signDueAt: s.sign_due_at,
    replyDueAt: s.reply_due_at,
    overdue: isOverdue(s),
    grade: s.grade,
    progress: s.progress,
    version: s.version,
  };
}

const replies = (b: Bundle) => b.replies.map((r) => ({ grade: r.grade, text: r.text, evidence: r.evidence, unit: r.unit_name, at: r.created_at }));
const milestones = (b: Bundle) => b.milestones.map((m) => ({ percent: m.percent, milestone: m.milestone, onDate: m.on_date, at: m.created_at }));

/** The full record for the people who handle or raised it. */
export function presentSuggestion(b: Bundle, actor: Actor | null, rel: Relation) {
  const sides = sidesOf(actor, rel);
  return {
    ...presentSummary(b),
    decisionReason: b.s.decision_reason,
    mergedInto: b.s.merged_into,
    deadlineDays: b.s.deadline_days,
    issuedAt: b.s.issued_at,
    authors: b.authors.map((a) => ({ accountId: a.account_id, name: a.name, isMember: a.is_member === 1 })),
    appeals: b.appeals,
    replies: replies(b),
    milestones: milestones(b),
    feedback: b.feedback.map((f) => ({ asRole: f.as_role, replyRating: f.reply_rating, resultRating: f.result_rating, comment: f.comment, at: f.created_at })),
    history: b.events.map((e) => ({ action: e.action, fromState: e.from_state, toState: e.to_state, actor: e.actor_label, comment: e.comment, detail: JSON.parse(e.detail) as Record<string, unknown>, at: e.created_at })),
    allowedActions: [...new Set(sides.flatMap((side) => suggestionActionsFrom(b.s.state, side, b.s.decision)))],
  };
}

/** Journey details safe to publish: outcomes and dates, never people, reasons of objections or comments. */
const PUBLIC_DETAIL = ['decision', 'grade', 'percent', 'milestone', 'onDate', 'deadlineDays', 'resultRating', 'intoSeq', 'fromSeq'];
const PUBLIC_STEPS = new Set(['propose', 'decide', 'merge', 'absorb', 'assign', 'sign', 'reassign', 'reply', 'progress', 'feedback']);

const countRatings = (rs: Rating[]) => ({ satisfied: rs.filter((r) => r === 'satisfied').length, basically_satisfied: rs.filter((r) => r === 'basically_satisfied').length, unsatisfied: rs.filter((r) => r === 'unsatisfied').length });

/** The public journey: members named, every other author only counted, residents never shown. */
export function presentPublicSuggestion(b: Bundle) {
  return {
    id: b.s.id,
    event: b.event,
    seq: b.s.seq,
    text: b.s.text,
    state: b.s.state,
    decision: b.s.decision,
    decisionReason: b.s.decision_reason,
    members: b.authors.filter((a) => a.is_member === 1).map((a) => a.name),
    otherAuthors: b.authors.filter((a) => a.is_member !== 1).length,
    appealCount: b.appeals.length,
    units: b.units.map((u) => ({ name: u.name, role: u.role })),
    replyDueAt: b.s.reply_due_at,
    grade: b.s.grade,
    progress: b.s.progress,
    replies: replies(b),
    milestones: milestones(b),
    feedback: { reply: countRatings(b.feedback.map((f) => f.reply_rating)), result: countRatings(b.feedback.map((f) => f.result_rating)) },
    journey: b.events
      .filter((e) => PUBLIC_STEPS.has(e.action))
      .map((e) => {
        const d = JSON.parse(e.detail) as Record<string, unknown>;
        return { step: e.action, toState: e.to_state, at: e.created_at, detail: Object.fromEntries(Object.entries(d).filter(([k]) => PUBLIC_DETAIL.includes(k))) };
      }),
  };
}

/** The facts a roll-up needs from one suggestion. */
export function rollupInputOf(b: Bundle): RollupInput {
  return {
    state: b.s.state,
    decision: b.s.decision,
    assigned: b.s.lead_unit_id !== null,
    replied: b.replies.length > 0,
    implemented: b.s.state === 'closed' && b.s.grade === 'A',
    progress: b.s.progress,
    ratings: b.feedback.map((f) => f.result_rating),
  };
}
