import { PostgresAdapter, type Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Photos on appeals, stored in the database beside the appeal so a backup or a copy between
 * engines carries them. An upload waits unattached (expires_at set) until an intake or a
 * reply claims it; then it belongs to the appeal and to the timeline event that attached it.
 */
export const photos: Migration = {
  async up(db: Kysely<any>) {
    const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('appeal_photo')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('appeal_id', 'text', (c) => c.references('appeal.id'))
      .addColumn('event_id', 'text', (c) => c.references('appeal_event.id'))
      .addColumn('position', 'integer')
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('data', binary, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .execute();
    await db.schema.createIndex('appeal_photo_appeal_idx').on('appeal_photo').columns(['appeal_id', 'position']).execute();
    await db.schema.createIndex('appeal_photo_expires_idx').on('appeal_photo').column('expires_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('appeal_photo').execute();
  },
};
