/** An online micro-consultation (线上微协商) on an event or on a filed topic. */
export interface OnlineConsultationTable {
  id: string;
  /** Exactly one of the two is set. */
  consultation_id: string | null;
  topic_id: string | null;
  title: string;
  description: string;
  /** How a participant proves to be one person: a verified phone, or a random id the browser keeps. */
  identity: 'phone' | 'device';
  /** `pre`: a participant's statement waits for acceptance; `post`: shown at once, may be rejected later. */
  moderation: 'pre' | 'post';
  state: 'open' | 'closed';
  /** Random, per consultation: a phone's hash here cannot be matched against a table of all phone numbers. */
  identity_salt: string;
  created_by: string | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  version: number;
}

/** One person in one online consultation: only salted hashes of their phone or device id and of their token are kept. */
export interface OnlineParticipantTable {
  id: string;
  online_id: string;
  identity_hash: string;
  token_hash: string;
  created_at: string;
}

export interface OnlineStatementTable {
  id: string;
  online_id: string;
  seq: number;
  text: string;
  origin: 'seed' | 'participant';
  status: 'pending' | 'accepted' | 'rejected';
  /** A statement about the consultation itself (not an opinion): shown, voted on, left out of the map's projection. */
  meta: number;
  participant_id: string | null;
  suggestion_id: string | null;
  /** Current counts, kept by every vote (the map's are as of its last recompute). */
  agrees: number;
  disagrees: number;
  passes: number;
  created_by_label: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One vote per participant and statement; a later vote replaces it. */
export interface OnlineVoteTable {
  participant_id: string;
  statement_id: string;
  online_id: string;
  vote: number;
  created_at: string;
  updated_at: string;
}

/** Whether the map is behind (`changes` > `computed_changes`) and who is recomputing it (a lease). */
export interface OnlineMapJobTable {
  online_id: string;
  changes: number;
  computed_changes: number;
  lease_owner: string | null;
  lease_until: string | null;
  /** When the last recompute began: at most one a second per consultation. */
  started_at: string | null;
}

/** The latest opinion map of a consultation (JSON, ids not indices) and the state the next recompute continues from. */
export interface OnlineMapTable {
  online_id: string;
  version: number;
  computed_at: string;
  map_json: string;
  state_json: string;
}

export interface OnlineConsultationsTables {
  online_consultation: OnlineConsultationTable;
  online_participant: OnlineParticipantTable;
  online_statement: OnlineStatementTable;
  online_vote: OnlineVoteTable;
  online_map_job: OnlineMapJobTable;
  online_map: OnlineMapTable;
}
