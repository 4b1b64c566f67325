import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** Members' visits (走访) to villages and households, and the concerns heard on each. */
export const visits: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('visit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('account.id'))
      .addColumn('member_label', 'text', (c) => c.notNull())
      .addColumn('visited_on', 'text', (c) => c.notNull())
      .addColumn('territory_code', 'text', (c) => c.notNull().references('territory.code'))
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('visit_member_idx').on('visit').columns(['member_id', 'visited_on']).execute();
    await db.schema.createIndex('visit_territory_idx').on('visit').columns(['territory_code', 'visited_on']).execute();
    await db.schema
      .createTable('visit_concern')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visit.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('appeal_id', 'text', (c) => c.references('appeal.id'))
      .addColumn('topic_id', 'text', (c) => c.references('topic.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('visit_concern_visit_idx').on('visit_concern').columns(['visit_id', 'position']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('visit_concern').execute();
    await db.schema.dropTable('visit').execute();
  },
};
