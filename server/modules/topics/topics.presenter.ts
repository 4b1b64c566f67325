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

export function presentTopic(t: TopicTable, appealIds: string[], events: TopicEventTable[], actor: Actor | null) {
  const sides = sidesOf(actor, t);
  return {
    ...presentTopicSummary(t),
    appealCount: appealIds.length,
    description: t.description,
    appealIds,
    allowedActions: [...new Set(sides.flatMap((s) => topicActionsFrom(t.state, s)))],
    editable: sides.includes('proposer') && EDITABLE_STATES.includes(t.state),
    history: events.map((e) => ({ action: e.action, fromState: e.from_state, toState: e.to_state, actor: e.actor_label, comment: e.comment, at: e.created_at })),
  };
}
