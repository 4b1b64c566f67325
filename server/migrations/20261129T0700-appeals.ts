import type { Kysely } from 'kysely';
import { codeText, type Migration } from './migration.js';

/** Appeal categories, deadline classes, appeals with their units and timeline, tracking numbers. */
export const appeals: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('deadline_class')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('amount', 'real', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('category')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('parent_id', 'text', (c) => c.references('category.id'))
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('deadline_class', 'text', (c) => c.notNull().references('deadline_class.code'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('tracking_counter')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('appeal')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('category_id', 'text', (c) => c.notNull().references('category.id'))
      .addColumn('territory_code', codeText(db), (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('lat', 'real')
      .addColumn('lng', 'real')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('resident_name', 'text')
      .addColumn('resident_phone', 'text')
      .addColumn('phone_verified', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('supervised', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('deadline_class', 'text', (c) => c.notNull())
      .addColumn('lead_unit_id', 'text', (c) => c.references('unit.id'))
      .addColumn('stage_due_at', 'text')
      .addColumn('reply_due_at', 'text')
      .addColumn('extensions_approved', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pending_until', 'text')
      .addColumn('rating', 'text')
      .addColumn('merged_into', 'text')
      .addColumn('filed_by', 'text')
      .addColumn('on_behalf', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('appeal_state_idx').on('appeal').columns(['state', 'stage_due_at']).execute();
    await db.schema.createIndex('appeal_unit_idx').on('appeal').columns(['lead_unit_id', 'state']).execute();
    await db.schema.createIndex('appeal_territory_idx').on('appeal').columns(['territory_code', 'created_at']).execute();
    await db.schema.createIndex('appeal_phone_idx').on('appeal').column('resident_phone').execute();
    // Duplicate hints: open appeals of one category in one town, newest first.
    await db.schema.createIndex('appeal_similar_idx').on('appeal').columns(['category_id', 'territory_code', 'created_at']).execute();

    await db.schema
      .createTable('appeal_unit')
      .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeal.id').onDelete('cascade'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('appeal_unit_pk', ['appeal_id', 'unit_id'])
      .execute();

    await db.schema
      .createTable('appeal_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeal.id').onDelete('cascade'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('payload', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('appeal_event_appeal_idx').on('appeal_event').columns(['appeal_id', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['appeal_event', 'appeal_unit', 'appeal', 'tracking_counter', 'category', 'deadline_class']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
