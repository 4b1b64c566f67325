import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES, createEmptyDatabase } from '../../tests/support/db.js';
import { openDatabase, type DatabaseHandle } from '../infra/db/database.js';
import { migrateDown, migrateToLatest, migrateToZero, migrationStatus } from '../infra/db/migrate.js';
import { migrations } from './index.js';

async function tables(h: DatabaseHandle): Promise<string[]> {
  const q =
    h.engine === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' order by table_name`;
  // The FTS5 virtual table and its shadow tables exist on SQLite only (PostgreSQL indexes a tsvector column).
  return (await q.execute(h.db)).rows.map((r) => r.name).filter((n) => !n.startsWith('minhu_migration') && !n.startsWith('appeal_search_fts') && !n.startsWith('public_doc_fts'));
}

describe.each(ENGINES)('migrations on %s', (engine) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('run up, down to nothing, and up again', async () => {
    const empty = await createEmptyDatabase(engine);
    const h = openDatabase(empty.config);
    cleanup.push(empty.drop, () => h.close());
    const names = Object.keys(migrations).sort();
    expect(await migrateToLatest(h.db)).toEqual(names);
    expect(await tables(h)).toEqual([
      'account', 'api_token', 'appeal', 'appeal_area_cube', 'appeal_cube', 'appeal_event', 'appeal_fact', 'appeal_photo', 'appeal_search', 'appeal_search_state', 'appeal_unit',
      'audit_event', 'audit_head', 'calendar_day', 'campaign', 'category', 'consultation', 'consultation_artefact', 'consultation_attendee', 'consultation_topic', 'dashboard_state', 'deadline_class', 'duty_exception', 'duty_rule', 'event_fact', 'member_profile',
      'notification', 'online_consultation', 'online_map', 'online_map_job', 'online_participant', 'online_statement', 'online_vote', 'otp_challenge', 'outbox', 'procedure_template', 'public_doc', 'rate_limit', 'role_grant', 'session', 'showcase_item',
      'suggestion', 'suggestion_appeal', 'suggestion_author', 'suggestion_event', 'suggestion_feedback', 'suggestion_progress', 'suggestion_reply', 'suggestion_unit',
      'territory', 'timer', 'topic', 'topic_appeal', 'topic_event',
      'tracking_counter', 'unit', 'venue', 'venue_member', 'visit', 'visit_concern',
    ]);
    const count = (await tables(h)).length;
    expect(await migrateToLatest(h.db)).toEqual([]);
    expect((await migrationStatus(h.db)).every((m) => m.executedAt)).toBe(true);

    expect(await migrateDown(h.db)).toEqual([names[names.length - 1]]);
    await migrateToZero(h.db);
    expect(await tables(h)).toEqual([]);
    expect(await migrateToLatest(h.db)).toEqual(names);
    expect((await tables(h)).length).toBe(count);
  });

  it('migration names are timestamped and ordered', () => {
    for (const name of Object.keys(migrations)) expect(name).toMatch(/^\d{8}T\d{4}-[a-z0-9-]+$/);
  });
});
