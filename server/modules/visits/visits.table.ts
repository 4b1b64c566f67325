/** What became of a concern heard on a visit. */
export const CONCERN_STATUSES = ['noted', 'appeal', 'topic'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

/** A member's visit (走访) to a village or community, possibly a household there. */
export interface VisitTable {
  id: string;
  member_id: string;
  member_label: string;
  /** The calendar day of the visit (China), YYYY-MM-DD. */
  visited_on: string;
  /** The village or community (12-digit level). */
  territory_code: string;
  /** Where exactly, as the member typed it (a household, a square): shown to the member only. */
  place: string;
  summary: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One concern heard on a visit: noted, filed as an appeal, or attached to a topic. */
export interface VisitConcernTable {
  id: string;
  visit_id: string;
  position: number;
  text: string;
  status: ConcernStatus;
  appeal_id: string | null;
  topic_id: string | null;
  updated_at: string;
}

export interface VisitsTables {
  visit: VisitTable;
  visit_concern: VisitConcernTable;
}
