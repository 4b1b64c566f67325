/**
 * `npm run bench:intake`: appeal intake (POST, group commit, SQLite, synchronous=FULL) and the
 * tracking-number status read, against bare Fastify in the same run. Servers on core 0, this
 * load generator on core 1 (taskset), 64 connections, loopback only, bounded in time.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

import { pinned, root, stop, waitFor } from './support.js';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);


async function load(opts: autocannon.Options) {
  const warm = await autocannon({ ...opts, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION });
  return { rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5, p99: r.latency.p99, ok: warm['2xx'] + r['2xx'], errors: r.errors + r.non2xx + warm.errors + warm.non2xx, total: r.requests.total };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-intake-'));
const port = 4100 + Math.floor(Math.random() * 50);
const barePort = port + 50;
// BENCH_PROFILE=<dir> writes a CPU profile of the Minhu server to that directory.
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_PROFILE)] : [];
const minhu = pinned([...profile, path.join(root, 'dist/server/main.js')], { PORT: String(port), HOST: '127.0.0.1', MINHU_DATA_DIR: dataDir, MINHU_SEED: 'demo', NODE_ENV: 'production', MINHU_SECURE_COOKIES: 'false', LOG_LEVEL: 'warn', MINHU_WORKERS: 'false', MINHU_PUBLIC_RATE_PER_MINUTE: '100000000' });
const bare = pinned(['--import', 'tsx', path.join(root, 'bench/bare-server.ts')], { PORT: String(barePort) });
try {
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/readyz`);
  await waitFor(`http://127.0.0.1:${barePort}/healthz`);
  // An integration token for the dispatcher, made through the API.
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Minhu@2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const h = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const accounts = (await (await fetch(`${base}/api/v1/accounts?q=dispatcher`, { headers: h })).json()) as { items: { id: string }[] };
  const token = (await (await fetch(`${base}/api/v1/tokens`, { method: 'POST', headers: h, body: JSON.stringify({ name: 'bench', accountId: accounts.items[0]?.id, scopes: ['appeals:register'] }) })).json()) as { secret: string };
  const categories = (await (await fetch(`${base}/api/v1/categories`)).json()) as { items: { id: string; code: string }[] };
  const body = JSON.stringify({ categoryId: categories.items.find((c) => c.code === 'city.appearance')?.id, territoryCode: '330106002051', description: '文三路人行道上的垃圾三天没人清理了，气味很大', residentPhone: '13812341234' });

  // The baseline for a POST: bare Fastify parsing the same JSON body and answering 201.
  const bareIntake = await load({ url: `http://127.0.0.1:${barePort}/echo`, method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const countStored = () => {
    const db = new Database(path.join(dataDir, 'minhu.sqlite'), { readonly: true });
    const n = (db.prepare('select count(*) as n from appeal').get() as { n: number }).n;
    db.close();
    return n;
  };
  const storedBefore = countStored();
  const intake = await load({ url: `${base}/api/v1/appeals`, method: 'POST', headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' }, body });
  const db = new Database(path.join(dataDir, 'minhu.sqlite'), { readonly: true });
  const stored = (db.prepare('select count(*) as n from appeal').get() as { n: number }).n;
  // Status reads spread over every stored appeal, as residents would look up their own.
  const numbers = (db.prepare('select tracking_no from appeal order by random() limit 5000').all() as { tracking_no: string }[]).map((r) => r.tracking_no);
  db.close();
  let next = 0;
  const bareRead = await load({ url: `http://127.0.0.1:${barePort}/healthz` });
  const status = await load({
    url: base,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/appeal-status/${numbers[next++ % numbers.length]}?last4=1234` }) }],
  });

  console.log(`\nserver on core 0, load on core 1; ${CONNECTIONS} connections; ${DURATION} s per run; SQLite synchronous=FULL\n`);
  console.log('| Run | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx/errors | ratio to bare |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  console.log(`| bare Fastify JSON POST (201) | ${Math.round(bareIntake.rps)} | ${bareIntake.p50} | ${bareIntake.p95} | ${bareIntake.p99} | ${bareIntake.errors} | 1.00 |`);
  console.log(`| Minhu appeal intake POST (group commit) | ${Math.round(intake.rps)} | ${intake.p50} | ${intake.p95} | ${intake.p99} | ${intake.errors} | ${(intake.rps / bareIntake.rps).toFixed(2)} |`);
  console.log(`| bare Fastify /healthz | ${Math.round(bareRead.rps)} | ${bareRead.p50} | ${bareRead.p95} | ${bareRead.p99} | ${bareRead.errors} | 1.00 |`);
  console.log(`| Minhu tracking-number status read | ${Math.round(status.rps)} | ${status.p50} | ${status.p95} | ${status.p99} | ${status.errors} | ${(status.rps / bareRead.rps).toFixed(2)} |`);
  console.log(`\nintake: ${intake.ok} acknowledged with 201 (warm-up and measured), ${stored - storedBefore} new appeals stored, ${intake.errors} errors: ${stored - storedBefore >= intake.ok ? 'every acknowledged appeal is stored' : 'MISSING APPEALS'}`);
} finally {
  await stop(minhu);
  await stop(bare);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
