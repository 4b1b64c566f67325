import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { Writes } from '../../infra/db/write-batch.js';
import { precompiled } from '../../infra/db/precompiled.js';
import type { AppealEventTable, AppealTable, AppealUnitTable, CategoryTable, DeadlineClassTable } from './appeals.table.js';
import type { AppealState } from './appeal.workflow.js';
import type { SearchClauses } from '../../infra/text/search-terms.js';
import { textMatches } from './appeal-search.repository.js';

export async function listDeadlineClasses(db: Kysely<DB>): Promise<DeadlineClassTable[]> {
  return db.selectFrom('deadline_class').selectAll().orderBy('code').execute();
}

export async function insertMissingDeadlineClasses(db: Kysely<DB>, rows: DeadlineClassTable[]) {
  if (rows.length === 0) return;
  await db.insertInto('deadline_class').values(rows).onConflict((oc) => oc.column('code').doNothing()).execute();
}

export async function listCategories(db: Kysely<DB>, includeInactive = false): Promise<CategoryTable[]> {
  let q = db.selectFrom('category').selectAll();
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('sort').orderBy('code').execute();
}

export async function findCategory(db: Kysely<DB>, id: string) {
  return db.selectFrom('category').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCategoryByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('category').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCategory(db: Kysely<DB>, row: CategoryTable) {
  await db.insertInto('category').values(row).execute();
}

/**
 * Reserves the next `count` sequence numbers of a local day, atomically: the upsert increments
 * under the row's own lock on PostgreSQL and inside SQLite's single writer. Returns the last
 * number of the block.
 */
export async function reserveTrackingSeqs(db: Kysely<DB>, day: string, count: number): Promise<number> {
  const row = await db
    .insertInto('tracking_counter')
    .values({ day, last: count })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql<number>`tracking_counter.last + ${count}` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export async function insertAppeal(writes: Writes, row: AppealTable) {
  await writes.insert('appeal', [row]);
}

// Read on every appeal page and status check: compiled once (infra/db/precompiled.ts).
const appealById = precompiled(['id'], (db, p) => db.selectFrom('appeal').selectAll().where('id', '=', p.id));
const appealByTrackingNo = precompiled(['no'], (db, p) => db.selectFrom('appeal').selectAll().where('tracking_no', '=', p.no));
const eventsOfAppeal = precompiled(['id'], (db, p) => db.selectFrom('appeal_event').selectAll().where('appeal_id', '=', p.id).orderBy('created_at').orderBy('id'));

export async function findAppeal(db: Kysely<DB>, id: string) {
  return (await appealById(db, { id }))[0];
}

export async function findAppealByTrackingNo(db: Kysely<DB>, trackingNo: string) {
  return (await appealByTrackingNo(db, { no: trackingNo }))[0];
}

/** Compare-and-set on (id, state, version): a raced transition updates nothing. */
export async function transitionAppeal(
  db: Kysely<DB>,
  id: string,
  expected: { state: AppealState; version: number },
  patch: Partial<Omit<AppealTable, 'id' | 'version' | 'tracking_no' | 'created_at'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('appeal')
    .set({ ...patch, version: expected.version + 1 })
    .where('id', '=', id)
    .where('state', '=', expected.state)
    .where('version', '=', expected.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceAppealUnits(db: Kysely<DB>, appealId: string, units: AppealUnitTable[]) {
  await db.deleteFrom('appeal_unit').where('appeal_id', '=', appealId).execute();
  if (units.length) await db.insertInto('appeal_unit').values(units).execute();
}

export async function listAppealUnits(db: Kysely<DB>, appealId: string) {
  return db
    .selectFrom('appeal_unit')
    .innerJoin('unit', 'unit.id', 'appeal_unit.unit_id')
    .select(['appeal_unit.unit_id', 'appeal_unit.role', 'unit.name'])
    .where('appeal_unit.appeal_id', '=', appealId)
    .orderBy('appeal_unit.role', 'desc')
    .execute();
}

export async function insertAppealEvent(writes: Writes, row: AppealEventTable) {
  await writes.insert('appeal_event', [row]);
}

export async function listAppealEvents(db: Kysely<DB>, appealId: string) {
  return eventsOfAppeal(db, { id: appealId });
}

export interface AppealSearch {
  states?: AppealState[];
  overdueAt?: string;
  /** Only appeals whose text looked like spam (moderation_flag). */
  flagged?: boolean;
  trackingNo?: string;
  /** A tracking number by its beginning (a date) or its end (the day's number), reversed for the index. */
  trackingPrefix?: string;
  trackingSuffixReversed?: string;
  phone?: string;
  /** The last digits of a phone number, reversed for the index. */
  phoneSuffixReversed?: string;
  categoryId?: string;
  /** A territory code: the appeals of it and everything under it. */
  territoryPrefix?: string;
  /** Full-text clauses over description and address; appeals come back best match first. */
  text?: SearchClauses;
  excludeConfidential?: boolean;
  trackingNos?: string[];
  categoryIds?: string[];
  createdFrom?: string;
  createdTo?: string;
  /** Limits to what one person may see: their units' appeals, their territories', their own. */
  visibleTo?: { unitIds: string[]; territoryPrefixes: string[]; filedBy: string };
}

/** A text search ranks (and counts) at most this many of the newest matching appeals. */
export const TEXT_WINDOW = 200;

export async function searchAppeals(db: Kysely<DB>, s: AppealSearch, limit: number, offset: number) {
  if (s.text && s.text.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom('appeal');
  if (s.text) q = q.innerJoin(textMatches(db, s.text), (j) => j.onRef('m.appeal_id', '=', 'appeal.id'));
  if (s.states?.length) q = q.where('appeal.state', 'in', s.states);
  if (s.visibleTo) {
    const v = s.visibleTo;
    q = q.where((eb) =>
      eb.or([
        eb('appeal.filed_by', '=', v.filedBy),
        ...(v.unitIds.length ? [eb('appeal.lead_unit_id', 'in', v.unitIds)] : []),
        ...v.territoryPrefixes.map((p) => eb.and([eb('appeal.territory_code', '>=', p), eb('appeal.territory_code', '<', `${p}:`)])),
      ]),
    );
  }
  if (s.overdueAt) q = q.where('appeal.stage_due_at', '<', s.overdueAt);
  if (s.flagged) q = q.where('appeal.moderation_flag', '=', 1);
  if (s.trackingNo) q = q.where('appeal.tracking_no', '=', s.trackingNo);
  if (s.trackingPrefix) q = q.where('appeal.tracking_no', '>=', s.trackingPrefix).where('appeal.tracking_no', '<', `${s.trackingPrefix}:`);
  if (s.trackingSuffixReversed) {
    const r = s.trackingSuffixReversed;
    q = q.where('appeal.id', 'in', (eb) => eb.selectFrom('appeal_search').select('appeal_id').where('tracking_rev', '>=', r).where('tracking_rev', '<', `${r}:`));
  }
  if (s.phone) q = q.where('appeal.resident_phone', '=', s.phone);
  if (s.phoneSuffixReversed) {
    const r = s.phoneSuffixReversed;
    q = q.where('appeal.id', 'in', (eb) => eb.selectFrom('appeal_search').select('appeal_id').where('phone_rev', '>=', r).where('phone_rev', '<', `${r}:`));
  }
  if (s.categoryId) q = q.where('appeal.category_id', '=', s.categoryId);
  if (s.territoryPrefix) q = q.where('appeal.territory_code', '>=', s.territoryPrefix).where('appeal.territory_code', '<', `${s.territoryPrefix}:`);
  if (s.excludeConfidential) q = q.where('appeal.confidential', '=', 0);
  if (s.trackingNos) q = s.trackingNos.length ? q.where('appeal.tracking_no', 'in', s.trackingNos) : q.where(sql<boolean>`1 = 0`);
  if (s.categoryIds) q = s.categoryIds.length ? q.where('appeal.category_id', 'in', s.categoryIds) : q.where(sql<boolean>`1 = 0`);
  if (s.createdFrom) q = q.where('appeal.created_at', '>=', s.createdFrom);
  if (s.createdTo) q = q.where('appeal.created_at', '<=', s.createdTo);
  if (s.text) {
    // Ranking every match of a common word (物业: one appeal in twenty) would read them all;
    // the newest TEXT_WINDOW matches that pass the filters are ranked instead, which the index
    // serves by walking its rows backwards and stopping early.
    const window = await q
      .select(['appeal.id', 'appeal.created_at', sql<number>`m.rank`.as('rank')])
      .orderBy(sql`m.seq`, 'desc')
      .limit(TEXT_WINDOW)
      .execute();
    window.sort((a, b) => a.rank - b.rank || (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1));
    const ids = window.slice(offset, offset + limit).map((w) => w.id);
    const rows = ids.length ? await db.selectFrom('appeal').selectAll().where('id', 'in', ids).execute() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { rows: ids.map((id) => byId.get(id) as AppealTable), total: window.length };
  }
  const [rows, total] = await Promise.all([
    q.selectAll('appeal').orderBy('appeal.created_at', 'desc').orderBy('appeal.id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countAppeals(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('appeal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Open states as SQL literals: the partial index appeal_open_similar_idx (migration
 * 20261129T1100) is written with this same list, and a query must repeat it for SQLite and
 * PostgreSQL to use the index.
 */
const OPEN_STATES_SQL = sql.raw(`('registered', 'dispatched', 'return_requested', 'signed', 'in_progress', 'extension_requested', 'replied', 'awaiting_feedback', 'rated')`);

/**
 * Open appeals of a category within a territory subtree, newest first: duplicate candidates,
 * read from the covering partial index alone.
 */
export async function listOpenInArea(db: Kysely<DB>, categoryId: string, territoryPrefix: string, limit: number, opts: { excludeConfidential?: boolean } = {}) {
  let q = db.selectFrom('appeal');
  // Residents' hints leave confidential appeals out (a look-up beyond the covering index).
  if (opts.excludeConfidential) q = q.where('appeal.confidential', '=', 0);
  return q
    .select(['appeal.id', 'appeal.territory_code'])
    .where('appeal.category_id', '=', categoryId)
    .where('appeal.territory_code', '>=', territoryPrefix)
    .where('appeal.territory_code', '<', `${territoryPrefix}:`)
    .where(sql<boolean>`appeal.state in ${OPEN_STATES_SQL}`)
    .orderBy('appeal.created_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The appeals of a period within a territory subtree (and, optionally, a category), for
 * clustering into candidate topics: text and keys only, newest first, at most `limit`.
 */
export async function listAppealsForClustering(
  db: Kysely<DB>,
  f: { from: string; to: string; territoryPrefix: string; categoryId?: string; visibleTo?: AppealSearch['visibleTo'] },
  limit: number,
) {
  let q = db
    .selectFrom('appeal')
    .select(['id', 'tracking_no', 'description', 'category_id', 'territory_code', 'state', 'created_at'])
    .where('created_at', '>=', f.from)
    .where('created_at', '<', f.to)
    .where('territory_code', '>=', f.territoryPrefix)
    .where('territory_code', '<', `${f.territoryPrefix}:`)
    .where('state', '!=', 'merged');
  if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
  if (f.visibleTo) {
    const v = f.visibleTo;
    q = q.where((eb) =>
      eb.or([
        eb('filed_by', '=', v.filedBy),
        ...(v.unitIds.length ? [eb('lead_unit_id', 'in', v.unitIds)] : []),
        ...v.territoryPrefixes.map((p) => eb.and([eb('territory_code', '>=', p), eb('territory_code', '<', `${p}:`)])),
      ]),
    );
  }
  return q.orderBy('created_at', 'desc').limit(limit).execute();
}

/** The texts of some appeals, for those the search index has not reached yet. */
export async function listAppealTexts(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('appeal').select(['id', 'description', 'address']).where('id', 'in', ids).execute();
}

/** Several appeals by id (in no particular order). */
export async function listAppealsByIds(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('appeal').selectAll().where('id', 'in', ids).execute();
}
