import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { CategoryTable, DeadlineClassTable } from './appeals.table.js';

/** Compare-and-set on (id, version): a stale version updates nothing. */
export async function updateCategory(
  db: Kysely<DB>,
  id: string,
  version: number,
  patch: Partial<Omit<CategoryTable, 'id' | 'code' | 'version' | 'created_at'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('category')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Compare-and-set delete; false when the row changed or is gone. */
export async function deleteCategory(db: Kysely<DB>, id: string, version: number): Promise<boolean> {
  const r = await db.deleteFrom('category').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Whether any appeal (open or closed) is filed under the category. */
export async function categoryHasAppeals(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db.selectFrom('appeal').select('id').where('category_id', '=', id).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Category ids that have at least one appeal, for the administration list (one index probe per category). */
export async function categoriesInUse(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('category')
    .select('category.id')
    .where((eb) => eb.exists(eb.selectFrom('appeal').select('appeal.id').whereRef('appeal.category_id', '=', 'category.id')))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function findDeadlineClass(db: Kysely<DB>, code: string) {
  return db.selectFrom('deadline_class').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Compare-and-set on (code, version). */
export async function updateDeadlineClass(
  db: Kysely<DB>,
  code: string,
  version: number,
  patch: Partial<Omit<DeadlineClassTable, 'code' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('deadline_class')
    .set({ ...patch, version: version + 1 })
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
