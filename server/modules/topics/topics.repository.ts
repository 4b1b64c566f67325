import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { TopicState } from './topic.workflow.js';
import type { TopicAppealTable, TopicEventTable, TopicTable } from './topics.table.js';

export async function insertTopic(db: Kysely<DB>, row: TopicTable) {
  await db.insertInto('topic').values(row).execute();
}

export async function findTopic(db: Kysely<DB>, id: string) {
  return db.selectFrom('topic').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Compare-and-set on (id, version): a stale edit or a raced decision changes nothing. */
export async function updateTopic(db: Kysely<DB>, id: string, version: number, patch: Partial<Pick<TopicTable, 'title' | 'description' | 'territory_code' | 'state' | 'updated_at'>>) {
  const r = await db.updateTable('topic').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function linkTopicAppeals(db: Kysely<DB>, rows: TopicAppealTable[]) {
  if (rows.length) await db.insertInto('topic_appeal').values(rows).onConflict((oc) => oc.columns(['topic_id', 'appeal_id']).doNothing()).execute();
}

export async function listTopicAppealIds(db: Kysely<DB>, topicId: string): Promise<string[]> {
  return (await db.selectFrom('topic_appeal').select('appeal_id').where('topic_id', '=', topicId).orderBy('created_at').orderBy('appeal_id').execute()).map((r) => r.appeal_id);
}

/** Appeal ids already linked to some topic, among these. */
export async function appealsWithTopics(db: Kysely<DB>, appealIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (appealIds.length === 0) return out;
  for (const r of await db.selectFrom('topic_appeal').select(['appeal_id', 'topic_id']).where('appeal_id', 'in', appealIds).execute()) {
    out.set(r.appeal_id, [...(out.get(r.appeal_id) ?? []), r.topic_id]);
  }
  return out;
}

export async function insertTopicEvent(db: Kysely<DB>, row: TopicEventTable) {
  await db.insertInto('topic_event').values(row).execute();
}

export async function listTopicEvents(db: Kysely<DB>, topicId: string) {
  return db.selectFrom('topic_event').selectAll().where('topic_id', '=', topicId).orderBy('created_at').orderBy('id').execute();
}

/** Topics, newest change first; limited (when `proposedBy` is given) to one's own, one's areas' and filed ones. */
export async function listTopics(
  db: Kysely<DB>,
  f: { states?: TopicState[]; proposedBy?: string; territoryPrefixes?: string[]; includeFiled?: boolean },
  limit: number,
  offset: number,
) {
  let q = db.selectFrom('topic');
  if (f.states?.length) q = q.where('state', 'in', f.states);
  if (f.proposedBy !== undefined) {
    const by = f.proposedBy;
    const prefixes = f.territoryPrefixes ?? [];
    q = q.where((eb) =>
      eb.or([
        eb('proposed_by', '=', by),
        ...(f.includeFiled ? [eb('state', '=', 'filed')] : []),
        ...prefixes.map((p) => eb.and([eb('territory_code', '>=', p), eb('territory_code', '<', `${p}:`)])),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
