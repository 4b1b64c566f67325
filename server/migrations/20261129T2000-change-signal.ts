import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Migration } from './migration.js';

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Tables live views watch (dashboards: the data version's sources; online consultations: stored maps). */
const WATCHED = ['dashboard_state', 'topic', 'consultation', 'suggestion', 'venue', 'campaign', 'venue_member', 'online_map'];

/**
 * PostgreSQL: statement-level triggers notify channel `minhu_change` with the table's name
 * after a write; PostgreSQL delivers it when the transaction commits, to every listening app
 * process (identical notifications in one transaction are folded into one). SQLite: nothing —
 * one process polls.
 */
export const changeSignal: Migration = {
  async up(db: Kysely<any>) {
    if (!isPostgres(db)) return;
    await sql`create or replace function minhu_notify_change() returns trigger language plpgsql as $$
      begin
        perform pg_notify('minhu_change', tg_table_name);
        return null;
      end $$`.execute(db);
    for (const table of WATCHED)
      await sql`create trigger ${sql.raw(`${table}_notify_change`)} after insert or update or delete on ${sql.table(table)} for each statement execute function minhu_notify_change()`.execute(db);
  },
  async down(db: Kysely<any>) {
    if (!isPostgres(db)) return;
    for (const table of WATCHED) await sql`drop trigger if exists ${sql.raw(`${table}_notify_change`)} on ${sql.table(table)}`.execute(db);
    await sql`drop function if exists minhu_notify_change()`.execute(db);
  },
};
