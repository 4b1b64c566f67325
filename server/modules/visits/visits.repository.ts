import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { VisitConcernTable, VisitTable } from './visits.table.js';

export async function insertVisit(db: Kysely<DB>, row: VisitTable, concerns: VisitConcernTable[]) {
  await db.insertInto('visit').values(row).execute();
  if (concerns.length) await db.insertInto('visit_concern').values(concerns).execute();
}

export async function findVisit(db: Kysely<DB>, id: string) {
  return db.selectFrom('visit').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Compare-and-set on (id, version): a change made to an old copy changes nothing. */
export async function updateVisit(db: Kysely<DB>, id: string, version: number, patch: Partial<Pick<VisitTable, 'visited_on' | 'territory_code' | 'place' | 'summary' | 'updated_at'>>) {
  const r = await db.updateTable('visit').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listVisitConcerns(db: Kysely<DB>, visitIds: string[]) {
  if (visitIds.length === 0) return [];
  return db.selectFrom('visit_concern').selectAll().where('visit_id', 'in', visitIds).orderBy('visit_id').orderBy('position').execute();
}

/** Marks a concern filed or attached, only while it is still merely noted (compare-and-set on its status). */
export async function resolveConcern(db: Kysely<DB>, id: string, patch: Pick<VisitConcernTable, 'status' | 'appeal_id' | 'topic_id' | 'updated_at'>) {
  const r = await db.updateTable('visit_concern').set(patch).where('id', '=', id).where('status', '=', 'noted').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Visits, newest first; limited to one member's, or to territory subtrees, when given. */
export async function listVisits(db: Kysely<DB>, f: { memberId?: string; territoryPrefixes?: string[] }, limit: number, offset: number) {
  let q = db.selectFrom('visit');
  if (f.memberId !== undefined || f.territoryPrefixes !== undefined) {
    const prefixes = f.territoryPrefixes ?? [];
    const member = f.memberId;
    q = q.where((eb) =>
      eb.or([
        ...(member !== undefined ? [eb('member_id', '=', member)] : []),
        ...prefixes.map((p) => eb.and([eb('territory_code', '>=', p), eb('territory_code', '<', `${p}:`)])),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('visited_on', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
