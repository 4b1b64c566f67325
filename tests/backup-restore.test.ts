import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresCounts, sqliteCounts } from '../server/cli/copy-to-postgres.js';
import { verifyAuditChain } from '../server/infra/audit/audit.repository.js';
import { openDatabase, type DatabaseHandle } from '../server/infra/db/database.js';
import { minhuAsync } from './support/cli.js';
import { ENGINES, createEmptyDatabase } from './support/db.js';
import { startTestServer } from './support/server.js';
import Database from 'better-sqlite3';

/**
 * Intake through the real HTTP API from a few concurrent clients until stopped; every 201 is
 * recorded with the moment it arrived.
 */
async function intakeLoad(base: string, clients: number) {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dispatcher', password: 'Minhu@2026' }) });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const categories = (await (await fetch(`${base}/api/v1/categories`)).json()) as { items: { id: string }[] };
  const acked: { id: string; sent: number; at: number }[] = [];
  const failures: number[] = [];
  let stop = false;
  let n = 0;
  const client = async () => {
    while (!stop) {
      n += 1;
      const sent = performance.now();
      const res = await fetch(`${base}/api/v1/appeals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ categoryId: categories.items[n % categories.items.length]!.id, territoryCode: '330106002051', description: `备份期间的诉求 ${n}：小区门口路灯不亮。`, residentPhone: '13812341234' }),
      });
      // Paced (about 40 filings a second per client): load enough to interleave with the backup, CPU left for it on two cores.
      await new Promise((r) => setTimeout(r, 25));
      if (res.status === 201) acked.push({ id: ((await res.json()) as { id: string }).id, sent, at: performance.now() });
      else {
        failures.push(res.status);
        await res.arrayBuffer();
      }
    }
  };
  const running = Promise.all(Array.from({ length: clients }, client));
  return {
    acked,
    failures,
    async stop() {
      stop = true;
      await running;
    },
  };
}

/** Rows per table in a pg_dump custom-format archive: one line per row in its COPY data. */
function archiveCounts(file: string): Map<string, number> {
  const r = spawnSync('pg_restore', ['--data-only', '--file=-', file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pg_restore --list failed: ${r.stderr}`);
  const counts = new Map<string, number>();
  let table: string | null = null;
  for (const line of r.stdout.split('\n')) {
    if (table === null) {
      const m = /^COPY [a-z_]+\."?([^" ]+)"? \(/.exec(line);
      if (m) {
        table = m[1]!;
        counts.set(table, 0);
      }
    } else if (line === '\\.') table = null;
    else counts.set(table, counts.get(table)! + 1);
  }
  return counts;
}

