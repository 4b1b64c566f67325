import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** 成果展示: results published by district staff, each pointing at a suggestion or an appeal. */
export const showcase: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('showcase_item')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('territory_code', 'text', (c) => c.references('territory.code'))
      .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('published_by', 'text', (c) => c.references('account.id'))
      .addColumn('published_by_label', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('unpublished_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    // One row per record: publishing again after a take-down reuses it.
    await db.schema.createIndex('showcase_item_ref_idx').on('showcase_item').columns(['kind', 'ref_id']).unique().execute();
    await db.schema.createIndex('showcase_item_published_idx').on('showcase_item').columns(['unpublished_at', 'published_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('showcase_item').execute();
  },
};
