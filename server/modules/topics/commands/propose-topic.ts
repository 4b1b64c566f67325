import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { listAppealsByIds } from '../../appeals/index.js';
import { getTerritory } from '../../territories/index.js';
import { territoryPrefixesOf } from '../topics.policy.js';
import { insertTopic, insertTopicEvent, linkTopicAppeals } from '../topics.repository.js';
import type { TopicSource, TopicTable } from '../topics.table.js';

export interface NewTopic {
  title: string;
  description: string;
  source: TopicSource;
  territoryCode?: string | null;
  /** The appeals it grows from (a cluster), or none. */
  appealIds?: string[];
}

const fieldError = (field: string, zh: string, en: string) => new AppError('VALIDATION_FAILED', { zh, en }, { errors: [{ field, message: zh }] });

/** Drafts a topic (点题), linked to the appeals it grows from. */
export async function proposeTopic(db: Kysely<DB>, ctx: CommandContext, actor: Actor, input: NewTopic): Promise<TopicTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const territory = input.territoryCode ? await getTerritory(tx, input.territoryCode).catch(() => null) : null;
    if (input.territoryCode && !territory) throw fieldError('territoryCode', '所在地不存在', 'No such territory');
    const appealIds = [...new Set(input.appealIds ?? [])];
    if (appealIds.length && !actor.permissions.has('topics:cluster'))
      throw fieldError('appealIds', '无权把诉求关联到议题', 'You may not link appeals to a topic');
    if (input.source === 'appeals' && appealIds.length === 0) throw fieldError('appealIds', '由诉求聚类生成的议题须关联诉求', 'A topic from appeals needs its appeals');
    const prefixes = territoryPrefixesOf(actor);
    const districtWide = actor.permissions.has('topics:review');
    const found = new Map((await listAppealsByIds(tx, appealIds)).map((a) => [a.id, a]));
    for (const id of appealIds) {
      const appeal = found.get(id);
      if (!appeal || appeal.state === 'merged' || (!districtWide && !prefixes.some((p) => appeal.territory_code.startsWith(p))))
        throw fieldError('appealIds', '诉求不存在或不在您的辖区', 'An appeal does not exist or is outside your area');
    }
    const now = new Date().toISOString();
    const row: TopicTable = {
      id: uuidv7(),
      title: input.title,
      description: input.description,
      source: input.source,
      territory_code: territory?.code ?? null,
      state: 'draft',
      proposed_by: actor.id,
      proposer_label: actor.label,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await insertTopic(tx, row);
    await linkTopicAppeals(tx, appealIds.map((appeal_id) => ({ topic_id: row.id, appeal_id, created_at: now })));
    await insertTopicEvent(tx, { id: uuidv7(), topic_id: row.id, action: 'propose', from_state: null, to_state: 'draft', actor_id: actor.id, actor_label: actor.label, comment: null, created_at: now });
    audit.record({
      action: 'topic.propose',
      resourceType: 'topic',
      resourceId: row.id,
      after: { title: row.title, source: row.source, territory: row.territory_code, appeals: appealIds.length },
    });
    return row;
  });
}
