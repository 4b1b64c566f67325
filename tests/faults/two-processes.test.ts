/**
 * Two app processes on one PostgreSQL database. Appeals are moved along (dispatch → sign → start)
 * by racers split across both processes, all sending the same transition with the same version:
 * each raced transition succeeds exactly once, every other racer gets a clean 409 problem+json,
 * and the database shows neither a lost nor a duplicated update. Dashboard streams (SSE) open on
 * both processes see every change, whichever process made it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../server/infra/db/database.js';
import { dataVersion } from '../../server/modules/dashboards/dashboards.repository.js';
import { PG_URL } from '../support/db.js';
import { FULL, categoryIdOf, ensureServerBuilt, openEventStream, prepareDatabase, signIn, sleep, startServer, waitFor, type ServerProcess } from './harness.js';

const APPEALS = FULL ? 60 : 12;
const RACERS = FULL ? 8 : 4;
const BATCH = 6;
const REGISTRATION_BATCHES = FULL ? 6 : 3;

type Session = { cookie: string; csrf: string };

async function call(base: string, s: Session, method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'accept-language': 'en', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, unknown> };
}

describe.skipIf(!PG_URL)('two app processes on one PostgreSQL database', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
  });

  it(`raced transitions succeed once each (${APPEALS} appeals × 3 steps × ${RACERS} racers); SSE on both processes sees every change`, { timeout: FULL ? 600_000 : 150_000 }, async () => {
    ensureServerBuilt();
    const prepared = await prepareDatabase('postgres');
    cleanup.push(prepared.drop);
    const reader = openDatabase(prepared.config, { poolSize: 3 });
    cleanup.push(() => reader.close());
    const categoryId = await categoryIdOf(reader);
    const servers: ServerProcess[] = await Promise.all([startServer(prepared.url), startServer(prepared.url)]);
    for (const s of servers) cleanup.push(() => s.kill9());
    const [a, b] = servers as [ServerProcess, ServerProcess];
    // Each person signs in on one process; the session works on the other too (one database).
    const dispatcher = await signIn(a.url, 'dispatcher');
    const clerk = await signIn(b.url, 'clerk');
    const admin = await signIn(a.url, 'admin');
    const units = await call(b.url, admin, 'GET', `/api/v1/units?q=${encodeURIComponent('城市管理')}`);
    const unitId = (units.body.items as { id: string }[])[0]!.id;

    const streams = servers.map((s) => openEventStream(`${s.url}/api/v1/public/dashboard/stream`));
    cleanup.push(async () => streams.forEach((s) => s.close()));
    await Promise.all(streams.map((s) => s.ready));

    /**
     * Waits until the change shows in the dashboard data version and both streams have announced
     * the database's current one (read afresh each time, so a late aggregation only moves the goal).
     */
    const seenEverywhere = async (label: string, previous?: number) => {
      const latest = (s: (typeof streams)[number]) => {
        const e = s.events.at(-1);
        return e ? (JSON.parse(e.data) as { dataVersion: number }).dataVersion : undefined;
      };
      let current = await dataVersion(reader.db);
      const ok = await waitFor(async () => {
        current = await dataVersion(reader.db);
        return current !== previous && streams.every((s) => latest(s) === current);
      }, 20_000, 100);
      expect(ok, `${label}: both streams announce data version ${current} (A: ${latest(streams[0]!)}, B: ${latest(streams[1]!)})`).toBe(true);
      return current;
    };
    // Hotline registrations in batches, each batch through one process, alternately: new appeals
    // always move the dashboard figures, so each batch is a change both streams must announce.
    const ids: string[] = [];
    const versions: number[] = [await dataVersion(reader.db)];
    for (let batch = 0; batch < REGISTRATION_BATCHES; batch++) {
      const through = servers[batch % 2]!;
      for (let i = 0; i < APPEALS / REGISTRATION_BATCHES; i++) {
        const n = ids.length;
        const r = await call(through.url, dispatcher, 'POST', '/api/v1/appeals', { categoryId, territoryCode: '330106002051', description: `两进程竞争测试诉求第${n}件：路灯不亮`, residentPhone: '13900002222' });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        ids.push(r.body.id as string);
      }
      versions.push(await seenEverywhere(`registrations ${batch + 1}`, versions.at(-1)));
    }
    const changes = versions.length - 1;

    const steps: { action: string; who: Session; extra: Record<string, unknown>; to: string }[] = [
      { action: 'dispatch', who: dispatcher, extra: { leadUnitId: unitId }, to: 'dispatched' },
      { action: 'sign', who: clerk, extra: {}, to: 'signed' },
      { action: 'start', who: clerk, extra: {}, to: 'in_progress' },
    ];
    const tally = { won: 0, conflict: 0, other: [] as string[] };
    for (const step of steps) {
      // Six appeals at a time: each process's pool (10 connections) serves its racers without
      // queueing past its 3 s wait (beyond it the server sheds load with 503, by design).
      for (let i = 0; i < ids.length; i += BATCH) await Promise.all(
        ids.slice(i, i + BATCH).map(async (id) => {
          const current = await call(a.url, step.who, 'GET', `/api/v1/appeals/${id}`);
          const version = current.body.version as number;
          const results = await Promise.all(
            Array.from({ length: RACERS }, (_, r) => call(servers[r % 2]!.url, step.who, 'POST', `/api/v1/appeals/${id}/actions`, { action: step.action, version, ...step.extra })),
          );
          const won = results.filter((x) => x.status === 200);
          expect(won.length, `${step.action} of ${id}: ${results.map((x) => x.status).join(',')}`).toBe(1);
          expect((won[0]!.body as { state: string; version: number })).toMatchObject({ state: step.to, version: version + 1 });
          for (const x of results.filter((y) => y.status !== 200)) {
            if (x.status === 409 && x.type.startsWith('application/problem+json') && ['VERSION_CONFLICT', 'ACTION_NOT_ALLOWED'].includes(x.body.code as string)) tally.conflict++;
            else tally.other.push(`${x.status} ${JSON.stringify(x.body).slice(0, 200)}`);
          }
          tally.won++;
        }),
      );
      // A step may leave the public figures as they were (signed and in progress count alike):
      // both streams must have caught up with whatever the database now says.
      await seenEverywhere(step.action);
    }
    expect(tally.other, `server logs:\n${a.stderr().slice(-4000)}\n${b.stderr().slice(-4000)}`).toEqual([]);
    expect(tally.won).toBe(APPEALS * steps.length);
    expect(tally.conflict).toBe(APPEALS * steps.length * (RACERS - 1));

    // No lost and no duplicated update: one timeline entry and one audit event per step, version 1 + 3.
    const rows = await reader.db.selectFrom('appeal').select(['id', 'state', 'version']).where('id', 'in', ids).execute();
    expect(rows.every((r) => r.state === 'in_progress')).toBe(true);
    const versionsSeen = new Set(rows.map((r) => r.version));
    expect(versionsSeen.size, `every appeal at the same version: ${[...versionsSeen]}`).toBe(1);
    for (const step of steps) {
      const events = await sql<{ appeal_id: string; n: number }>`select appeal_id, count(*) as n from appeal_event where action = ${step.action} group by appeal_id`.execute(reader.db);
      expect(events.rows.length, step.action).toBe(APPEALS);
      expect(events.rows.every((r) => Number(r.n) === 1), `${step.action}: one timeline entry per appeal`).toBe(true);
      const audits = await sql<{ n: number }>`select count(*) as n from audit_event where action = ${`appeal.${step.action}`}`.execute(reader.db);
      expect(Number(audits.rows[0]!.n), `${step.action}: one audit event per appeal`).toBe(APPEALS);
    }
    const chain = await call(b.url, admin, 'GET', '/api/v1/audit/verify');
    expect(chain.body).toMatchObject({ ok: true });

    // Both streams announced every registration batch's version, in order.
    for (const s of streams) {
      const seen = s.events.filter((e) => e.event === 'changed').map((e) => (JSON.parse(e.data) as { dataVersion: number }).dataVersion);
      for (const v of versions.slice(1)) expect(seen).toContain(v);
      expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    }
    console.log(
      `two processes: ${APPEALS} appeals × ${steps.length} steps × ${RACERS} racers: ${tally.won} won once each, ${tally.conflict} clean 409s; ` +
        `SSE on A ${streams[0]!.events.length} events, on B ${streams[1]!.events.length}, both announced all ${changes} registration batches and caught up after each step`,
    );
    streams.forEach((s) => s.close());
    await sleep(100);
    await Promise.all(servers.map((s) => s.stop()));
  });
});
