import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { findAccountById } from '../accounts/index.js';
import { listAppealsByIds, type AppealTable } from '../appeals/index.js';
import { findConsultation } from '../consultations/index.js';
import { findVenue } from '../venues/index.js';
import { decideSuggestion, type SuggestionAction, type SuggestionFacts, type SuggestionState } from './suggestion.workflow.js';
import { mayManageEvent, maySee, sidesOf, unitsOf, type EventScope, type Relation } from './suggestions.policy.js';
import type { Bundle } from './suggestions.presenter.js';
import {
  findSuggestion,
  insertSuggestionEvent,
  listAppealLinks,
  listAuthors,
  listEventsOf,
  listFeedback,
  listProgress,
  listReplies,
  listSuggestionEvents,
  listUnits,
  updateSuggestion,
} from './suggestions.repository.js';
import type { SuggestionTable } from './suggestions.table.js';

export const fieldError = (field: string, zh: string, en: string) => new AppError('VALIDATION_FAILED', { zh, en }, { errors: [{ field, message: zh }] });

/** An event with what decides who manages it; NOT_FOUND when there is no such event. */
export async function eventScope(db: Kysely<DB>, consultationId: string): Promise<EventScope & { title: string; campaignId: string | null; startsAt: string }> {
  const c = await findConsultation(db, consultationId);
  if (!c) throw new AppError('NOT_FOUND');
  const venue = c.venue_id ? await findVenue(db, c.venue_id) : undefined;
  return { consultation: c, venueHeadId: venue?.head_account_id ?? null, title: c.title, campaignId: c.campaign_id, startsAt: c.starts_at };
}

/** The event, if this person manages its suggestions (else FORBIDDEN). */
export async function managedEvent(db: Kysely<DB>, actor: Actor | null, consultationId: string) {
  const scope = await eventScope(db, consultationId);
  if (!mayManageEvent(actor, scope)) throw new AppError('FORBIDDEN', { zh: '您不负责该协商活动的意见', en: 'You do not manage this event’s suggestions' });
  return scope;
}

/** A suggestion with everything its policy needs: the event, units, authors, linked appeals. */
export interface Loaded {
  suggestion: SuggestionTable;
  event: Awaited<ReturnType<typeof eventScope>>;
  units: Awaited<ReturnType<typeof listUnits>>;
  authors: Awaited<ReturnType<typeof listAuthors>>;
  appeals: AppealTable[];
  relation: Relation;
}

/** Loads a suggestion for this person; NOT_FOUND when it does not exist or they may not see it. */
export async function loadSuggestion(db: Kysely<DB>, actor: Actor | null, id: string): Promise<Loaded> {
  const suggestion = await findSuggestion(db, id);
  if (!suggestion) throw new AppError('NOT_FOUND');
  const [event, units, authors, links] = await Promise.all([eventScope(db, suggestion.consultation_id), listUnits(db, [id]), listAuthors(db, [id]), listAppealLinks(db, [id])]);
  const appeals = await listAppealsByIds(db, links.map((l) => l.appeal_id));
  const mine = new Set(unitsOf(actor));
  // A resident is whoever filed a linked appeal, or holds an account with the appeal's phone
  // (set by an administrator, so a typed phone alone proves nothing).
  const phones = new Set(appeals.map((a) => a.resident_phone).filter((p): p is string => !!p));
  const actorPhone = actor && phones.size && actor.permissions.has('suggestions:feedback') ? ((await findAccountById(db, actor.id))?.phone ?? null) : null;
  const relation: Relation = {
    manager: mayManageEvent(actor, event),
    leadUnit: units.some((u) => u.role === 'lead' && mine.has(u.unit_id)),
    anyUnit: units.some((u) => mine.has(u.unit_id)),
    author: !!actor && authors.some((a) => a.account_id === actor.id),
    resident: !!actor && (appeals.some((a) => a.filed_by === actor.id) || (actorPhone !== null && phones.has(actorPhone))),
  };
  if (!maySee(actor, relation)) throw new AppError('NOT_FOUND');
  return { suggestion, event, units, authors, appeals, relation };
}

/**
 * Takes one step of the workflow for this person: checks the table for each of their sides,
 * then compare-and-sets the row, writes the journey entry and the audit record.
 */
