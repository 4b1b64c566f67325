import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpinionMapWorker } from '../../server/modules/online-consultations/index.js';
import { insertTestConsultation } from '../support/consultations.js';
import { ENGINES } from '../support/db.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { injectCaller } from '../support/showcase-chain.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** An open consultation with a few statements and twenty voters, seeded through the API. */
async function seedVotes(t: TestApp): Promise<string> {
  const call = injectCaller(t.app);
  const eventId = await insertTestConsultation(t.database.handle.db, { title: '租约测试', territoryCode: '330106002' });
  const o = await call('staff', 'POST', '/online-consultations', { consultationId: eventId, title: '租约测试', identity: 'device', moderation: 'post' });
  const id = (o.body as { id: string }).id;
  const ids: string[] = [];
  for (let k = 0; k < 8; k++) ids.push(((await call('staff', 'POST', `/online-consultations/${id}/statements`, { text: `观点第${k}条` })).body as { id: string }).id);
  for (let i = 0; i < 20; i++) {
    const j = await t.app.inject({ method: 'POST', url: `/api/v1/public/online/${id}/participants`, payload: { deviceId: `lease-voter-${String(i).padStart(6, '0')}` } });
    const token = (j.json() as { participantToken: string }).participantToken;
    for (const [k, s] of ids.entries()) {
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/public/online/${id}/votes`, headers: { 'x-participant-token': token }, payload: { statementId: s, vote: (k < 4) === (i < 10) ? 1 : -1 } });
      expect(r.statusCode).toBe(200);
    }
  }
  return id;
}

describe.each(ENGINES)('opinion map recompute lease on %s', (engine) => {
  let t: TestApp;
  let onlineId: string;
  beforeAll(async () => {
    t = await createTestApp({ engine });
    onlineId = await seedVotes(t);
  });
  afterAll(async () => t?.close());

  it('lets exactly one of two racing workers recompute, and none within a second of it', async () => {
    const logger = pino({ level: 'silent' });
    const a = new OpinionMapWorker(t.database.handle.db, logger, { owner: 'a' });
    const b = new OpinionMapWorker(t.database.handle.db, logger, { owner: 'b' });
    const results = await Promise.all([a.recompute(onlineId), b.recompute(onlineId)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await sql`update online_map_job set changes = changes + 1 where online_id = ${onlineId}`.execute(t.database.handle.db);
    // Changed again, but recomputed less than a second ago: coalesced into a later round.
    expect(await a.recompute(onlineId)).toBe(false);
    const job = await t.database.handle.db.selectFrom('online_map_job').selectAll().where('online_id', '=', onlineId).executeTakeFirstOrThrow();
    expect(job.lease_owner).toBeNull();
    expect(Number(job.changes)).toBeGreaterThan(Number(job.computed_changes));
  });

  it('stores nothing when the lease was lost meanwhile', async () => {
    const db = t.database.handle.db;
    const slow = new OpinionMapWorker(db, pino({ level: 'silent' }), {
      owner: 'slow',
      minIntervalMs: 0,
      hooks: {
        // Another process took over after this one's lease ran out.
        beforeStore: async (id) => {
          await db.updateTable('online_map_job').set({ lease_owner: 'other', lease_until: new Date(Date.now() + 60_000).toISOString() }).where('online_id', '=', id).execute();
        },
      },
    });
    const before = await db.selectFrom('online_map').select('version').where('online_id', '=', onlineId).executeTakeFirstOrThrow();
    await db.updateTable('online_map_job').set({ started_at: null }).where('online_id', '=', onlineId).execute();
    expect(await slow.recompute(onlineId)).toBe(false);
    const after = await db.selectFrom('online_map').select('version').where('online_id', '=', onlineId).executeTakeFirstOrThrow();
    expect(after.version).toBe(before.version);
    await db.updateTable('online_map_job').set({ lease_owner: null, lease_until: null }).where('online_id', '=', onlineId).execute();
  });

  // PostgreSQL only (SQLite serves one process); defined only there, so the SQLite run skips nothing.
  if (engine === 'postgres') it('never runs two recomputes of one consultation at once across two processes, which take turns', async () => {
    const db = t.database.handle.db;
    await sql`create table map_trace (id serial primary key, owner text not null, phase text not null, at timestamptz not null)`.execute(db);
    const url = (t.database.config as { url: string }).url;
    const child = (owner: string) =>
      run(process.execPath, ['--import', 'tsx', 'tests/support/map-worker-process.ts'], {
        cwd: root,
        env: { ...process.env, TRACE_DB_URL: url, TRACE_ONLINE_ID: onlineId, TRACE_OWNER: owner, TRACE_MS: '4000' },
        timeout: 60_000,
      });
    const outputs = await Promise.all([child('p1'), child('p2')]);
    const stored = outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').at(-1) as string) as { owner: string; stored: number });
    const rows = (await sql<{ owner: string; phase: string }>`select owner, phase from map_trace order by at, id`.execute(db)).rows;
    // Start and end alternate, each end by the owner of the start before it: no interval overlaps another.
    expect(rows.length).toBeGreaterThan(4);
    for (let i = 0; i < rows.length; i += 2) {
      expect(rows[i]!.phase, `row ${i}`).toBe('start');
      expect(rows[i + 1]?.phase, `row ${i + 1}`).toBe('end');
      expect(rows[i + 1]!.owner).toBe(rows[i]!.owner);
    }
    const owners = new Set(rows.map((r) => r.owner));
    expect(owners).toEqual(new Set(['p1', 'p2']));
    for (const s of stored) expect(s.stored, s.owner).toBeGreaterThan(0);
    const version = await db.selectFrom('online_map').select('version').where('online_id', '=', onlineId).executeTakeFirstOrThrow();
    expect(version.version).toBeGreaterThanOrEqual(stored[0]!.stored + stored[1]!.stored);
  }, 90_000);
});
