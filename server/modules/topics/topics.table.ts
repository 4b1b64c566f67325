import type { TopicState } from './topic.workflow.js';

/** Where a topic came from (点题): the committee, a member, or a cluster of similar appeals. */
export type TopicSource = 'committee' | 'member' | 'appeals';

export interface TopicTable {
  id: string;
  title: string;
  description: string;
  source: TopicSource;
  /** The town/street (or the district) it concerns. */
  territory_code: string | null;
  state: TopicState;
  proposed_by: string | null;
  proposer_label: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The appeals a topic grew from (or was linked to later). */
export interface TopicAppealTable {
  topic_id: string;
  appeal_id: string;
  created_at: string;
}

/** The review history: every decision with its comment. */
export interface TopicEventTable {
  id: string;
  topic_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_label: string;
  comment: string | null;
  created_at: string;
}

export interface TopicsTables {
  topic: TopicTable;
  topic_appeal: TopicAppealTable;
  topic_event: TopicEventTable;
}
