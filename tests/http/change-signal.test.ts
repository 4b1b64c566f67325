/**
 * Live views across processes on PostgreSQL: a write committed by one app process wakes the
 * dashboard stream of another at once (LISTEN/NOTIFY through the change triggers), well before
 * the 5 s safety poll; the listening connection comes back by itself when it is cut.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { ChangeSignal } from '../../server/infra/db/change-signal.js';
import { openDatabase, type DatabaseHandle } from '../../server/infra/db/database.js';
import type { ZodApp } from '../../server/infra/http/app.js';
import { seed } from '../../server/modules/demo/index.js';
import { createTestDatabase, PG_URL, type TestDatabase } from '../support/db.js';

const silent = pino({ level: 'silent' });

describe.runIf(PG_URL)('change signal (PostgreSQL LISTEN/NOTIFY)', () => {
  let t: TestDatabase;
  let second: DatabaseHandle;
  let appA: ZodApp;
  let appB: ZodApp;
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    await seed(t.handle.db, 'demo');
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: t.config };
    second = openDatabase(t.config, { poolSize: 3 });
    appA = await createApp(config, t.handle, silent);
    appB = await createApp(config, second, silent);
    await appA.ready();
    await appB.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await appA?.close();
    await appB?.close();
    await second?.close();
    await t?.drop();
  });

  it('a change committed through one process reaches the other process’s dashboard stream at once, well before the safety poll', async () => {
    const { port } = appB.server.address() as AddressInfo;
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/public/dashboard/stream`, { headers: { accept: 'text/event-stream' }, signal: ac.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let pending: ReturnType<typeof reader.read> | null = null;
    const until = async (needle: string, ms: number) => {
      const deadline = Date.now() + ms;
      while (!text.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no ${needle} within ${ms} ms: ${text}`);
        pending ??= reader.read();
        const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), 50))]);
        if (chunk) {
          pending = null;
          if (!chunk.done) text += decoder.decode(chunk.value);
        }
      }
    };
    try {
      await until('event: ready', 5000);
      // Let process B's listener settle, then change a venue through process A's own pool.
      await new Promise((r) => setTimeout(r, 300));
      const started = Date.now();
      await sql`update venue set updated_at = ${new Date().toISOString()} where id = (select id from venue order by id limit 1)`.execute(t.handle.db);
      await until('event: changed', 4000);
      // The safety poll runs every 5 s: only the notification can have been this quick.
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      ac.abort();
    }
  });

  it('listens again after its connection is cut, and tells subscribers to look again', async () => {
    if (t.config.engine !== 'postgres') throw new Error('postgres expected');
    const url = new URL(t.config.url);
    url.searchParams.set('application_name', 'minhu-signal-test');
    const signal = new ChangeSignal({ engine: 'postgres', url: url.toString() }, silent);
    const heard: string[] = [];
    signal.subscribe((table) => heard.push(table));
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const waitFor = async (pred: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!pred()) {
        if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${JSON.stringify(heard)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(() => heard.includes('*'), 5000);
      await sql`update campaign set updated_at = updated_at`.execute(t.handle.db);
      await waitFor(() => heard.includes('campaign'), 3000);
      heard.length = 0;
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'minhu-signal-test'`);
      await waitFor(() => heard.includes('*'), 6000);
      await sql`update topic set updated_at = updated_at`.execute(t.handle.db);
      await waitFor(() => heard.includes('topic'), 3000);
    } finally {
      await admin.end();
      await signal.close();
    }
  });
});
