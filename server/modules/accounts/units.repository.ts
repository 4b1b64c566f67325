import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { UnitTable } from './accounts.table.js';

export type UnitRow = UnitTable;

export async function findUnit(db: Kysely<DB>, id: string) {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitByName(db: Kysely<DB>, name: string) {
  return db.selectFrom('unit').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertUnit(db: Kysely<DB>, row: UnitTable) {
  await db.insertInto('unit').values(row).execute();
}

/** Compare-and-set on (id, version). */
export async function updateUnit(db: Kysely<DB>, id: string, version: number, patch: Partial<Omit<UnitTable, 'id' | 'version' | 'created_at'>>) {
  const r = await db.updateTable('unit').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface UnitSearch {
  q?: string;
  kind?: UnitTable['kind'];
  active?: boolean;
  ids?: string[];
}

export async function searchUnits(db: Kysely<DB>, s: UnitSearch, limit: number, offset: number) {
  let q = db.selectFrom('unit');
  if (s.q) q = q.where(sql<boolean>`lower(name) like ${`%${s.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`} escape '\\'`);
  if (s.kind) q = q.where('kind', '=', s.kind);
  if (s.active !== undefined) q = q.where('active', '=', s.active ? 1 : 0);
  if (s.ids) q = s.ids.length ? q.where('id', 'in', s.ids) : q.where(sql<boolean>`1 = 0`);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('name').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
