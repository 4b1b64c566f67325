/**
 * `npm run bench`: Minhu against a bare Fastify baseline, measured in the same run with
 * autocannon from this (separate) process, plus the whole-country territory import.
 * Servers listen on 127.0.0.1 only; every load is bounded in time.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..');
const COUNTRY = process.env.BENCH_COUNTRY_CSV ?? path.resolve(root, '../shared/data/territories/china-2023.csv.gz');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function waitFor(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-bench-'));
const results: Result[] = [];
let importLine = '';
try {
  if (!fs.existsSync(path.join(root, 'dist/server/main.js'))) throw new Error('run `npm run build` first');

  console.log(`importing the whole country from ${path.basename(COUNTRY)} into a fresh SQLite file…`);
  const imp = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/import-country.ts'), COUNTRY], {
    cwd: root,
    env: { ...process.env, MINHU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (imp.status !== 0) throw new Error(imp.stderr);
  const report = JSON.parse(imp.stdout.trim().split('\n').pop() as string) as { rows: number; seconds: number; maxRssMb: number };
  importLine = `| Import whole country (${report.rows.toLocaleString('en')} rows) into SQLite | ${report.seconds.toFixed(1)} s | peak RSS ${report.maxRssMb} MB | target ≤ 20 s, < 500 MB |`;
  console.log(importLine);

  const minhuPort = 3900 + Math.floor(Math.random() * 50);
  const barePort = minhuPort + 50;
  const minhu = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(minhuPort), HOST: '127.0.0.1', MINHU_DATA_DIR: dataDir, MINHU_SEED: 'demo', LOG_LEVEL: 'warn', NODE_ENV: 'production', MINHU_SECURE_COOKIES: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${minhuPort}`;
    await waitFor(`${base}/readyz`);
    const childrenUrl = `${base}/api/v1/territories/330106/children`;
    const payload = await (await fetch(childrenUrl)).text();
    const bare = fork(path.join(root, 'bench/bare-server.ts'), {
      env: { ...process.env, PORT: String(barePort), BENCH_PAYLOAD: payload },
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    try {
      await waitFor(`http://127.0.0.1:${barePort}/healthz`);
      results.push(await load('bare Fastify /healthz', `http://127.0.0.1:${barePort}/healthz`));
      results.push(await load('Minhu /healthz', `${base}/healthz`));
      results.push(await load('bare Fastify, same children JSON', `http://127.0.0.1:${barePort}/children`));
      results.push(await load('Minhu territory children (西湖区, 12 towns)', childrenUrl));
      results.push(await load('Minhu territory search "西湖" over 665k rows', `${base}/api/v1/territories?q=${encodeURIComponent('西湖')}&limit=20`));
    } finally {
      await stop(bare);
    }
  } finally {
    await stop(minhu);
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const bareOf = (name: string) => (name.includes('healthz') ? results[0] : results[2]);
console.log(`\n${os.cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s per run\n`);
console.log('| Route | req/s | p50 ms | p99 ms | errors | ratio to bare |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const ratio = r.name.startsWith('bare') ? '1.00' : (r.rps / (bareOf(r.name)?.rps ?? 1)).toFixed(2);
  console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |`);
}
console.log(`\n${importLine}`);
