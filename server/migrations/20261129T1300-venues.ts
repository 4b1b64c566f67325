import type { Kysely } from 'kysely';
import { codeText, type Migration } from './migration.js';

/**
 * Venues (halls, stations, member studios), member profiles, members assigned to venues, and
 * duty rosters: recurring rules and their exceptions. A town has at most one active hall:
 * `hall_town_code` is set only on active halls and is unique (NULLs never collide on either engine).
 */
export const venues: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('venue')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('station_kind', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('territory_code', codeText(db), (c) => c.references('territory.code'))
      .addColumn('hall_town_code', codeText(db), (c) => c.unique())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('opening_hours', 'text', (c) => c.notNull())
      .addColumn('head_account_id', 'text', (c) => c.references('account.id'))
      .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('venue_territory_idx').on('venue').columns(['territory_code', 'kind']).execute();
    await db.schema.createIndex('venue_kind_idx').on('venue').columns(['kind', 'name']).execute();

    await db.schema
      .createTable('member_profile')
      .addColumn('account_id', 'text', (c) => c.primaryKey().references('account.id').onDelete('cascade'))
      .addColumn('term', 'integer', (c) => c.notNull())
      .addColumn('sector', 'text', (c) => c.notNull())
      .addColumn('committee', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('venue_member')
      .addColumn('venue_id', 'text', (c) => c.notNull().references('venue.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('venue_member_pk', ['venue_id', 'account_id'])
      .execute();
    await db.schema.createIndex('venue_member_account_idx').on('venue_member').column('account_id').execute();

    await db.schema
      .createTable('duty_rule')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('venue_id', 'text', (c) => c.notNull().references('venue.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
      .addColumn('freq', 'text', (c) => c.notNull())
      .addColumn('interval', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('weekdays', 'text', (c) => c.notNull())
      .addColumn('month_days', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text')
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('end_time', 'text', (c) => c.notNull())
      .addColumn('holidays', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('duty_rule_venue_idx').on('duty_rule').column('venue_id').execute();
    await db.schema.createIndex('duty_rule_account_idx').on('duty_rule').column('account_id').execute();

    await db.schema
      .createTable('duty_exception')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rule_id', 'text', (c) => c.notNull().references('duty_rule.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('new_date', 'text')
      .addColumn('start_time', 'text')
      .addColumn('end_time', 'text')
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('duty_exception_unique', ['rule_id', 'kind', 'date'])
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['duty_exception', 'duty_rule', 'venue_member', 'member_profile', 'venue']) await db.schema.dropTable(t).execute();
  },
};
