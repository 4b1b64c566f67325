import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Administrators edit deadline classes: a version for compare-and-set, and the extension
 * class's cap on how many extensions one appeal may have approved. The category tree is read
 * by parent for its children.
 */
export const categoryAdmin: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('deadline_class').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('deadline_class').addColumn('max_count', 'integer').execute();
    await sql`update deadline_class set max_count = 3 where code = 'extension'`.execute(db);
    await db.schema.createIndex('category_parent_idx').on('category').columns(['parent_id', 'sort']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('category_parent_idx').execute();
    await db.schema.alterTable('deadline_class').dropColumn('max_count').execute();
    await db.schema.alterTable('deadline_class').dropColumn('version').execute();
  },
};
