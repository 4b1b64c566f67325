import type { AppealState } from './appeal.workflow.js';

export interface DeadlineClassTable {
  code: string;
  name_zh: string;
  name_en: string;
  amount: number;
  /** 'wd' working days of office time, or 'minutes' of wall-clock time (urgent). */
  unit: 'wd' | 'minutes';
  /** The extension class only: how many extensions one appeal may have approved. */
  max_count: number | null;
  updated_at: string;
  version: number;
}

export interface CategoryTable {
  id: string;
  code: string;
  parent_id: string | null;
  name_zh: string;
  name_en: string;
  deadline_class: string;
  active: number;
  sort: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrackingCounterTable {
  day: string;
  last: number;
}

export type AppealChannel = 'web' | 'agent' | 'visit' | 'api' | 'open311';

export interface AppealTable {
  id: string;
  tracking_no: string;
  channel: AppealChannel;
  category_id: string;
  territory_code: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  description: string;
  resident_name: string | null;
  resident_phone: string | null;
  phone_verified: number;
  anonymous: number;
  confidential: number;
  urgent: number;
  supervised: number;
  state: AppealState;
  deadline_class: string;
  lead_unit_id: string | null;
  /** When the current step (dispatch, sign, return decision, reply, review, callback) is due. */
  stage_due_at: string | null;
  /** When the unit's reply is due (moves with approved extensions). */
  reply_due_at: string | null;
  extensions_approved: number;
  /** The new reply deadline an extension request asks for, until it is decided. */
  pending_until: string | null;
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null;
  merged_into: string | null;
  filed_by: string | null;
  on_behalf: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  version: number;
  /** 1 when the text looks like spam (spam-signals.ts); the appeal is handled as any other, staff see why. */
  moderation_flag: number;
  /** The reasons, comma-separated (link_flood, repeated_text, placeholder); null when not flagged. */
  moderation_reasons: string | null;
}

export interface AppealUnitTable {
  appeal_id: string;
  unit_id: string;
  role: 'lead' | 'assisting';
}

export interface AppealEventTable {
  id: string;
  appeal_id: string;
  action: string;
  from_state: AppealState | null;
  to_state: AppealState;
  actor_id: string | null;
  actor_label: string;
  /** JSON of the action's input (reason, reply text, rating…). */
  payload: string | null;
  created_at: string;
}

export interface AppealPhotoTable {
  id: string;
  /** Null while the upload waits to be attached. */
  appeal_id: string | null;
  /** The timeline event (register, reply) that attached it. */
  event_id: string | null;
  position: number | null;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  sha256: string;
  size: number;
  width: number;
  height: number;
  /** The processed bytes (blob on SQLite, bytea on PostgreSQL). */
  data: Buffer;
  created_at: string;
  /** When an unattached upload is swept away; null once attached. */
  expires_at: string | null;
}

/**
 * One appeal in the search index, written by the indexer after intake has committed. On SQLite
 * an FTS5 table over `tokens` follows it by triggers; on PostgreSQL a generated tsvector does.
 */
export interface AppealSearchTable {
  appeal_id: string;
  /** Bigrams of the folded description and address, separated by spaces. */
  tokens: string;
  /** The tracking number reversed: "ends with" becomes a prefix range on an index. */
  tracking_rev: string;
  /** The phone number's digits reversed, for "the last 4 digits". */
  phone_rev: string | null;
  indexed_at: string;
}

/** How far the indexer has got: every appeal with an id below the watermark is indexed. */
export interface AppealSearchStateTable {
  name: string;
  watermark: string;
  updated_at: string;
}

export interface AppealsTables {
  deadline_class: DeadlineClassTable;
  category: CategoryTable;
  tracking_counter: TrackingCounterTable;
  appeal: AppealTable;
  appeal_unit: AppealUnitTable;
  appeal_event: AppealEventTable;
  appeal_photo: AppealPhotoTable;
  appeal_search: AppealSearchTable;
  appeal_search_state: AppealSearchStateTable;
}
