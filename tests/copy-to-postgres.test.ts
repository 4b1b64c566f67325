import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { copySqliteToPostgres, orderSelfReferencing, postgresCounts, sqliteCounts } from '../server/cli/copy-to-postgres.js';
import { loadConfig } from '../server/config.js';
import { verifyAuditChain } from '../server/infra/audit/audit.repository.js';
import { openDatabase } from '../server/infra/db/database.js';
import { minhuAsync } from './support/cli.js';
import { PG_URL, createEmptyDatabase } from './support/db.js';
import { HOSTILE } from './support/hostile.js';
import { as, login } from './support/http.js';
import { createTestApp, type TestApp } from './support/server.js';

describe('rows of a table that references itself go parents first', () => {
  it('orders a tree, leaves dangling references to PostgreSQL and refuses a cycle', () => {
    const rows = [
      ['c', 'b'],
      ['b', 'a'],
      ['a', null],
      ['x', 'nowhere'],
    ];
    const ordered = orderSelfReferencing(rows, ['id', 'parent_id'], [{ cols: ['parent_id'], refCols: ['id'] }], 't');
    expect(ordered.map((r) => r[0])).toEqual(['a', 'x', 'b', 'c']);
    expect(() => orderSelfReferencing([['a', 'b'], ['b', 'a']], ['id', 'parent_id'], [{ cols: ['parent_id'], refCols: ['id'] }], 't')).toThrow(/cycle/);
  });
});

