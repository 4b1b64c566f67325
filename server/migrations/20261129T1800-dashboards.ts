import type { Kysely } from 'kysely';
import { codeText, type Migration } from './migration.js';

/** The counters of the appeal cubes, one per figure's numerator or denominator. */
const COUNTERS = ['total', 'closed', 'dispatched', 'returned', 'due_sign', 'signed_on_time', 'due_reply', 'replied_on_time', 'rated', 'satisfied', 'reopened', 'resolved'];

/**
 * Pre-aggregated dashboard figures, kept current by a background aggregator: one fact row per
 * appeal (its month in China time, territory, town, category and 0/1 flags per figure), the
 * facts summed per month × town × category (district views) and per month × territory ×
 * category (town and community views), and the aggregator's watermark. Indexes on updated_at of
 * the consultation tables make the dashboards' data version a handful of index look-ups.
 */
export const dashboards: Migration = {
  async up(db: Kysely<any>) {
    let fact = db.schema
      .createTable('appeal_fact')
      .addColumn('appeal_id', 'text', (c) => c.primaryKey())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('territory_code', codeText(db), (c) => c.notNull())
      .addColumn('town_code', codeText(db), (c) => c.notNull())
      .addColumn('category_id', 'text', (c) => c.notNull());
    for (const k of COUNTERS) fact = fact.addColumn(k, 'integer', (c) => c.notNull().defaultTo(0));
    await fact.addColumn('rev', 'integer', (c) => c.notNull().defaultTo(1)).addColumn('updated_at', 'text', (c) => c.notNull()).execute();
    await db.schema.createIndex('appeal_fact_month_idx').on('appeal_fact').columns(['month', 'appeal_id']).execute();
    await db.schema.createIndex('appeal_fact_town_idx').on('appeal_fact').columns(['town_code', 'month', 'appeal_id']).execute();
    await db.schema.createIndex('appeal_fact_territory_idx').on('appeal_fact').columns(['territory_code', 'month', 'appeal_id']).execute();

    let cube = db.schema
      .createTable('appeal_cube')
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('town_code', codeText(db), (c) => c.notNull())
      .addColumn('category_id', 'text', (c) => c.notNull());
    for (const k of COUNTERS) cube = cube.addColumn(k, 'integer', (c) => c.notNull().defaultTo(0));
    await cube.addPrimaryKeyConstraint('appeal_cube_pk', ['month', 'town_code', 'category_id']).execute();

    let area = db.schema
      .createTable('appeal_area_cube')
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('territory_code', codeText(db), (c) => c.notNull())
      .addColumn('category_id', 'text', (c) => c.notNull())
      .addColumn('town_code', codeText(db), (c) => c.notNull());
    for (const k of COUNTERS) area = area.addColumn(k, 'integer', (c) => c.notNull().defaultTo(0));
    await area.addPrimaryKeyConstraint('appeal_area_cube_pk', ['month', 'territory_code', 'category_id']).execute();
    await db.schema.createIndex('appeal_area_cube_town_idx').on('appeal_area_cube').columns(['town_code', 'month']).execute();
    await db.schema.createIndex('appeal_area_cube_territory_idx').on('appeal_area_cube').columns(['territory_code', 'month']).execute();

    await db.schema
      .createTable('dashboard_state')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('watermark', 'text', (c) => c.notNull())
      .addColumn('cursor', 'text')
      .addColumn('changed_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // cursor: the backfill's position over appeal ids ('' = start); null once every appeal has a fact.
    await db.insertInto('dashboard_state').values({ name: 'appeals', watermark: '', cursor: '', changed_at: 0, updated_at: new Date().toISOString() }).execute();

    await db.schema.createIndex('appeal_event_created_idx').on('appeal_event').column('created_at').execute();
    await db.schema.createIndex('suggestion_consultation_updated_idx').on('suggestion').columns(['consultation_id', 'updated_at']).execute();
    await db.schema.createIndex('suggestion_updated_idx').on('suggestion').column('updated_at').execute();
    await db.schema.createIndex('consultation_updated_idx').on('consultation').column('updated_at').execute();
    await db.schema.createIndex('topic_updated_idx').on('topic').column('updated_at').execute();
    await db.schema.createIndex('venue_updated_idx').on('venue').column('updated_at').execute();
    await db.schema.createIndex('venue_member_created_idx').on('venue_member').column('created_at').execute();
  },
  async down(db: Kysely<any>) {
    for (const i of ['venue_member_created_idx', 'venue_updated_idx', 'topic_updated_idx', 'consultation_updated_idx', 'suggestion_updated_idx', 'suggestion_consultation_updated_idx', 'appeal_event_created_idx']) {
      await db.schema.dropIndex(i).execute();
    }
    for (const t of ['dashboard_state', 'appeal_area_cube', 'appeal_cube', 'appeal_fact']) await db.schema.dropTable(t).execute();
  },
};
