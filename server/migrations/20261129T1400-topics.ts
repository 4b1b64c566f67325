import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** Consultation topics (协商议题), the appeals they grew from, and their review history. */
export const topics: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('topic')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('territory_code', 'text', (c) => c.references('territory.code'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('proposed_by', 'text', (c) => c.references('account.id'))
      .addColumn('proposer_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('topic_state_idx').on('topic').columns(['state', 'updated_at']).execute();
    await db.schema
      .createTable('topic_appeal')
      .addColumn('topic_id', 'text', (c) => c.notNull().references('topic.id').onDelete('cascade'))
      .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeal.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('topic_appeal_pk', ['topic_id', 'appeal_id'])
      .execute();
    await db.schema.createIndex('topic_appeal_appeal_idx').on('topic_appeal').column('appeal_id').execute();
    await db.schema
      .createTable('topic_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('topic_id', 'text', (c) => c.notNull().references('topic.id').onDelete('cascade'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('topic_event_topic_idx').on('topic_event').columns(['topic_id', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('topic_event').execute();
    await db.schema.dropTable('topic_appeal').execute();
    await db.schema.dropTable('topic').execute();
  },
};
