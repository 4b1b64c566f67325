/**
 * How long moving a district to PostgreSQL takes: fills a fresh SQLite database with BENCH_APPEALS
 * appeals (default 100,000; three years of intake with their timelines and search index, as
 * `bench/similar.ts` does), then runs `minhu copy-to-postgres` (the built CLI) into a new
 * PostgreSQL database and reports rows per second and both sizes. Needs BENCH_PG_URL (a server
 * where it may create and drop a database) and `npm run build:server` first.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../server/infra/db/database.js';
import { migrateToLatest } from '../server/infra/db/migrate.js';
import { searchRowOf } from '../server/modules/appeals/appeal-search.js';
import { seed } from '../server/modules/demo/index.js';
import { fillAppeals } from './appeal-data.js';
import { root } from './support.js';

const APPEALS = Number(process.env.BENCH_APPEALS ?? 100_000);
const PG_URL = process.env.BENCH_PG_URL ?? process.env.MINHU_TEST_PG_URL;
if (!PG_URL) throw new Error('set BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-copy-bench-'));
const file = path.join(dataDir, 'minhu.sqlite');
const name = `minhu_copy_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
try {
  const handle = openDatabase({ engine: 'sqlite', file });
  await migrateToLatest(handle.db);
  await seed(handle.db, 'demo');
  await handle.close();
  const db = new Database(file);
  const insertIndex = db.prepare(`insert into appeal_search (appeal_id, tokens, tracking_rev, phone_rev, indexed_at) values (@appeal_id, @tokens, @tracking_rev, @phone_rev, @indexed_at)`);
  const nowIso = new Date().toISOString();
  let began = Date.now();
  fillAppeals(db, { appeals: APPEALS, years: 3, now: Date.now() - 120_000, deferTables: ['appeal_search'], perAppeal: (row) => insertIndex.run(searchRowOf(row, nowIso)), log: () => {} });
  db.exec(`insert into appeal_search_fts(appeal_search_fts) values ('rebuild')`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const sqliteMb = fs.statSync(file).size / 1e6;
  console.log(`filled ${APPEALS.toLocaleString('en')} appeals in ${((Date.now() - began) / 1000).toFixed(0)} s; SQLite file ${sqliteMb.toFixed(0)} MB`);

  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  began = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin/minhu.js'), 'copy-to-postgres', '--from', file, url.toString()], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const seconds = (Date.now() - began) / 1000;
  process.stdout.write(r.stdout);
  if (r.status !== 0) throw new Error(`copy-to-postgres exited ${r.status}`);
  const rows = Number(/([\d,]+) rows, counts equal/.exec(r.stdout)?.[1]?.replaceAll(',', '') ?? 0);
  const size = await admin.query<{ n: string }>('select pg_database_size($1) as n', [name]);
  console.log(
    `copied ${rows.toLocaleString('en')} rows in ${seconds.toFixed(0)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s, including migrating and verifying); ` +
      `PostgreSQL database ${(Number(size.rows[0]!.n) / 1e6).toFixed(0)} MB`,
  );
} finally {
  await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
