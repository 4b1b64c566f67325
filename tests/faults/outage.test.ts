/**
 * Database outage: the built server reaches PostgreSQL through a TCP proxy we cut under an intake
 * load — every open connection reset and new ones refused, as when PostgreSQL stops — then restore.
 * While it is down requests fail fast with 503 problem+json (zh/en), /readyz says so; afterwards
 * the service recovers by itself and nothing acknowledged is lost. The machine's PostgreSQL is
 * never touched. `npm test` cuts for 4 s; `npm run test:faults` for 10 s.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/infra/db/database.js';
import { PG_URL } from '../support/db.js';
import {
  FULL,
  TcpProxy,
  auditVerifyViaApi,
  categoryIdOf,
  ensureServerBuilt,
  missingAppeals,
  newStats,
  prepareDatabase,
  runIntake,
  signIn,
  sleep,
  startServer,
  waitFor,
  type IntakeStats,
} from './harness.js';

const OUTAGE_MS = FULL ? 10_000 : 4_000;
/** A request may take this long to fail while the database is away: no hanging. */
const FAIL_FAST_MS = 5_000;

interface Probe {
  at: number;
  status: number;
  ms: number;
  type: string;
  body: { code?: string; title?: string; detail?: string; status?: number; database?: string };
}

async function probe(url: string, lang?: string): Promise<Probe> {
  const at = Date.now();
  try {
    const r = await fetch(url, { headers: lang ? { 'accept-language': lang } : {}, signal: AbortSignal.timeout(30_000) });
    return { at, status: r.status, ms: Date.now() - at, type: r.headers.get('content-type') ?? '', body: (await r.json()) as Probe['body'] };
  } catch {
    return { at, status: 0, ms: Date.now() - at, type: '', body: {} };
  }
}

describe.skipIf(!PG_URL)('PostgreSQL outage under load', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
  });

  it(`fails fast with 503 during a ${OUTAGE_MS / 1000} s outage, reports it on /readyz, recovers by itself and loses nothing acknowledged`, { timeout: 180_000 }, async () => {
    ensureServerBuilt();
    const prepared = await prepareDatabase('postgres');
    cleanup.push(prepared.drop);
    const pg = new URL(PG_URL!);
    const proxy = new TcpProxy(pg.hostname, Number(pg.port || 5432));
    await proxy.listen();
    cleanup.push(() => proxy.close());
    // The test reads one-time codes and checks results straight from PostgreSQL, not through the proxy.
    const reader = openDatabase(prepared.config, { poolSize: 3 });
    cleanup.push(() => reader.close());
    const categoryId = await categoryIdOf(reader);
    const server = await startServer(proxy.via(prepared.url));
    cleanup.push(() => server.kill9());

    const phases: Record<'before' | 'during' | 'after', IntakeStats> = { before: newStats(), during: newStats(), after: newStats() };
    let phase: keyof typeof phases = 'before';
    let stop = false;
    let counter = 0;
    // Four residents' loops; each filing's outcome lands in the phase it started in.
    const loads = Array.from({ length: 4 }, () =>
      (async () => {
        while (!stop) {
          const stats = phases[phase];
          let done = false;
          await runIntake({ baseUrl: () => server.url, db: reader, categoryId, phoneBase: counter++, workers: 1, stats, stop: () => (done ? true : ((done = true), false)) });
        }
      })(),
    );

    await waitFor(() => phases.before.acknowledged.length >= 10, 30_000, 20);
    expect((await probe(`${server.url}/readyz`)).status).toBe(200);

    // The outage.
    const cutAt = Date.now();
    proxy.cut();
    phase = 'during';
    const readyz: Probe[] = [];
    while (Date.now() - cutAt < OUTAGE_MS) {
      readyz.push(await probe(`${server.url}/readyz`, readyz.length % 2 ? 'en' : undefined));
      await sleep(250);
    }
    proxy.restore();
    const restoredAt = Date.now();
    phase = 'after';
    let last: Probe | undefined;
    const recovered = await waitFor(async () => (last = await probe(`${server.url}/readyz`)).status === 200, 30_000, 100);
    const recoveryMs = Date.now() - restoredAt;
    expect(recovered, `ready again after the database came back (last: ${JSON.stringify(last)}; server: ${server.stderr().slice(-3000)})`).toBe(true);
    await waitFor(() => phases.after.acknowledged.length >= 10, 30_000, 20);
    stop = true;
    await Promise.all(loads);

    // While down: /readyz reports it at once, in the asked language, as problem+json.
    // (How many probes fit in the outage depends on the machine's load; one each in zh and en suffices.)
    expect(readyz.length).toBeGreaterThanOrEqual(2);
    for (const p of readyz) {
      expect(p.status, `readyz ${p.at - cutAt} ms into the outage`).toBe(503);
      expect(p.type).toMatch(/^application\/problem\+json/);
      expect(p.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(p.ms).toBeLessThan(FAIL_FAST_MS);
    }
    expect(readyz.find((p) => !p.body.detail?.match(/[a-z]/i))?.body).toMatchObject({ title: '服务暂时不可用，请稍后重试', detail: '数据库无法连接' });
    expect(readyz.find((p) => p.body.title?.startsWith('The service'))?.body).toMatchObject({ detail: 'The database cannot be reached' });

    // While down: filings are refused with 503 problem+json, quickly; none hangs, none is a 500.
    const during = phases.during;
    expect(during.badErrorBodies).toEqual([]);
    expect([...during.refused.keys()].filter((s) => s !== 503)).toEqual([]);
    expect(during.refused.get(503) ?? 0).toBeGreaterThan(0);
    expect(Math.max(...during.failureMs)).toBeLessThan(FAIL_FAST_MS);

    // Afterwards: the service took filings again by itself, and everything acknowledged is there.
    expect(phases.after.acknowledged.length).toBeGreaterThanOrEqual(10);
    const acknowledged = [...phases.before.acknowledged, ...during.acknowledged, ...phases.after.acknowledged];
    expect(await missingAppeals(reader, acknowledged)).toEqual([]);
    const admin = await signIn(server.url, 'admin');
    expect(await auditVerifyViaApi(server.url, admin)).toMatchObject({ ok: true });
    expect(server.child.exitCode, 'the server kept running').toBeNull();

    const sorted = [...during.failureMs].sort((a, b) => a - b);
    console.log(
      `outage ${OUTAGE_MS} ms: ${during.refused.get(503) ?? 0} filings refused with 503 (median ${sorted[sorted.length >> 1]} ms, max ${sorted.at(-1)} ms), ` +
        `${during.dropped} without an answer, readyz 503 ×${readyz.length} (max ${Math.max(...readyz.map((p) => p.ms))} ms), ready ${recoveryMs} ms after the restore; ` +
        `${acknowledged.length} acknowledged filings all present`,
    );
    await server.stop();
  });
});
