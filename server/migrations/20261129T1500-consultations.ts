import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** Campaigns, procedure templates, consultation events and the topics they consult on. */
export const consultations: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('campaign')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('theme', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('territory_code', 'text', (c) => c.references('territory.code'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('target_events', 'integer')
      .addColumn('target_suggestions', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('procedure_template')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('consultation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('venue_id', 'text', (c) => c.references('venue.id'))
      .addColumn('territory_code', 'text', (c) => c.references('territory.code'))
      .addColumn('campaign_id', 'text', (c) => c.references('campaign.id'))
      .addColumn('template_id', 'text', (c) => c.notNull().references('procedure_template.id'))
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('step_index', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text')
      .addColumn('sign_in_token', 'text')
      .addColumn('organiser_id', 'text', (c) => c.references('account.id'))
      .addColumn('organiser_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('consultation_starts_idx').on('consultation').columns(['starts_at']).execute();
    await db.schema.createIndex('consultation_venue_idx').on('consultation').columns(['venue_id', 'starts_at']).execute();
    await db.schema.createIndex('consultation_campaign_idx').on('consultation').columns(['campaign_id']).execute();
    await db.schema.createIndex('consultation_territory_idx').on('consultation').columns(['territory_code']).execute();
    await db.schema
      .createTable('consultation_topic')
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
      .addColumn('topic_id', 'text', (c) => c.notNull().references('topic.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consultation_topic_pk', ['consultation_id', 'topic_id'])
      .execute();
    await db.schema.createIndex('consultation_topic_topic_idx').on('consultation_topic').column('topic_id').execute();
    await db.schema
      .createTable('consultation_artefact')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_by', 'text', (c) => c.references('account.id'))
      .addColumn('created_by_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('consultation_artefact_idx').on('consultation_artefact').columns(['consultation_id', 'kind']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('consultation_artefact').execute();
    await db.schema.dropTable('consultation_topic').execute();
    await db.schema.dropTable('consultation').execute();
    await db.schema.dropTable('procedure_template').execute();
    await db.schema.dropTable('campaign').execute();
  },
};
