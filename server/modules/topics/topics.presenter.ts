import type { Actor } from '../../infra/http/access.js';
import { EDITABLE_STATES, topicActionsFrom } from './topic.workflow.js';
import { sidesOf } from './topics.policy.js';
import type { TopicEventTable, TopicTable } from './topics.table.js';

export function presentTopicSummary(t: TopicTable) {
  return {
    id: t.id,
    title: t.title,
    source: t.source,
    territoryCode: t.territory_code,
    state: t.state,
    proposer: t.proposer_label,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    version: t.version,
  };
}

/** What a topic shows of a linked appeal. */
export interface LinkedAppeal {
  id: string;
  tracking_no: string;
  state: string;
  territory_code: string;
  created_at: string;
}

export function presentTopic(t: TopicTable, appealIds: string[], appeals: LinkedAppeal[], events: TopicEventTable[], actor: Actor | null) {
  const sides = sidesOf(actor, t);
  const byId = new Map(appeals.map((a) => [a.id, a]));
  return {
    ...presentTopicSummary(t),
    appealCount: appealIds.length,
    description: t.description,
    appealIds,
    appeals: appealIds.flatMap((id) => {
      const a = byId.get(id);
      return a ? [{ id: a.id, trackingNo: a.tracking_no, state: a.state, territoryCode: a.territory_code, createdAt: a.created_at }] : [];
    }),
    allowedActions: [...new Set(sides.flatMap((s) => topicActionsFrom(t.state, s)))],
    editable: sides.includes('proposer') && EDITABLE_STATES.includes(t.state),
    history: events.map((e) => ({ action: e.action, fromState: e.from_state, toState: e.to_state, actor: e.actor_label, comment: e.comment, at: e.created_at })),
  };
}
