import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** Suggestions raised at consultation events: list, decision, assignment, replies, progress, feedback. */
export const suggestions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('suggestion')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('decision', 'text')
      .addColumn('decision_reason', 'text')
      .addColumn('merged_into', 'text', (c) => c.references('suggestion.id'))
      .addColumn('lead_unit_id', 'text', (c) => c.references('unit.id'))
      .addColumn('deadline_days', 'integer')
      .addColumn('sign_due_at', 'text')
      .addColumn('reply_due_at', 'text')
      .addColumn('grade', 'text')
      .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('issued_at', 'text')
      .addColumn('created_by', 'text', (c) => c.references('account.id'))
      .addColumn('created_by_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('suggestion_seq_uq', ['consultation_id', 'seq'])
      .execute();
    await db.schema.createIndex('suggestion_unit_state_idx').on('suggestion').columns(['lead_unit_id', 'state']).execute();
    await db.schema.createIndex('suggestion_state_idx').on('suggestion').columns(['state', 'updated_at']).execute();
    await db.schema
      .createTable('suggestion_author')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.references('account.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('is_member', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('suggestion_author_suggestion_idx').on('suggestion_author').column('suggestion_id').execute();
    await db.schema.createIndex('suggestion_author_account_idx').on('suggestion_author').column('account_id').execute();
    await db.schema
      .createTable('suggestion_appeal')
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
      .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeal.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('suggestion_appeal_pk', ['suggestion_id', 'appeal_id'])
      .execute();
    await db.schema.createIndex('suggestion_appeal_appeal_idx').on('suggestion_appeal').column('appeal_id').execute();
    await db.schema
      .createTable('suggestion_unit')
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('suggestion_unit_pk', ['suggestion_id', 'unit_id'])
      .execute();
    await db.schema.createIndex('suggestion_unit_unit_idx').on('suggestion_unit').column('unit_id').execute();
    await db.schema
      .createTable('suggestion_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('suggestion_event_suggestion_idx').on('suggestion_event').columns(['suggestion_id', 'created_at']).execute();
    await db.schema
      .createTable('suggestion_reply')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('suggestion_reply_suggestion_idx').on('suggestion_reply').columns(['suggestion_id', 'created_at']).execute();
    await db.schema
      .createTable('suggestion_progress')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
      .addColumn('percent', 'integer', (c) => c.notNull())
      .addColumn('milestone', 'text', (c) => c.notNull())
      .addColumn('on_date', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('suggestion_progress_suggestion_idx').on('suggestion_progress').columns(['suggestion_id', 'created_at']).execute();
    await db.schema
      .createTable('suggestion_feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
      .addColumn('as_role', 'text', (c) => c.notNull())
      .addColumn('reply_rating', 'text', (c) => c.notNull())
      .addColumn('result_rating', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('suggestion_feedback_suggestion_idx').on('suggestion_feedback').columns(['suggestion_id', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['suggestion_feedback', 'suggestion_progress', 'suggestion_reply', 'suggestion_event', 'suggestion_unit', 'suggestion_appeal', 'suggestion_author', 'suggestion'])
      await db.schema.dropTable(t).execute();
  },
};
