/**
 * `npm run bench:similar`: the duplicate hint and the dispatcher search on one million appeals.
 * Fills a fresh, migrated SQLite database with 1,000,000 appeals (three years of a district's
 * intake from a few hundred Chinese templates, their search index rows written as the indexer
 * would), starts the built server on it pinned to core 0 (loopback only) and measures
 * `GET /api/v1/appeals/similar` and `GET /api/v1/appeals` with autocannon from this process
 * (core 1), against bare Fastify answering the same JSON. Stops by itself and deletes its data.
 * Run `npm run build` first. BENCH_APPEALS, BENCH_SECONDS override the size and run length.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../server/infra/db/database.js';
import { migrateToLatest } from '../server/infra/db/migrate.js';
import { seed } from '../server/modules/demo/index.js';
import { searchRowOf, uuidFloor } from '../server/modules/appeals/appeal-search.js';
import { OPEN, fillAppeals, pick, random, sentence } from './appeal-data.js';
import { freePort, loadPaths, pinned, root, stop, waitFor } from './support.js';
const APPEALS = Number(process.env.BENCH_APPEALS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const YEARS = 3;

async function fill(dataDir: string) {
  const file = path.join(dataDir, 'minhu.sqlite');
  const handle = openDatabase({ engine: 'sqlite', file });
  await migrateToLatest(handle.db);
  await seed(handle.db, 'demo');
  await handle.close();

  const db = new Database(file);
  const insertIndex = db.prepare(`insert into appeal_search (appeal_id, tokens, tracking_rev, phone_rev, indexed_at) values (@appeal_id, @tokens, @tracking_rev, @phone_rev, @indexed_at)`);
  const now = Date.now() - 120_000;
  const nowIso = new Date().toISOString();
  const began = Date.now();
  const filled = fillAppeals(db, {
    appeals: APPEALS,
    years: YEARS,
    now,
    deferTables: ['appeal_search'],
    perAppeal: (row) => insertIndex.run(searchRowOf(row, nowIso)),
    log: (line) => console.log(line),
  });
  db.exec(`insert into appeal_search_fts(appeal_search_fts) values ('rebuild')`);
  console.log(`  indexes and full-text index rebuilt (${((Date.now() - began) / 1000).toFixed(0)} s)`);
  // The indexer resumes from here: everything older is indexed already.
  db.prepare(`update appeal_search_state set watermark = ?, updated_at = ? where name = 'appeal'`).run(uuidFloor(now), nowIso);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const size = fs.statSync(file).size;
  db.close();
  return { seconds: (Date.now() - began) / 1000, open: filled.open, sizeMb: size / 1e6, categories: filled.categories, villages: filled.villages, towns: filled.towns };
}
/** Autocannon over rotating paths for DURATION seconds after a 2 s warm-up. */
const load = (base: string, paths: string[], headers: Record<string, string>, connections: number) => loadPaths(base, paths, headers, connections, DURATION);
const ms = (x: number) => x.toFixed(2);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-similar-'));
let minhu: ChildProcess | undefined;
let bare: ChildProcess | undefined;
try {
  console.log(`filling ${APPEALS.toLocaleString('en')} appeals into ${dataDir}`);
  const filled = await fill(dataDir);
  console.log(`  done in ${filled.seconds.toFixed(0)} s; ${filled.open.toLocaleString('en')} open; database ${filled.sizeMb.toFixed(0)} MB`);

  const port = await freePort();
  const barePort = await freePort();
  minhu = pinned([path.join(root, 'dist/server/main.js')], {
    PORT: String(port), HOST: '127.0.0.1', MINHU_DATA_DIR: dataDir, MINHU_SEED: 'demo', NODE_ENV: 'production', MINHU_SECURE_COOKIES: 'false', LOG_LEVEL: 'warn',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/readyz`);

  // API tokens through the API: the dispatcher (everything) and the 北山街道 official (a subtree).
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Minhu@2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const h = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const tokenFor = async (username: string, scopes: string[]) => {
    const accounts = (await (await fetch(`${base}/api/v1/accounts?q=${username}`, { headers: h })).json()) as { items: { id: string; username: string }[] };
    const accountId = accounts.items.find((a) => a.username === username)?.id;
    const res = await fetch(`${base}/api/v1/tokens`, { method: 'POST', headers: h, body: JSON.stringify({ name: `bench ${username}`, accountId, scopes }) });
    return ((await res.json()) as { secret: string }).secret;
  };
  const dispatcher = { authorization: `Bearer ${await tokenFor('dispatcher', ['appeals:register', 'appeals:work'])}` };
  const town = { authorization: `Bearer ${await tokenFor('town', ['appeals:work'])}` };

  // Hints: a new appeal being typed in a random village, worded like the ones already there.
  const hintPaths = Array.from({ length: 400 }, () => {
    const category = pick(filled.categories);
    const village = pick(filled.villages);
    const text = sentence(category.code, village.name);
    return `/api/v1/appeals/similar?categoryId=${category.id}&territoryCode=${village.code}&text=${encodeURIComponent(text)}`;
  });
  const sample = await fetch(`${base}${hintPaths[0]}`, { headers: dispatcher });
  const sampleBody = await sample.text();
  if (!sample.ok) throw new Error(`hint failed: ${sample.status} ${sampleBody}`);

  // Searches a dispatcher makes: words, words in a town, a tracking number's end, a phone's last 4 digits.
  const WORDS = ['垃圾清理', '噪音', '公交站台', '路灯不亮', '加装电梯', '物业', '违章搭建', '占道经营', '河道发臭', '停车', '养老', '广场舞', '窨井盖', '积水', '社保', '油烟'];
  const searchPaths = Array.from({ length: 400 }, (_, i) => {
    switch (i % 4) {
      case 0:
        return `/api/v1/appeals?limit=20&q=${encodeURIComponent(pick(WORDS))}`;
      case 1:
        return `/api/v1/appeals?limit=20&q=${encodeURIComponent(pick(WORDS))}&territory=${pick(filled.towns).code}&state=${OPEN.join(',')}`;
      case 2:
        return `/api/v1/appeals?limit=20&trackingNo=${String(1 + Math.floor(random() * 900)).padStart(5, '0')}`;
      default:
        return `/api/v1/appeals?limit=20&phone=${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
    }
  });
  const searchSample = await fetch(`${base}${searchPaths[0]}`, { headers: dispatcher });
  const searchBody = await searchSample.text();
  if (!searchSample.ok) throw new Error(`search failed: ${searchSample.status} ${searchBody}`);

  bare = pinned(['--import', 'tsx', path.join(root, 'bench/bare-server.ts')], { PORT: String(barePort), BENCH_PAYLOAD: sampleBody });
  await waitFor(`http://127.0.0.1:${barePort}/healthz`);

  const results: [string, Awaited<ReturnType<typeof load>>][] = [];
  for (const connections of [1, 10]) {
    results.push([`bare Fastify, the same hint JSON (${connections} conn.)`, await load(`http://127.0.0.1:${barePort}`, ['/children'], {}, connections)]);
    results.push([`Minhu duplicate hint \`/appeals/similar\` (${connections} conn.)`, await load(base, hintPaths, dispatcher, connections)]);
  }
  results.push(['Minhu search `/appeals` as the dispatcher (1 conn.)', await load(base, searchPaths, dispatcher, 1)]);
  results.push(['Minhu search `/appeals` as the 北山街道 official (1 conn.)', await load(base, searchPaths, town, 1)]);
  results.push(['Minhu search `/appeals` as the dispatcher (10 conn.)', await load(base, searchPaths, dispatcher, 10)]);

  console.log(`\n${APPEALS.toLocaleString('en')} appeals (${filled.open.toLocaleString('en')} open); server on core 0, load on core 1; ${DURATION} s per run after 2 s warm-up\n`);
  console.log('| Run | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  let bareRps = 0;
  for (const [name, r] of results) {
    if (name.startsWith('bare')) bareRps = r.rps;
    const ratio = name.startsWith('bare') ? '1.00' : name.includes('hint') ? (r.rps / bareRps).toFixed(2) : '';
    console.log(`| ${name} | ${Math.round(r.rps)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${ratio} |`);
  }
} finally {
  if (minhu) await stop(minhu);
  if (bare) await stop(bare);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
