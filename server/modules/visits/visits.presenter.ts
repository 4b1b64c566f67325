import type { Actor } from '../../infra/http/access.js';
import { isVisitOwner } from './visits.policy.js';
import type { VisitConcernTable, VisitTable } from './visits.table.js';

/** A visit as this person may see it: the household or place only to the member who went. */
export function presentVisit(v: VisitTable, concerns: VisitConcernTable[], actor: Actor | null) {
  const mine = isVisitOwner(actor, v);
  return {
    id: v.id,
    member: v.member_label,
    visitedOn: v.visited_on,
    territoryCode: v.territory_code,
    place: mine ? v.place : null,
    summary: v.summary,
    concerns: concerns.map((c) => ({ id: c.id, text: c.text, status: c.status, appealId: c.appeal_id, topicId: c.topic_id })),
    mine,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
    version: v.version,
  };
}

/** What the audit trail keeps of a visit (the place is the member's note: kept, as they typed it). */
export function visitAuditView(v: VisitTable) {
  return { visitedOn: v.visited_on, territory: v.territory_code, place: v.place, summary: v.summary };
}
