import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** Holidays and make-up working days: the official list plus administrators' entries. */
export const calendar: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('calendar_day')
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('calendar_day').execute();
  },
};
