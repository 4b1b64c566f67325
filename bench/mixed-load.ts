/**
 * `npm run bench:mixed`: sustained mixed load — 80 % reads (tracking-number status, public
 * dashboard, a town's children, the showcase), 15 % appeal intake, 5 % lifecycle transitions
 * (dispatch of a registered appeal) — against Minhu on SQLite with one process, on PostgreSQL
 * with one process, and on PostgreSQL with two processes sharing one database. Throughput and
 * p99 per setup, and the ratio to SQLite with one process measured in the same run. Loopback
 * only; every run bounded in time; the PostgreSQL database is created and dropped here.
 *
 * Env: BENCH_SECONDS (default 15), BENCH_CONNECTIONS (default 32), BENCH_PG (default
 * postgres://postgres@127.0.0.1:5432/postgres — only used to create a scratch database).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { root, stop, waitFor } from './support.js';
import { spawn } from 'node:child_process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ADMIN_PG = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PRELOAD = Number(process.env.BENCH_PRELOAD ?? 3000);

function server(port: number, core: string, env: Record<string, string>): ChildProcess {
  const hasTaskset = fs.existsSync('/usr/bin/taskset');
  const args = [path.join(root, 'dist/server/main.js')];
  const [cmd, ...rest] = hasTaskset ? ['taskset', '-c', core, process.execPath, ...args] : [process.execPath, ...args];
  return spawn(cmd!, rest, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', MINHU_SEED: 'demo', MINHU_SECURE_COOKIES: 'false', LOG_LEVEL: 'warn', MINHU_PUBLIC_RATE_PER_MINUTE: '100000000', ...env },
  });
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Signs in as the demo admin, makes a dispatcher token, and registers the appeals the load reads and dispatches. */
async function prepare(base: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Minhu@2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = await json<{ csrfToken: string }>(login);
  const h = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const accounts = await json<{ items: { id: string }[] }>(await fetch(`${base}/api/v1/accounts?q=dispatcher`, { headers: h }));
  const token = await json<{ secret: string }>(
    await fetch(`${base}/api/v1/tokens`, { method: 'POST', headers: h, body: JSON.stringify({ name: 'mixed-load', accountId: accounts.items[0]!.id, scopes: ['appeals:register', 'appeals:work'] }) }),
  );
  const units = await json<{ items: { id: string }[] }>(await fetch(`${base}/api/v1/units`, { headers: h }));
  const categories = await json<{ items: { id: string; code: string }[] }>(await fetch(`${base}/api/v1/categories`));
  const intake = JSON.stringify({
    categoryId: categories.items.find((c) => c.code === 'city.appearance')!.id,
    territoryCode: '330106002051',
    description: '文三路人行道上的垃圾三天没人清理了，气味很大 <script>alert(1)</script>',
    residentPhone: '13812341234',
  });
  const auth = { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' };
  const pool: { id: string; trackingNo: string }[] = [];
  for (let i = 0; i < PRELOAD; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, PRELOAD - i) }, () => fetch(`${base}/api/v1/appeals`, { method: 'POST', headers: auth, body: intake }).then((r) => json<{ id: string; trackingNo: string }>(r))));
    pool.push(...batch);
  }
  return { auth, intake, unitId: units.items[0]!.id, pool };
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

/** One autocannon run of the mix against one base URL; `pool` is shared between concurrent runs so no appeal is dispatched twice. */
function mixed(base: string, setup: Awaited<ReturnType<typeof prepare>>, cursor: { read: number; dispatch: number }, connections: number, seconds: number): Promise<Result> {
  let k = 0;
  const reads = [
    () => `/api/v1/appeal-status/${setup.pool[cursor.read++ % setup.pool.length]!.trackingNo}?last4=1234`,
    () => '/api/v1/public/dashboard',
    () => '/api/v1/territories/330106/children',
    () => '/api/v1/public/showcase',
  ];
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (req) => {
              const slot = k++ % 20;
              if (slot < 16) return { ...req, method: 'GET', path: reads[slot % 4]!(), headers: {}, body: undefined };
              if (slot < 19) return { ...req, method: 'POST', path: '/api/v1/appeals', headers: setup.auth, body: setup.intake };
              const appeal = setup.pool[cursor.dispatch++ % setup.pool.length]!;
              return { ...req, method: 'POST', path: `/api/v1/appeals/${appeal.id}/actions`, headers: setup.auth, body: JSON.stringify({ action: 'dispatch', version: 1, leadUnitId: setup.unitId }) };
            },
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors })),
    );
  });
}

async function run(label: string, env: Record<string, string>, processes: 1 | 2): Promise<Result & { label: string; dispatched: number }> {
  const ports = [4300 + Math.floor(Math.random() * 100), 0];
  ports[1] = ports[0]! + 100;
  const children: ChildProcess[] = [];
  try {
    children.push(server(ports[0]!, '0', env));
    await waitFor(`http://127.0.0.1:${ports[0]}/readyz`);
    if (processes === 2) {
      children.push(server(ports[1]!, '1', env));
      await waitFor(`http://127.0.0.1:${ports[1]}/readyz`);
    }
    const setup = await prepare(`http://127.0.0.1:${ports[0]}`);
    const cursor = { read: 0, dispatch: 0 };
    // Warm-up, then the measured run (both processes loaded at once when there are two).
    await mixed(`http://127.0.0.1:${ports[0]}`, setup, cursor, CONNECTIONS, 2);
    const runs = await Promise.all(children.map((_, i) => mixed(`http://127.0.0.1:${ports[i]}`, setup, cursor, Math.ceil(CONNECTIONS / children.length), SECONDS)));
    const sum = runs.reduce((t, r) => ({ rps: t.rps + r.rps, p50: Math.max(t.p50, r.p50), p99: Math.max(t.p99, r.p99), total: t.total + r.total, non2xx: t.non2xx + r.non2xx, errors: t.errors + r.errors }));
    return { label, ...sum, dispatched: cursor.dispatch };
  } finally {
    for (const c of children) await stop(c);
  }
}

const results: Awaited<ReturnType<typeof run>>[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-mixed-'));
const dbName = `minhu_bench_mixed_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_PG });
await admin.connect();
try {
  process.stderr.write('mixed load: SQLite, one process …\n');
  results.push(await run('SQLite, 1 process', { MINHU_DATA_DIR: dataDir }, 1));
  for (const processes of [1, 2] as const) {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`create database ${dbName}`);
    const url = new URL(ADMIN_PG);
    url.pathname = `/${dbName}`;
    process.stderr.write(`mixed load: PostgreSQL, ${processes} process(es) …\n`);
    results.push(await run(`PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`, { DATABASE_URL: url.toString(), MINHU_DATA_DIR: dataDir }, processes));
  }
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const base = results[0]!.rps;
console.log(`\n${CONNECTIONS} connections in all, ${SECONDS} s measured after 2 s warm-up; 80 % reads / 15 % intake / 5 % dispatch; ${PRELOAD} appeals registered first\n`);
console.log('| Setup | req/s | p50 ms | p99 ms | non-2xx | errors | ratio to SQLite, 1 process |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.label} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${(r.rps / base).toFixed(2)} |`);
