/**
 * Crash: the built server is killed with SIGKILL during an intake load of residents filing appeals,
 * then restarted, again and again. After every restart each acknowledged (201) appeal is there, the
 * audit chain verifies (through the API), and no durable timer fired twice, half-fired or was lost.
 * `npm test` kills 2 times per engine; `npm run test:faults` 10 times.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/infra/db/database.js';
import { ENGINES } from '../support/db.js';
import {
  FULL,
  auditVerifyViaApi,
  bringTimersDue,
  categoryIdOf,
  ensureServerBuilt,
  missingAppeals,
  newStats,
  prepareDatabase,
  rng,
  runIntake,
  signIn,
  sleep,
  startServer,
  timerAnomalies,
  waitFor,
  type Receipt,
  type ServerProcess,
} from './harness.js';

const KILLS = FULL ? 10 : 2;
const WORKERS = 4;

describe.each(ENGINES)('kill -9 during intake on %s', (engine) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
  });

  it(`loses nothing acknowledged, keeps the audit chain and fires every timer once across ${KILLS} kills`, { timeout: FULL ? 900_000 : 120_000 }, async () => {
    ensureServerBuilt();
    const prepared = await prepareDatabase(engine);
    cleanup.push(prepared.drop);
    const reader: DatabaseHandle = openDatabase(prepared.config, { poolSize: 3 });
    cleanup.push(() => reader.close());
    const categoryId = await categoryIdOf(reader);
    const random = rng(engine === 'sqlite' ? 7 : 11);
    const acknowledged: Receipt[] = [];
    let previousRound: Receipt[] = [];
    let timersBrought = 0;
    const report: string[] = [];

    for (let round = 0; round <= KILLS; round++) {
      const started = Date.now();
      const server: ServerProcess = await startServer(prepared.url);
      cleanup.push(() => server.kill9());
      const startMs = Date.now() - started;

      if (round > 0) {
        // After the restart: everything acknowledged before any of the kills is there.
        expect(await missingAppeals(reader, acknowledged), `after kill ${round}`).toEqual([]);
        const admin = await signIn(server.url, 'admin');
        const chain = await auditVerifyViaApi(server.url, admin);
        expect(chain, `audit chain after kill ${round}`).toMatchObject({ ok: true });
        expect(await timerAnomalies(reader), `timers after kill ${round}`).toEqual([]);
      }

      if (round === KILLS) {
        // The last start runs undisturbed: every timer that has come due fires, once.
        const now = new Date().toISOString();
        const settled = await waitFor(async () => {
          const due = await reader.db.selectFrom('timer').select('id').where('fired_at', 'is', null).where('due_at', '<=', now).execute();
          return due.length === 0;
        }, 30_000);
        expect(settled, 'every due timer fired after the last restart').toBe(true);
        expect(await timerAnomalies(reader)).toEqual([]);
        const fired = await reader.db.selectFrom('timer').select((eb) => eb.fn.countAll<number>().as('n')).where('fired_at', 'is not', null).executeTakeFirstOrThrow();
        expect(Number(fired.n)).toBeGreaterThan(0);
        const admin = await signIn(server.url, 'admin');
        expect(await auditVerifyViaApi(server.url, admin)).toMatchObject({ ok: true });
        report.push(`${engine}: ${KILLS} kills, ${acknowledged.length} acknowledged appeals all present, ${timersBrought} timers brought due, ${Number(fired.n)} fired once each`);
        await server.stop();
        break;
      }

      // The timers of the appeals filed in the previous round come due over the next 1.5 s.
      const ids = previousRound.length
        ? (await reader.db.selectFrom('appeal').select('id').where('tracking_no', 'in', previousRound.map((r) => r.trackingNo)).execute()).map((r) => r.id)
        : [];
      timersBrought += await bringTimersDue(reader, ids, 1500, random);

      const stats = newStats();
      let stop = false;
      const load = runIntake({ baseUrl: () => server.url, db: reader, categoryId, phoneBase: round * 1_000_000, workers: WORKERS, stats, stop: () => stop });
      // Kill once some filings are acknowledged, at a random moment of the next 0.4 s.
      await waitFor(() => stats.acknowledged.length >= 8, 30_000, 20);
      await sleep(Math.floor(random() * 400));
      await server.kill9();
      stop = true;
      await load;
      expect(stats.badErrorBodies).toEqual([]);
      expect([...stats.refused.keys()], 'no request was refused before the kill').toEqual([]);
      acknowledged.push(...stats.acknowledged);
      previousRound = stats.acknowledged;
      report.push(`round ${round + 1}: start ${startMs} ms, ${stats.acknowledged.length} acknowledged, ${stats.dropped} cut off by the kill`);
    }
    console.log(report.join('\n'));
  });
});
