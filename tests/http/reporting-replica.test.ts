/**
 * An optional read replica for reporting (MINHU_REPORTING_DATABASE_URL): dashboards and open
 * data read through it, everything else through the primary. Here the "replica" is a second,
 * read-only connection pool (default_transaction_read_only, its own application_name) on the
 * test database, so a write through it fails and its connections can be seen.
 */
import pino from 'pino';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase, type DatabaseHandle } from '../../server/infra/db/database.js';
import type { ZodApp } from '../../server/infra/http/app.js';
import { seed } from '../../server/modules/demo/index.js';
import { createTestDatabase, PG_URL, type TestDatabase } from '../support/db.js';
import { sql } from 'kysely';

describe('configuration', () => {
  it('takes a postgres:// replica URL only beside a PostgreSQL primary', () => {
    const c = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://a@127.0.0.1/x', MINHU_REPORTING_DATABASE_URL: 'postgres://a@127.0.0.2/x' });
    expect(c.database).toEqual({ engine: 'postgres', url: 'postgres://a@127.0.0.1/x', reportingUrl: 'postgres://a@127.0.0.2/x' });
    expect(() => loadConfig({ NODE_ENV: 'test', MINHU_REPORTING_DATABASE_URL: 'postgres://a@127.0.0.2/x' })).toThrow(/needs DATABASE_URL on PostgreSQL/);
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://a@127.0.0.1/x', MINHU_REPORTING_DATABASE_URL: 'file:x.sqlite' })).toThrow(/MINHU_REPORTING_DATABASE_URL/);
    const sqlite = openDatabase({ engine: 'sqlite', file: ':memory:' });
    expect(sqlite.reporting).toBe(sqlite.db);
    return sqlite.close();
  });
});

describe.runIf(PG_URL)('dashboards and open data on a read replica (PostgreSQL)', () => {
  let t: TestDatabase;
  let database: DatabaseHandle;
  let app: ZodApp;
  let replicaUrl: string;
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    await seed(t.handle.db, 'demo');
    if (t.config.engine !== 'postgres') throw new Error('postgres expected');
    const url = new URL(t.config.url);
    url.searchParams.set('application_name', 'minhu-reporting-test');
    url.searchParams.set('options', '-c default_transaction_read_only=on');
    replicaUrl = url.toString();
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: { ...t.config, reportingUrl: replicaUrl } };
    database = openDatabase(config.database, { poolSize: 3 });
    app = await createApp(config, database, pino({ level: 'silent' }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await t?.drop();
  });

  it('dashboards and open data answer through it; other routes through the primary', async () => {
    const active = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      const r = await c.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = 'minhu-reporting-test'`);
      await c.end();
      return r.rows[0]!.n;
    };
    expect(await active()).toBe(0);
    const territories = await app.inject({ method: 'GET', url: '/api/v1/territories/330106/children' });
    expect(territories.statusCode).toBe(200);
    expect(await active()).toBe(0);
    const dashboard = await app.inject({ method: 'GET', url: '/api/v1/public/dashboard' });
    expect(dashboard.statusCode).toBe(200);
    expect(await active()).toBeGreaterThan(0);
    const catalogue = await app.inject({ method: 'GET', url: '/api/v1/open-data' });
    expect(catalogue.statusCode).toBe(200);
  });

  it('the reporting handle is a separate, read-only pool', async () => {
    expect(database.reporting).not.toBe(database.db);
    await expect(sql`create table replica_write_probe (x int)`.execute(database.reporting)).rejects.toThrow(/read-only/);
  });
});