export async function step(
  tx: Kysely<DB>,
  audit: AuditLog,
  actor: Actor,
  loaded: Loaded,
  req: { action: SuggestionAction; version: number; comment?: string | null; facts?: SuggestionFacts; patch?: Parameters<typeof updateSuggestion>[3]; detail?: Record<string, unknown> },
): Promise<SuggestionTable> {
  const s = loaded.suggestion;
  if (s.version !== req.version) throw new AppError('VERSION_CONFLICT');
  const sides = sidesOf(actor, loaded.relation);
  const facts = { ...req.facts, comment: req.comment, current: s.decision };
  const decisions = sides.map((side) => decideSuggestion(s.state, req.action, side, facts));
  const ok = decisions.find((d) => d.ok);
  if (!ok || !ok.ok) {
    const reasons = decisions.map((d) => (d.ok ? '' : d.reason));
    if (reasons.includes('REASON_REQUIRED')) throw fieldError('reason', '不予采纳须写明理由', 'Not adopting a suggestion needs a reason');
    if (reasons.includes('COMMENT_REQUIRED')) throw fieldError('comment', '请写明理由', 'Give a reason');
    if (reasons.includes('NOT_ADOPTED')) throw new AppError('ACTION_NOT_ALLOWED', { zh: '只有采纳或部分采纳的意见可以交办', en: 'Only adopted or partly adopted suggestions can be assigned' });
    if (reasons.length === 0 || reasons.every((r) => r === 'NOT_YOURS')) throw new AppError('FORBIDDEN');
    throw new AppError('ACTION_NOT_ALLOWED');
  }
  const to: SuggestionState = ok.to;
  const now = new Date().toISOString();
  const patch = { ...req.patch, state: to, updated_at: now };
  if (!(await updateSuggestion(tx, s.id, s.version, patch))) throw new AppError('VERSION_CONFLICT');
  const comment = req.comment?.trim() ? req.comment : null;
  await insertSuggestionEvent(tx, {
    id: uuidv7(),
    suggestion_id: s.id,
    action: req.action,
    from_state: s.state,
    to_state: to,
    actor_id: actor.id,
    actor_label: actor.label,
    comment,
    detail: JSON.stringify(req.detail ?? {}),
    created_at: now,
  });
  audit.record({
    action: `suggestion.${req.action}`,
    resourceType: 'suggestion',
    resourceId: s.id,
    before: { state: s.state, version: s.version },
    after: { state: to, version: s.version + 1, ...(req.detail ?? {}), ...(comment ? { comment } : {}) },
  });
  return { ...s, ...patch, version: s.version + 1 };
}

/** Loads everything shown about these suggestions, a few queries for the whole batch. */
export async function loadBundles(db: Kysely<DB>, rows: SuggestionTable[]): Promise<Bundle[]> {
  const ids = rows.map((r) => r.id);
  const [authors, links, units, replies, milestones, feedback] = await Promise.all([
    listAuthors(db, ids),
    listAppealLinks(db, ids),
    listUnits(db, ids),
    listReplies(db, ids),
    listProgress(db, ids),
    listFeedback(db, ids),
  ]);
  const appeals = new Map((await listAppealsByIds(db, [...new Set(links.map((l) => l.appeal_id))])).map((a) => [a.id, a]));
  const events = new Map<string, { id: string; title: string; startsAt: string }>();
  for (const cid of new Set(rows.map((r) => r.consultation_id))) {
    const c = await findConsultation(db, cid);
    if (c) events.set(cid, { id: c.id, title: c.title, startsAt: c.starts_at });
  }
  const history = rows.length === 1 ? await listSuggestionEvents(db, rows[0]!.id) : await listEventsOf(db, ids);
  const by = <T extends { suggestion_id: string }>(xs: T[], id: string) => xs.filter((x) => x.suggestion_id === id);
  return rows.map((s) => ({
    s,
    event: events.get(s.consultation_id) ?? { id: s.consultation_id, title: '', startsAt: '' },
    authors: by(authors, s.id),
    appeals: by(links, s.id).map((l) => ({ id: l.appeal_id, trackingNo: appeals.get(l.appeal_id)?.tracking_no ?? '' })),
    units: by(units, s.id).map((u) => ({ unitId: u.unit_id, name: u.name, role: u.role })),
    replies: by(replies, s.id),
    milestones: by(milestones, s.id),
    feedback: by(feedback, s.id),
    events: by(history, s.id),
  }));
}