async function waitFor(cond: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Appeals whose registration is not in the audit chain, and appeal audit events whose appeal is missing: both must be none in a consistent snapshot. */
async function inconsistencies(h: DatabaseHandle) {
  const orphans = await sql<{ n: number }>`select count(*) as n from appeal a where not exists (select 1 from audit_event e where e.resource_type = 'appeal' and e.resource_id = a.id)`.execute(h.db);
  const ghosts = await sql<{ n: number }>`select count(*) as n from audit_event e where e.resource_type = 'appeal' and e.action like '%regist%' and not exists (select 1 from appeal a where a.id = e.resource_id)`.execute(h.db);
  return Number(orphans.rows[0]!.n) + Number(ghosts.rows[0]!.n);
}

describe.each(ENGINES)('online backup during intake, restored into a fresh database, on %s', (engine) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-backup-'));
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds everything acknowledged before it began, is self-consistent, restores with identical counts and a verifying chain', async () => {
    const server = await startTestServer({ engine });
    cleanup.push(server.close);
    const live = server.testApp.database.config;
    const liveEnv = { DATABASE_URL: live.engine === 'sqlite' ? `file:${live.file}` : live.url };
    const load = await intakeLoad(server.url, 3);
    let backup: Awaited<ReturnType<typeof minhuAsync>>;
    let began = 0;
    let ended = 0;
    let ackedBefore: Set<string>;
    try {
      await waitFor(() => load.acked.length >= 10, 30_000);
      ackedBefore = new Set(load.acked.map((a) => a.id));
      began = performance.now();
      backup = await minhuAsync(['backup', path.join(dir, 'minhu.backup')], liveEnv);
      ended = performance.now();
      // A little more intake after the backup: the restored database must not have it.
      const after = load.acked.length;
      await waitFor(() => load.acked.length >= after + 5 || load.failures.includes(429), 30_000);
    } finally {
      await load.stop();
    }
    expect(backup.code, backup.err).toBe(0);
    // Intake went on while the backup ran: nothing failed, unless a request limit answered 429 cleanly.
    expect(load.failures.filter((s) => s !== 429)).toEqual([]);
    // The backup really ran under load: appeals were acknowledged while it was being taken.
    expect(load.acked.filter((a) => a.at > began && a.at < ended).length).toBeGreaterThan(0);
    expect(backup.out).toMatch(/backup written to/);

    // Restore into a brand-new database of the same engine.
    const fresh = await createEmptyDatabase(engine);
    cleanup.push(fresh.drop);
    const restoredConfig = fresh.config.engine === 'sqlite' ? { engine: 'sqlite' as const, file: path.join(dir, 'restored', 'minhu.sqlite') } : fresh.config;
    const restoredEnv = { DATABASE_URL: restoredConfig.engine === 'sqlite' ? `file:${restoredConfig.file}` : restoredConfig.url };
    const restore = await minhuAsync(['restore', path.join(dir, 'minhu.backup')], restoredEnv);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toMatch(/restored: audit chain verified: \d+ events/);

    const h = openDatabase(restoredConfig, { poolSize: 2 });
    cleanup.push(() => h.close());
    const chain = await verifyAuditChain(h.db);
    expect(chain.ok).toBe(true);
    const restoredIds = new Set((await h.db.selectFrom('appeal').select('id').execute()).map((r) => r.id));
    // Everything acknowledged before the backup began is in it; nothing sent after it ended is.
    for (const id of ackedBefore!) expect(restoredIds.has(id)).toBe(true);
    const later = load.acked.filter((x) => x.sent > ended);
    if (!load.failures.includes(429)) expect(later.length).toBeGreaterThan(0);
    for (const a of later) expect(restoredIds.has(a.id)).toBe(false);
    if (process.env.MINHU_TEST_FIGURES)
      console.log(`${engine}: ${ackedBefore!.size} acknowledged before the backup, ${load.acked.filter((a) => a.at > began && a.at < ended).length} while it ran (${((ended - began) / 1000).toFixed(1)} s), ${later.length} after; restored ${restoredIds.size} appeals, ${chain.checked} audit events`);
    // And it is one consistent moment: every appeal with its audit events, nothing half-written.
    expect(await inconsistencies(h)).toBe(0);
    expect(chain.checked).toBe(Number((await sql<{ n: number }>`select count(*) as n from audit_event`.execute(h.db)).rows[0]!.n));

    // Identical counts to what the backup saw.
    const restoredCounts = restoredConfig.engine === 'sqlite' ? sqliteCounts(h.sqlite!) : await postgresCounts(restoredConfig.url);
    if (engine === 'sqlite') {
      const file = new Database(path.join(dir, 'minhu.backup'), { readonly: true });
      expect(Object.fromEntries(restoredCounts)).toEqual(Object.fromEntries(sqliteCounts(file)));
      file.close();
    } else {
      // pg_dump's archive is not a database: count the rows of every table's data in it, as pg_restore writes them out.
      const archived = archiveCounts(path.join(dir, 'minhu.backup'));
      expect(Object.fromEntries(restoredCounts)).toEqual(Object.fromEntries([...archived].filter(([t]) => !t.startsWith('minhu_migration'))));
    }
    expect(restoredCounts.get('appeal')).toBe(restoredIds.size);
    expect(restoredIds.size).toBeGreaterThanOrEqual(ackedBefore!.size);
  });
});
