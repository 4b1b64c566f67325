import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { Writes } from '../../infra/db/write-batch.js';
import { precompiled } from '../../infra/db/precompiled.js';
import type { AppealEventTable, AppealTable, AppealUnitTable, CategoryTable, DeadlineClassTable } from './appeals.table.js';
import type { AppealState } from './appeal.workflow.js';

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
  trackingNo?: string;
  phone?: string;
  categoryId?: string;
  excludeConfidential?: boolean;
  trackingNos?: string[];
  categoryIds?: string[];
  createdFrom?: string;
  createdTo?: string;
  /** Limits to what one person may see: their units' appeals, their territories', their own. */
  visibleTo?: { unitIds: string[]; territoryPrefixes: string[]; filedBy: string };
}

export async function searchAppeals(db: Kysely<DB>, s: AppealSearch, limit: number, offset: number) {
  let q = db.selectFrom('appeal');
  if (s.states?.length) q = q.where('state', 'in', s.states);
  if (s.visibleTo) {
    const v = s.visibleTo;
    q = q.where((eb) =>
      eb.or([
        eb('filed_by', '=', v.filedBy),
        ...(v.unitIds.length ? [eb('lead_unit_id', 'in', v.unitIds)] : []),
        ...v.territoryPrefixes.map((p) => eb.and([eb('territory_code', '>=', p), eb('territory_code', '<', `${p}:`)])),
      ]),
    );
  }
  if (s.overdueAt) q = q.where('stage_due_at', '<', s.overdueAt);
  if (s.trackingNo) q = q.where('tracking_no', '=', s.trackingNo);
  if (s.phone) q = q.where('resident_phone', '=', s.phone);
  if (s.categoryId) q = q.where('category_id', '=', s.categoryId);
  if (s.excludeConfidential) q = q.where('confidential', '=', 0);
  if (s.trackingNos) q = s.trackingNos.length ? q.where('tracking_no', 'in', s.trackingNos) : q.where(sql<boolean>`1 = 0`);
  if (s.categoryIds) q = s.categoryIds.length ? q.where('category_id', 'in', s.categoryIds) : q.where(sql<boolean>`1 = 0`);
  if (s.createdFrom) q = q.where('created_at', '>=', s.createdFrom);
  if (s.createdTo) q = q.where('created_at', '<=', s.createdTo);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countAppeals(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('appeal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

const OPEN_STATES: AppealState[] = ['registered', 'dispatched', 'return_requested', 'signed', 'in_progress', 'extension_requested', 'replied', 'awaiting_feedback', 'rated'];

/** Open appeals of a category within a territory subtree, newest first: duplicate candidates. */
export async function listOpenInArea(db: Kysely<DB>, categoryId: string, territoryPrefix: string, limit: number, opts: { excludeConfidential?: boolean } = {}) {
  let q = db.selectFrom('appeal');
  if (opts.excludeConfidential) q = q.where('confidential', '=', 0);
  return q
    .select(['id', 'tracking_no', 'description', 'territory_code', 'state', 'created_at'])
    .where('category_id', '=', categoryId)
    .where('territory_code', '>=', territoryPrefix)
    .where('territory_code', '<', `${territoryPrefix}:`)
    .where('state', 'in', OPEN_STATES)
    .orderBy('created_at', 'desc')
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

/** Which of these appeals exist (and are not merged away). */
export async function existingAppealIds(db: Kysely<DB>, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('appeal').select('id').where('id', 'in', ids).where('state', '!=', 'merged').execute()).map((r) => r.id);
}
