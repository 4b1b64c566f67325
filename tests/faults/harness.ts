/**
 * Fault tests: the built server as a real child process (`node dist/server/main.js`), a TCP proxy
 * we can cut between it and PostgreSQL, and an intake load of residents filing appeals through
 * the public API. Everything stays on loopback and stops by itself.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/infra/db/schema.js';
import type { DatabaseConfig } from '../../server/config.js';
import { openDatabase, type DatabaseHandle, type Engine } from '../../server/infra/db/database.js';
import { migrateToLatest } from '../../server/infra/db/migrate.js';
import { seed } from '../../server/modules/demo/index.js';
import { createEmptyDatabase } from '../support/db.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'dist/server/main.js');

/** Full counts by `npm run test:faults`; reduced ones inside `npm test`. */
export const FULL = process.env.MINHU_FAULTS_FULL === '1';

/** A small deterministic generator (mulberry32) so that a failing run can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/** The compiled server, built when it is missing or older than its sources (npm ci builds it in CI). */
export function ensureServerBuilt(): void {
  if (fs.existsSync(MAIN) && fs.statSync(MAIN).mtimeMs >= newestMtime(path.join(ROOT, 'server'))) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`server build failed:\n${r.stdout}\n${r.stderr}`);
}

/** A free loopback port (asked of the kernel, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A fresh migrated database with the demo accounts, units and reference data (no demo appeals). */
export async function prepareDatabase(engine: Engine): Promise<{ config: DatabaseConfig; url: string; drop(): Promise<void> }> {
  const empty = await createEmptyDatabase(engine);
  const handle = openDatabase(empty.config, { poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    await seed(handle.db, 'demo');
  } finally {
    await handle.close();
  }
  const url = empty.config.engine === 'sqlite' ? `file:${empty.config.file}` : empty.config.url;
  return { config: empty.config, url, drop: empty.drop };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the process logged (warnings and errors) and wrote to stderr, kept short. */
  stderr(): string;
  /** kill -9 and wait for the process to be gone. */
  kill9(): Promise<void>;
  /** SIGTERM: a clean stop. */
  stop(): Promise<void>;
}

/**
 * Starts `node dist/server/main.js` on the given database and waits for /readyz. The database is
 * already seeded; MINHU_SEED=none keeps the start fast. Workers (timers, outbox, indexers) run.
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'test',
      MINHU_SEED: 'none',
      LOG_LEVEL: 'warn',
      MINHU_LOG_PRETTY: 'false',
      // Residents reach the server through one reverse proxy (X-Forwarded-For names them).
      MINHU_TRUST_PROXY: '1',
      MINHU_PUBLIC_RATE_PER_MINUTE: '100000000',
      MINHU_WORKERS: 'true',
      MINHU_WORKER_INTERVAL_MS: '100',
      MINHU_SEARCH_INDEX_INTERVAL_MS: '200',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The log (warnings and errors: LOG_LEVEL=warn) and anything on stderr, the last 20 kB of it.
  let err = '';
  const keep = (d: Buffer) => {
    err = (err + d.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited at start (${child.exitCode ?? child.signalCode}):\n${err}`);
    try {
      const r = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready in 60 s:\n${err}`);
    }
    await sleep(100);
  }
  return {
    url,
    child,
    stderr: () => err,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(force);
    },
  };
}

/**
 * A TCP proxy we control between the app and PostgreSQL: `cut()` resets every open connection
 * and refuses new ones as a stopped server would; `restore()` lets them through again.
 */
export class TcpProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private down = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = net.createServer((client) => {
      if (this.down) {
        client.resetAndDestroy();
        return;
      }
      const upstream = net.connect(this.targetPort, this.targetHost);
      this.sockets.add(client);
      this.sockets.add(upstream);
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', end);
      upstream.on('error', end);
      client.on('close', end);
      upstream.on('close', end);
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** The URL of a PostgreSQL database, through this proxy. */
  via(pgUrl: string): string {
    const u = new URL(pgUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  cut(): void {
    this.down = true;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface Receipt {
  trackingNo: string;
  phone: string;
}

export interface IntakeStats {
  acknowledged: Receipt[];
  /** Requests that got an answer other than 2xx, by status. */
  refused: Map<number, number>;
  /** Requests that got no answer at all (the connection died). */
  dropped: number;
  /** Answers that were not application/problem+json when they were errors. */
  badErrorBodies: string[];
  /** How long each failed request took to fail, in ms. */
  failureMs: number[];
}

export function newStats(): IntakeStats {
  return { acknowledged: [], refused: new Map(), dropped: 0, badErrorBodies: [], failureMs: [] };
}

/** The one-time code the SMS adapter would send, read from the outbox. */
async function codeFor(db: DatabaseHandle, phone: string): Promise<string | undefined> {
  const row = await db.db.selectFrom('outbox').select('payload').where('recipient', '=', phone).where('template', '=', 'otp.code').orderBy('created_at', 'desc').executeTakeFirst();
  return row ? (JSON.parse(row.payload) as { code: string }).code : undefined;
}

async function post(url: string, body: unknown, forwardedFor: string, timeoutMs: number) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor, 'accept-language': 'en' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
}

async function noteFailure(stats: IntakeStats, res: Response, started: number) {
  stats.failureMs.push(Date.now() - started);
  stats.refused.set(res.status, (stats.refused.get(res.status) ?? 0) + 1);
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  if (!type.startsWith('application/problem+json')) stats.badErrorBodies.push(`${res.status} ${type} ${text.slice(0, 200)}`);
  else {
    const p = JSON.parse(text) as { code?: string; status?: number; title?: string };
    if (!p.code || p.status !== res.status || !p.title) stats.badErrorBodies.push(`${res.status} ${text.slice(0, 200)}`);
  }
  return text;
}

/**
 * Residents filing appeals: `workers` loops, each asking for a one-time code (202), reading it from
 * the outbox as the SMS would bring it, and filing (201 = acknowledged). Runs until `stop` says so.
 * Phones are unique per filing (`phoneBase` + counter) so the per-phone code limit never applies.
 */
export function runIntake(opts: {
  baseUrl: () => string;
  db: DatabaseHandle;
  categoryId: string;
  phoneBase: number;
  workers: number;
  stats: IntakeStats;
  stop: () => boolean;
  timeoutMs?: number;
}): Promise<void> {
  let counter = 0;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const one = async (w: number) => {
    while (!opts.stop()) {
      const n = opts.phoneBase + counter++;
      const phone = `139${String(n).padStart(8, '0')}`;
      // One address per resident: the per-address code limit is not what these tests are about.
      const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const base = opts.baseUrl();
      let started = Date.now();
      try {
        const otp = await post(`${base}/api/v1/public/otp`, { phone }, ip, timeoutMs);
        if (otp.status !== 202) {
          await noteFailure(opts.stats, otp, started);
          await sleep(50);
          continue;
        }
        await otp.arrayBuffer();
        const code = await codeFor(opts.db, phone).catch(() => undefined);
        if (!code) throw new Error(`a 202 for ${phone} without a code in the outbox`);
        started = Date.now();
        const res = await post(
          `${base}/api/v1/public/appeals`,
          { phone, code, categoryId: opts.categoryId, territoryCode: '330106002051', description: `故障测试诉求 ${phone}：楼道灯坏了，晚上很黑。` },
          ip,
          timeoutMs,
        );
        if (res.status === 201) opts.stats.acknowledged.push({ trackingNo: ((await res.json()) as { trackingNo: string }).trackingNo, phone });
        else {
          await noteFailure(opts.stats, res, started);
          await sleep(50);
        }
      } catch (err) {
        if ((err as Error).message?.includes('without a code')) throw err;
        opts.stats.dropped++;
        opts.stats.failureMs.push(Date.now() - started);
        await sleep(50);
      }
      void w;
    }
  };
  return Promise.all(Array.from({ length: opts.workers }, (_, w) => one(w))).then(() => undefined);
}

/** The id of the category residents file under in these tests. */
export async function categoryIdOf(db: DatabaseHandle, code = 'city.appearance'): Promise<string> {
  return (await db.db.selectFrom('category').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** Which of the acknowledged tracking numbers the database does not have. */
export async function missingAppeals(db: DatabaseHandle, receipts: Receipt[]): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < receipts.length; i += 500) {
    const chunk = receipts.slice(i, i + 500).map((r) => r.trackingNo);
    const found = new Set((await db.db.selectFrom('appeal').select('tracking_no').where('tracking_no', 'in', chunk).execute()).map((r) => r.tracking_no));
    missing.push(...chunk.filter((t) => !found.has(t)));
  }
  return missing;
}

/** Signs in through the API; returns the cookie and CSRF token. */
export async function signIn(baseUrl: string, username: string, password = 'Minhu@2026'): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('minhu_sid=')) ?? '').split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** The audit chain as the API reports it (`GET /api/v1/audit/verify`, administrators). */
export async function auditVerifyViaApi(baseUrl: string, session: { cookie: string }): Promise<{ ok: boolean; checked: number; lastSeq: number }> {
  const res = await fetch(`${baseUrl}/api/v1/audit/verify`, { headers: { cookie: session.cookie } });
  if (res.status !== 200) throw new Error(`audit verify: ${res.status} ${await res.text()}`);
  return (await res.json()) as { ok: boolean; checked: number; lastSeq: number };
}

/**
 * Durable timer invariants: every fired timer recorded its outcome in the same transaction, and
 * each outcome left exactly one effect (a timeline entry or an audit event) — none twice.
 */
export async function timerAnomalies(handle: DatabaseHandle): Promise<string[]> {
  // One snapshot for every query: the server keeps firing timers while we look.
  const begin = handle.engine === 'postgres' ? handle.db.transaction().setIsolationLevel('repeatable read') : handle.db.transaction();
  return begin.execute((tx) => timerAnomaliesIn({ db: tx }));
}

async function timerAnomaliesIn(db: { db: Kysely<DB> }): Promise<string[]> {
  const problems: string[] = [];
  const halfFired = await db.db.selectFrom('timer').select('id').where('fired_at', 'is not', null).where('outcome', 'is', null).execute();
  if (halfFired.length) problems.push(`${halfFired.length} timers marked fired without an outcome`);
  const checks: { outcome: string; effect: string; table: 'appeal_event' | 'audit_event' }[] = [
    { outcome: 'overdue', effect: 'overdue', table: 'appeal_event' },
    { outcome: 'escalated', effect: 'escalate', table: 'appeal_event' },
    { outcome: 'reminded', effect: 'appeal.remind_due', table: 'audit_event' },
    { outcome: 'overdue', effect: 'appeal.overdue', table: 'audit_event' },
    { outcome: 'escalated', effect: 'appeal.escalate', table: 'audit_event' },
  ];
  for (const c of checks) {
    const fired = await sql<{ resource_id: string; n: number }>`select resource_id, count(*) as n from timer where outcome = ${c.outcome} group by resource_id`.execute(db.db);
    const effects =
      c.table === 'appeal_event'
        ? await sql<{ resource_id: string; n: number }>`select appeal_id as resource_id, count(*) as n from appeal_event where action = ${c.effect} group by appeal_id`.execute(db.db)
        : await sql<{ resource_id: string; n: number }>`select resource_id, count(*) as n from audit_event where action = ${c.effect} group by resource_id`.execute(db.db);
    const want = new Map(fired.rows.map((r) => [r.resource_id, Number(r.n)]));
    const got = new Map(effects.rows.map((r) => [r.resource_id, Number(r.n)]));
    for (const [id, n] of want) if ((got.get(id) ?? 0) !== n) problems.push(`${c.outcome} timer on ${id} fired ${n}× but left ${got.get(id) ?? 0} ${c.effect} in ${c.table}`);
    for (const [id, n] of got) if (!want.has(id)) problems.push(`${n} ${c.effect} in ${c.table} on ${id} without a fired ${c.outcome} timer`);
  }
  return problems;
}

/** Brings the not-yet-fired timers of some appeals due within `withinMs`, so they fire while we crash the server. */
export async function bringTimersDue(db: DatabaseHandle, appealIds: string[], withinMs: number, random: () => number): Promise<number> {
  let n = 0;
  for (const id of appealIds) {
    const timers = await db.db.selectFrom('timer').select(['id']).where('resource_id', '=', id).where('fired_at', 'is', null).execute();
    for (const t of timers) {
      await db.db.updateTable('timer').set({ due_at: new Date(Date.now() + Math.floor(random() * withinMs)).toISOString() }).where('id', '=', t.id).execute();
      n++;
    }
  }
  return n;
}

/** A server-sent-event stream read with node:http; collects the `data` of each named event. */
export function openEventStream(url: string): { events: { event: string; data: string }[]; close(): void; ready: Promise<void> } {
  const events: { event: string; data: string }[] = [];
  let req: http.ClientRequest;
  const ready = new Promise<void>((resolve, reject) => {
    req = http.get(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trim());
          }
          if (data.length) events.push({ event, data: data.join('\n') });
          if (event === 'ready') resolve();
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
  });
  return { events, ready, close: () => req.destroy() };
}

/** Polls until `check` returns true or the time is up; returns whether it did. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await sleep(everyMs);
  }
}
