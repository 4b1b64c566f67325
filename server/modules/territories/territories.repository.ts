import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { TerritoryLevel, TerritoryTable } from './territories.table.js';

export type TerritoryRow = TerritoryTable & { child_count?: number };

export async function findTerritory(db: Kysely<DB>, code: string): Promise<TerritoryRow | undefined> {
  const row = await db
    .selectFrom('territory')
    .selectAll('territory')
    .select((eb) =>
      eb
        .selectFrom('territory as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.parent_code', '=', 'territory.code')
        .as('child_count'),
    )
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { ...row, child_count: Number(row.child_count ?? 0) } : undefined;
}

export async function listTerritoriesByCodes(db: Kysely<DB>, codes: string[]): Promise<TerritoryRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('territory').selectAll().where('code', 'in', codes).orderBy('code').execute();
}

/** Escapes LIKE wildcards so a search for "100%" means the text. */
function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

export interface TerritorySearch {
  q?: string;
  level?: TerritoryLevel;
  parent?: string;
  /** Limit to a subtree: codes starting with this short code. */
  within?: string;
}

/** Searches by name (substring) or code (prefix), filtered by level and parent; paginated. */
export async function searchTerritories(db: Kysely<DB>, s: TerritorySearch, limit: number, offset: number) {
  let q = db.selectFrom('territory');
  if (s.level) q = q.where('level', '=', s.level);
  if (s.parent) q = q.where('parent_code', '=', s.parent);
  // Digit prefixes as ranges (':' sorts right after '9'), so the primary-key index serves them.
  if (s.within) q = q.where('code', '>=', s.within).where('code', '<', `${s.within}:`);
  if (s.q) {
    const text = s.q;
    q = /^\d+$/.test(text)
      ? q.where((eb) =>
          eb.or([
            eb.and([eb('code', '>=', text), eb('code', '<', `${text}:`)]),
            eb.and([eb('stat_code', '>=', text), eb('stat_code', '<', `${text}:`)]),
          ]),
        )
      : q.where(sql<boolean>`name like ${likeContains(text)} escape '\\'`);
  }
  const rows = await q
    .selectAll('territory')
    .select((eb) =>
      eb
        .selectFrom('territory as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.parent_code', '=', 'territory.code')
        .as('child_count'),
    )
    .orderBy('code')
    .limit(limit)
    .offset(offset)
    .execute();
  // A short page tells the total without a second scan.
  const total =
    rows.length < limit && (rows.length > 0 || offset === 0)
      ? { n: offset + rows.length }
      : await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows.map((r) => ({ ...r, child_count: Number(r.child_count ?? 0) })), total: Number(total.n) };
}

export async function listChildren(db: Kysely<DB>, parent: string, limit: number, offset: number) {
  return searchTerritories(db, { parent }, limit, offset);
}

/** Inserts new rows and updates changed ones; returns how many rows it wrote. */
export async function upsertTerritories(db: Kysely<DB>, rows: TerritoryTable[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('territory')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet((eb) => ({
          stat_code: eb.ref('excluded.stat_code'),
          name: eb.ref('excluded.name'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          valid_from: eb.ref('excluded.valid_from'),
          valid_to: eb.ref('excluded.valid_to'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where((eb) =>
          eb.or([
            eb('territory.name', '<>', eb.ref('excluded.name')),
            eb('territory.level', '<>', eb.ref('excluded.level')),
            eb(eb.fn.coalesce('territory.parent_code', sql.lit('')), '<>', eb.fn.coalesce('excluded.parent_code', sql.lit(''))),
            eb(eb.fn.coalesce('territory.valid_from', sql.lit('')), '<>', eb.fn.coalesce('excluded.valid_from', sql.lit(''))),
            eb(eb.fn.coalesce('territory.valid_to', sql.lit('')), '<>', eb.fn.coalesce('excluded.valid_to', sql.lit(''))),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Which of the given codes exist. */
export async function existingCodes(db: Kysely<DB>, codes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db.selectFrom('territory').select('code').where('code', 'in', codes.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

export async function countTerritories(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('territory').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countByLevel(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('territory')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

export async function updateTerritory(
  db: Kysely<DB>,
  code: string,
  patch: Partial<Pick<TerritoryTable, 'name' | 'valid_from' | 'valid_to'>>,
  now: string,
): Promise<void> {
  await db.updateTable('territory').set({ ...patch, updated_at: now }).where('code', '=', code).execute();
}
