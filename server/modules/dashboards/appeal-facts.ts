/**
 * Pure: an appeal's row and timeline → the 0/1 flags the dashboard figures count. The
 * definitions (docs/FIGURES.md) live here and nowhere else; the aggregator stores the result.
 */
import { COUNTERS, type Counters } from './dashboards.table.js';

export interface FactSource {
  id: string;
  state: string;
  category_id: string;
  territory_code: string;
  created_at: string;
}

export interface FactEvent {
  action: string;
  from_state: string | null;
  payload: string | null;
  created_at: string;
}

export interface DerivedFact extends Counters {
  appeal_id: string;
  month: string;
  territory_code: string;
  town_code: string;
  category_id: string;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
/** States a unit works in towards its reply: an overdue marked in one of them misses the reply deadline. */
const REPLY_STATES = new Set(['signed', 'in_progress', 'extension_requested']);
const SATISFIED = new Set(['satisfied', 'basically_satisfied']);

/** 'YYYY-MM' of an instant in China time (UTC+8, no daylight saving). */
export function chinaMonth(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** The town (9 digits) a territory code lies in; codes above town level stand for themselves. */
export function townOf(code: string): string {
  return code.length >= 9 ? code.slice(0, 9) : code;
}

function ratingOf(payload: string | null): string | null {
  if (!payload) return null;
  try {
    const r = (JSON.parse(payload) as { rating?: unknown }).rating;
    return typeof r === 'string' ? r : null;
  } catch {
    return null;
  }
}

const bit = (b: boolean) => (b ? 1 : 0);

/**
 * The flags of one appeal. `events` is its timeline in time order. Merged duplicates count
 * nowhere (their survivor does).
 * - dispatched: sent to a unit at least once; returned: a return was approved.
 * - due_sign: signed, or marked overdue while waiting for the signature; signed_on_time: signed
 *   before any such overdue mark.
 * - due_reply: replied, or marked overdue while the unit worked on it; replied_on_time: the first
 *   reply came before any such overdue mark.
 * - rated: rated at least once; satisfied: the latest rating is satisfied or basically satisfied;
 *   reopened: reopened after an unsatisfied rating.
 * - closed: closed or archived; resolved: closed with the latest rating satisfied or basically
 *   satisfied, or closed unrated and never reopened.
 */
export function factOf(a: FactSource, events: readonly FactEvent[]): DerivedFact {
  const base = { appeal_id: a.id, month: chinaMonth(a.created_at), territory_code: a.territory_code, town_code: townOf(a.territory_code), category_id: a.category_id };
  const zero = Object.fromEntries(COUNTERS.map((k) => [k, 0])) as Counters;
  if (a.state === 'merged') return { ...base, ...zero };
  const first = (p: (e: FactEvent) => boolean) => events.findIndex(p);
  const sign = first((e) => e.action === 'sign');
  const signOverdue = first((e) => e.action === 'overdue' && e.from_state === 'dispatched');
  const reply = first((e) => e.action === 'reply');
  const replyOverdue = first((e) => e.action === 'overdue' && e.from_state !== null && REPLY_STATES.has(e.from_state));
  const rates = events.filter((e) => e.action === 'rate');
  const lastRating = rates.length ? ratingOf((rates.at(-1) as FactEvent).payload) : null;
  const reopened = events.some((e) => e.action === 'reopen');
  const closed = a.state === 'closed' || a.state === 'archived';
  const satisfied = lastRating !== null && SATISFIED.has(lastRating);
  return {
    ...base,
    total: 1,
    closed: bit(closed),
    dispatched: bit(events.some((e) => e.action === 'dispatch')),
    returned: bit(events.some((e) => e.action === 'approve_return')),
    due_sign: bit(sign >= 0 || signOverdue >= 0),
    signed_on_time: bit(sign >= 0 && (signOverdue < 0 || signOverdue > sign)),
    due_reply: bit(reply >= 0 || replyOverdue >= 0),
    replied_on_time: bit(reply >= 0 && (replyOverdue < 0 || replyOverdue > reply)),
    rated: bit(rates.length > 0),
    satisfied: bit(satisfied),
    reopened: bit(reopened),
    resolved: bit(closed && (satisfied || (rates.length === 0 && !reopened))),
  };
}

/** Whether two facts count the same (same place, same flags). */
export function sameFact(a: DerivedFact, b: DerivedFact): boolean {
  return (
    a.month === b.month &&
    a.territory_code === b.territory_code &&
    a.town_code === b.town_code &&
    a.category_id === b.category_id &&
    COUNTERS.every((k) => Number(a[k]) === Number(b[k]))
  );
}

/** The figures: which counter is the numerator and which the denominator (records list the denominator's rows). */
export const APPEAL_FIGURES = {
  appeals: { numerator: 'total', denominator: 'total', kind: 'count' },
  appeals_closed: { numerator: 'closed', denominator: 'closed', kind: 'count' },
  sign_on_time_rate: { numerator: 'signed_on_time', denominator: 'due_sign', kind: 'rate' },
  completion_on_time_rate: { numerator: 'replied_on_time', denominator: 'due_reply', kind: 'rate' },
  return_rate: { numerator: 'returned', denominator: 'dispatched', kind: 'rate' },
  reopen_rate: { numerator: 'reopened', denominator: 'rated', kind: 'rate' },
  satisfaction_rate: { numerator: 'satisfied', denominator: 'rated', kind: 'rate' },
  resolution_rate: { numerator: 'resolved', denominator: 'closed', kind: 'rate' },
} as const satisfies Record<string, { numerator: (typeof COUNTERS)[number]; denominator: (typeof COUNTERS)[number]; kind: 'count' | 'rate' }>;
export type AppealFigureKey = keyof typeof APPEAL_FIGURES;

export const FIGURE_KEYS = [
  'appeals',
  'appeals_closed',
  'sign_on_time_rate',
  'completion_on_time_rate',
  'return_rate',
  'reopen_rate',
  'satisfaction_rate',
  'resolution_rate',
  'topics_filed',
  'events',
  'events_completed',
  'suggestions',
  'adoption_rate',
  'implementation_rate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export function isAppealFigure(k: FigureKey): k is AppealFigureKey {
  return k in APPEAL_FIGURES;
}