describe.skipIf(!PG_URL)('minhu copy-to-postgres: a district moves from SQLite to PostgreSQL', () => {
  let t: TestApp;
  let sqliteFile: string;
  let target: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let targetUrl: string;
  const appealIds: string[] = [];

  beforeAll(async () => {
    // The demo district, plus appeals and a consultation made through the API.
    t = await createTestApp({ engine: 'sqlite' });
    sqliteFile = (t.database.config as { file: string }).file;
    const dispatcher = await login(t.app, 'dispatcher');
    const station = await login(t.app, 'station');
    const categories = (await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] };
    const categoryId = categories.items.find((c) => c.code === 'environment.noise')!.id;
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/appeals',
        headers: as(dispatcher),
        payload: { categoryId, territoryCode: '330106002051', description: `第${i + 1}次：楼下广场舞太吵，晚上十点后仍有音乐。${HOSTILE.script}`, residentName: `王${HOSTILE.extB}`, residentPhone: '13812341234' },
      });
      expect(res.statusCode, res.body).toBe(201);
      appealIds.push((res.json() as { id: string }).id);
    }
    const staff = await login(t.app, 'staff');
    const api = async (who: typeof staff, url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(who), payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json() as { id: string; version: number };
    };
    const topic = await api(staff, '/topics', { title: '老旧小区加装电梯', description: '多个小区居民反映加装电梯推进慢，费用分摊难以达成一致。', source: 'committee' });
    const submitted = await api(staff, `/topics/${topic.id}/actions`, { action: 'submit', version: topic.version });
    await api(staff, `/topics/${topic.id}/actions`, { action: 'approve', version: submitted.version });
    const templates = ((await t.app.inject({ method: 'GET', url: '/api/v1/procedure-templates', headers: as(station) })).json() as { items: { id: string; name: string }[] }).items;
    const mine = ((await t.app.inject({ method: 'GET', url: '/api/v1/consultations?mine=true', headers: as(station) })).json() as { items: { venueId: string | null }[] }).items;
    const event = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: as(station),
      payload: { title: '老旧小区加装电梯协商', mode: 'on_site', venueId: mine[0]!.venueId, templateId: templates[0]!.id, topicIds: [topic.id], startsAt: '2026-12-10T06:30:00Z' },
    });
    expect(event.statusCode, event.body).toBe(201);
    await t.app.close();
    target = await createEmptyDatabase('postgres');
    targetUrl = (target.config as { url: string }).url;
  });
  afterAll(async () => {
    await target?.drop();
    await t?.database.drop();
  });

  const copy = (...args: string[]) => minhuAsync(['copy-to-postgres', ...args, targetUrl], { DATABASE_URL: `file:${sqliteFile}` });

  it('copies every table into an empty database: equal counts, the same rows, a verifying audit chain', async () => {
    const r = await copy();
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/copied and verified: \d+ tables, [\d,]+ rows, counts equal/);
    expect(r.out).toMatch(/audit chain verified on the target: \d+ events/);

    // Checked again here, independently of the command.
    const source = new Database(sqliteFile, { readonly: true });
    const want = sqliteCounts(source);
    const sourceAppeal = source.prepare('select * from appeal where id = ?').get(appealIds[0]) as Record<string, unknown>;
    source.close();
    const got = await postgresCounts(targetUrl);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    expect(want.size).toBeGreaterThanOrEqual(53);
    expect(got.get('appeal')).toBeGreaterThanOrEqual(6);
    expect(got.get('consultation')).toBeGreaterThanOrEqual(3);

    const h = openDatabase(target.config, { poolSize: 2 });
    try {
      const chain = await verifyAuditChain(h.db);
      expect(chain).toMatchObject({ ok: true, checked: want.get('audit_event') });
      const copied = await h.db.selectFrom('appeal').selectAll().where('id', '=', appealIds[0]!).executeTakeFirstOrThrow();
      expect(copied).toEqual(sourceAppeal);
      expect(copied.description).toContain(HOSTILE.script);
    } finally {
      await h.close();
    }
  });

  it('refuses a second run into the now filled database, changing nothing', async () => {
    const before = await postgresCounts(targetUrl);
    const r = await copy();
    expect(r.code).toBe(2);
    expect(r.err).toContain('refused: the target already holds data');
    expect(r.err).toContain('--replace');
    expect(Object.fromEntries(await postgresCounts(targetUrl))).toEqual(Object.fromEntries(before));
  });

  it('fails verification of a tampered target, naming what differs; --replace copies afresh', async () => {
    const c = new pg.Client({ connectionString: targetUrl });
    await c.connect();
    try {
      await c.query("update audit_event set actor_label = 'someone else' where seq = 3");
      await c.query('delete from session');
    } finally {
      await c.end();
    }
    const verify = await copy('--verify-only');
    expect(verify.code).toBe(1);
    expect(verify.err).toContain('VERIFICATION FAILED');
    expect(verify.err).toMatch(/session: [1-9]\d* rows in the source, 0 in the target/);
    expect(verify.err).toContain('audit chain on the target BROKEN at seq 3 (hash)');

    const again = await copy('--replace', '--batch-size', '7');
    expect(again.code, again.err).toBe(0);
    expect((await copy('--verify-only')).code).toBe(0);
  });

  it('the app runs on the copy: staff sign in and file, the chain goes on', async () => {
    const h = openDatabase(target.config, { poolSize: 3 });
    const app = await createApp({ ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: target.config }, h, pino({ level: 'silent' }));
    try {
      await app.ready();
      const dispatcher = await login(app, 'dispatcher');
      const categories = (await app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] };
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/appeals',
        headers: as(dispatcher),
        payload: { categoryId: categories.items[0]!.id, territoryCode: '330106002051', description: '迁移到PostgreSQL后的第一件诉求：路灯不亮。' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const numbers = await sql<{ n: number }>`select count(distinct tracking_no) as n from appeal`.execute(h.db);
      expect(Number(numbers.rows[0]!.n)).toBe(appealIds.length + 1);
      expect((await verifyAuditChain(h.db)).ok).toBe(true);
    } finally {
      await app.close();
      await h.close();
    }
  });

  it('refuses a source with pending migrations before writing anything', async () => {
    const other = await createEmptyDatabase('postgres');
    const url = (other.config as { url: string }).url;
    try {
      const empty = await createEmptyDatabase('sqlite');
      const file = (empty.config as { file: string }).file;
      new Database(file).exec('create table stray (id integer)').close();
      await expect(copySqliteToPostgres({ sourceFile: file, targetUrl: url })).rejects.toThrow(/pending migrations/);
      await empty.drop();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const tables = await c.query("select count(*) as n from information_schema.tables where table_schema = 'public'");
      await c.end();
      expect(Number(tables.rows[0].n)).toBe(0);
    } finally {
      await other.drop();
    }
  });
});
