import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { insertTopic, insertTopicEvent, linkTopicAppeals } from './topics.repository.js';
import type { TopicSource, TopicTable } from './topics.table.js';

export interface FiledTopicSeed {
  title: string;
  description: string;
  source: TopicSource;
  territoryCode: string | null;
  proposer: { id: string; label: string };
  reviewer: { id: string; label: string };
  appealIds?: string[];
  /** When it was proposed; submitted and filed follow on the same day. */
  at: string;
}

/**
 * Demo data: a topic that went through proposal, submission and filing, with that history.
 * One command and one audit record, as a real filing would have left (demo seeds only).
 */
export async function seedFiledTopic(db: Kysely<DB>, ctx: CommandContext, s: FiledTopicSeed): Promise<TopicTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const row: TopicTable = {
      id: uuidv7(),
      title: s.title,
      description: s.description,
      source: s.source,
      territory_code: s.territoryCode,
      state: 'filed',
      proposed_by: s.proposer.id,
      proposer_label: s.proposer.label,
      created_at: s.at,
      updated_at: s.at,
      version: 3,
    };
    await insertTopic(tx, row);
    await linkTopicAppeals(tx, (s.appealIds ?? []).map((appeal_id) => ({ topic_id: row.id, appeal_id, created_at: s.at })));
    const steps: [string, string | null, TopicTable['state'], { id: string; label: string }][] = [
      ['propose', null, 'draft', s.proposer],
      ['submit', 'draft', 'submitted', s.proposer],
      ['approve', 'submitted', 'filed', s.reviewer],
    ];
    for (const [action, from, to, who] of steps) {
      await insertTopicEvent(tx, { id: uuidv7(), topic_id: row.id, action, from_state: from, to_state: to, actor_id: who.id, actor_label: who.label, comment: null, created_at: s.at });
    }
    audit.record({ action: 'topic.seed', resourceType: 'topic', resourceId: row.id, after: { title: row.title, state: row.state, territory: row.territory_code, appeals: s.appealIds?.length ?? 0 } });
    return row;
  });
}
