import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** 线上微协商: online consultations, their participants, statements, votes, and the stored opinion map with its recompute job. */
export const onlineConsultations: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('online_consultation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.references('consultation.id'))
      .addColumn('topic_id', 'text', (c) => c.references('topic.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('identity', 'text', (c) => c.notNull())
      .addColumn('moderation', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('identity_salt', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('account.id'))
      .addColumn('created_by_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('online_consultation_event_idx').on('online_consultation').columns(['consultation_id']).execute();
    await db.schema.createIndex('online_consultation_state_idx').on('online_consultation').columns(['state', 'created_at']).execute();

    await db.schema
      .createTable('online_participant')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('online_id', 'text', (c) => c.notNull().references('online_consultation.id'))
      .addColumn('identity_hash', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('online_participant_identity_idx').on('online_participant').columns(['online_id', 'identity_hash']).unique().execute();
    await db.schema.createIndex('online_participant_token_idx').on('online_participant').columns(['token_hash']).unique().execute();

    await db.schema
      .createTable('online_statement')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('online_id', 'text', (c) => c.notNull().references('online_consultation.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('meta', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('participant_id', 'text', (c) => c.references('online_participant.id'))
      .addColumn('suggestion_id', 'text', (c) => c.references('suggestion.id'))
      .addColumn('agrees', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disagrees', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('passes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('online_statement_seq_idx').on('online_statement').columns(['online_id', 'seq']).unique().execute();
    await db.schema.createIndex('online_statement_suggestion_idx').on('online_statement').columns(['suggestion_id']).unique().execute();

    await db.schema
      .createTable('online_vote')
      .addColumn('participant_id', 'text', (c) => c.notNull().references('online_participant.id'))
      .addColumn('statement_id', 'text', (c) => c.notNull().references('online_statement.id'))
      .addColumn('online_id', 'text', (c) => c.notNull().references('online_consultation.id'))
      .addColumn('vote', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('online_vote_pk', ['participant_id', 'statement_id'])
      .execute();
    // The map worker reads a consultation's votes in pages in this order.
    await db.schema.createIndex('online_vote_consultation_idx').on('online_vote').columns(['online_id', 'participant_id', 'statement_id']).execute();

    await db.schema
      .createTable('online_map_job')
      .addColumn('online_id', 'text', (c) => c.primaryKey().references('online_consultation.id'))
      .addColumn('changes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('computed_changes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('started_at', 'text')
      .execute();
    await db.schema.createIndex('online_map_job_dirty_idx').on('online_map_job').columns(['changes', 'computed_changes']).execute();

    await db.schema
      .createTable('online_map')
      .addColumn('online_id', 'text', (c) => c.primaryKey().references('online_consultation.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addColumn('map_json', 'text', (c) => c.notNull())
      .addColumn('state_json', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['online_map', 'online_map_job', 'online_vote', 'online_statement', 'online_participant', 'online_consultation']) await db.schema.dropTable(t).execute();
  },
};
