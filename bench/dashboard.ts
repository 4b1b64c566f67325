/**
 * `npm run bench:dashboard`: the public dashboard APIs on 1,000,000 appeals and 100,000 suggestions.
 * Fills a fresh, migrated SQLite database with the appeals of bench/appeal-data.ts and a timeline
 * per appeal that matches its state (dispatch, returns, signatures, overdue marks, replies,
 * ratings, reopening, closing), ~5,000 consultation events at the seeded venues with 100,000
 * suggestions in every state, filed topics and three campaign months; the search index rows are
 * written as the indexer would (as bench/similar.ts does). Then builds the dashboard
 * facts and cubes with the aggregator (timed), starts the built server pinned to core 0 and
 * measures each dashboard API with autocannon from this process (core 1), against bare Fastify
 * answering the same JSON. Stops by itself and deletes its data.
 * Run `npm run build:server` first. BENCH_APPEALS, BENCH_SUGGESTIONS, BENCH_SECONDS override the
 * sizes and the run length; BENCH_FILL_ONLY=<dir> copies the filled database there and stops.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../server/infra/db/database.js';
import { migrateToLatest } from '../server/infra/db/migrate.js';
import { seed } from '../server/modules/demo/index.js';
import { AppealAggregator } from '../server/modules/dashboards/index.js';
import { searchRowOf, uuidFloor } from '../server/modules/appeals/appeal-search.js';
import { fillAppeals, pick, random, type GeneratedAppeal } from './appeal-data.js';
import { freePort, loadPaths, pinned, root, stop, waitFor } from './support.js';

const APPEALS = Number(process.env.BENCH_APPEALS ?? 1_000_000);
const SUGGESTIONS = Number(process.env.BENCH_SUGGESTIONS ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const YEARS = 3;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How far along the standard path each state is (dispatch, sign, start, reply, review_accept, rate, close, archive). */
const STAGE: Record<string, number> = {
  dispatched: 1, return_requested: 1, signed: 2, in_progress: 3, extension_requested: 3, replied: 4, awaiting_feedback: 5, rated: 6, closed: 7, archived: 8,
};
const REPLY_STATE: Record<number, string> = { 2: 'signed', 3: 'in_progress' };

interface Ev {
  action: string;
  from: string | null;
  to: string;
  payload?: string;
}

/** A timeline consistent with the appeal's state, with the usual share of returns, overdue marks and reopenings. */
function timelineOf(a: GeneratedAppeal): Ev[] {
  const evs: Ev[] = [{ action: 'register', from: null, to: 'registered' }];
  if (a.state === 'merged') return [...evs, { action: 'merge', from: 'registered', to: 'merged' }];
  if (a.state === 'registered') return evs;
  const stage = STAGE[a.state] as number;
  const finished = stage >= 7;
  if (finished && random() < 0.08) {
    evs.push({ action: 'answer_directly', from: 'registered', to: 'awaiting_feedback' });
    evs.push({ action: 'rate', from: 'awaiting_feedback', to: 'rated', payload: '{"rating":"satisfied"}' });
    evs.push({ action: 'close', from: 'rated', to: 'closed' });
    if (a.state === 'archived') evs.push({ action: 'archive', from: 'closed', to: 'archived' });
    return evs;
  }
  evs.push({ action: 'dispatch', from: 'registered', to: 'dispatched' });
  if (random() < 0.05 && (stage > 1 || a.state === 'dispatched')) {
    evs.push({ action: 'request_return', from: 'dispatched', to: 'return_requested' });
    evs.push({ action: 'approve_return', from: 'return_requested', to: 'dispatched' });
  }
  if (a.state === 'return_requested') return [...evs, { action: 'request_return', from: 'dispatched', to: 'return_requested' }];
  if (random() < (stage === 1 ? 0.3 : 0.08)) evs.push({ action: 'overdue', from: 'dispatched', to: 'dispatched' });
  if (stage === 1) return evs;
  evs.push({ action: 'sign', from: 'dispatched', to: 'signed' });
  if (stage >= 3) evs.push({ action: 'start', from: 'signed', to: 'in_progress' });
  if (random() < (stage <= 3 ? 0.25 : 0.1)) evs.push({ action: 'overdue', from: REPLY_STATE[Math.min(stage, 3)] ?? 'in_progress', to: REPLY_STATE[Math.min(stage, 3)] ?? 'in_progress' });
  if (a.state === 'extension_requested') return [...evs, { action: 'request_extension', from: 'in_progress', to: 'extension_requested' }];
  if (stage <= 3) return evs;
  evs.push({ action: 'reply', from: 'in_progress', to: 'replied' });
  if (stage === 4) return evs;
  evs.push({ action: 'review_accept', from: 'replied', to: 'awaiting_feedback' });
  if (stage === 5) return evs;
  const roll = random();
  const rating = stage === 6 ? 'unsatisfied' : roll < 0.75 ? 'satisfied' : roll < 0.88 ? 'basically_satisfied' : 'unsatisfied';
  evs.push({ action: 'rate', from: 'awaiting_feedback', to: 'rated', payload: JSON.stringify({ rating }) });
  if (stage === 6) return evs;
  if (rating === 'unsatisfied') {
    if (random() < 0.5) {
      evs.push({ action: 'final_answer', from: 'rated', to: 'closed' });
    } else {
      evs.push({ action: 'reopen', from: 'rated', to: 'in_progress' });
      evs.push({ action: 'reply', from: 'in_progress', to: 'replied' });
      evs.push({ action: 'review_accept', from: 'replied', to: 'awaiting_feedback' });
      evs.push({ action: 'rate', from: 'awaiting_feedback', to: 'rated', payload: '{"rating":"basically_satisfied"}' });
      evs.push({ action: 'close', from: 'rated', to: 'closed' });
    }
  } else evs.push({ action: 'close', from: 'rated', to: 'closed' });
  if (a.state === 'archived') evs.push({ action: 'archive', from: 'closed', to: 'archived' });
  return evs;
}

const SUGGESTION_TEXTS = ['增设小区临时停车位', '加装电梯费用分摊按楼层系数', '老年食堂延长供餐时间', '公交站台加装遮雨棚', '河道每周保洁两次', '夜间施工须提前公示', '社区增设儿童托管', '菜场周边错时停车'];

async function fill(dataDir: string) {
  const file = path.join(dataDir, 'minhu.sqlite');
  const handle = openDatabase({ engine: 'sqlite', file });
  await migrateToLatest(handle.db);
  await seed(handle.db, 'demo');
  await handle.close();

  const db = new Database(file);
  // The search index is filled as the indexer would (else the server's indexer would spend the
  // run indexing every appeal on the pinned core).
  const insertIndex = db.prepare(`insert into appeal_search (appeal_id, tokens, tracking_rev, phone_rev, indexed_at) values (@appeal_id, @tokens, @tracking_rev, @phone_rev, @indexed_at)`);
  const indexedAt = new Date().toISOString();
  const insertEvent = db.prepare(`insert into appeal_event (id, appeal_id, action, from_state, to_state, actor_id, actor_label, payload, created_at) values (?, ?, ?, ?, ?, null, 'bench', ?, ?)`);
  const now = Date.now() - 120_000;
  const cap = now - 60_000;
  const began = Date.now();
  let events = 0;
  const filled = fillAppeals(db, {
    appeals: APPEALS,
    years: YEARS,
    now,
    deferTables: ['appeal_event', 'appeal_search'],
    perAppeal: (row, at) => {
      insertIndex.run(searchRowOf(row, indexedAt));
      let t = at;
      const evs = timelineOf(row);
      for (let i = 0; i < evs.length; i++) {
        const e = evs[i] as Ev;
        t = Math.min(t + (i === 0 ? 0 : Math.floor(random() * 2 * DAY)), cap + i);
        insertEvent.run(uuidv7({ msecs: t }), row.id, e.action, e.from, e.to, e.payload ?? null, new Date(t).toISOString());
      }
      events += evs.length;
    },
    log: (line) => console.log(line),
  });
  console.log(`  ${events.toLocaleString('en')} timeline entries`);
  db.exec(`insert into appeal_search_fts(appeal_search_fts) values ('rebuild')`);
  db.prepare(`update appeal_search_state set watermark = ?, updated_at = ? where name = 'appeal'`).run(uuidFloor(now), indexedAt);

  // Consultations at the seeded venues, three campaign months, filed topics and the suggestions.
  const venues = db.prepare(`select id, territory_code from venue where active = 1`).all() as { id: string; territory_code: string | null }[];
  const towns = filled.towns.map((t) => t.code);
  const template = db.prepare(`select id, steps from procedure_template order by created_at limit 1`).get() as { id: string; steps: string };
  const nowIso = new Date().toISOString();
  const start = now - YEARS * 365 * DAY;
  const campaigns: { id: string; from: number; to: number }[] = [];
  for (let y = 0; y < YEARS; y++) {
    const from = Date.parse(`${new Date(now).getUTCFullYear() - y - 1}-11-01T00:00:00+08:00`);
    const to = from + 30 * DAY;
    const id = uuidv7();
    db.prepare(`insert into campaign (id, title, theme, description, territory_code, starts_on, ends_on, target_events, target_suggestions, created_at, updated_at, version)
      values (?, ?, '民生', '', null, ?, ?, 120, 2400, ?, ?, 1)`).run(id, `协商议事月 ${new Date(from + 8 * HOUR).getUTCFullYear()}`, new Date(from + 8 * HOUR).toISOString().slice(0, 10), new Date(to + 8 * HOUR - DAY).toISOString().slice(0, 10), nowIso, nowIso);
    campaigns.push({ id, from, to });
  }
  const insertTopic = db.prepare(`insert into topic (id, title, description, source, territory_code, state, proposed_by, proposer_label, created_at, updated_at, version) values (?, ?, '', 'committee', ?, ?, null, 'bench', ?, ?, 1)`);
  const insertTopicEvent = db.prepare(`insert into topic_event (id, topic_id, action, from_state, to_state, actor_id, actor_label, comment, created_at) values (?, ?, 'approve', 'submitted', 'filed', null, 'bench', null, ?)`);
  const insertConsultation = db.prepare(`insert into consultation (id, title, summary, mode, venue_id, territory_code, campaign_id, template_id, steps, step_index, state, starts_at, ends_at, sign_in_token, organiser_id, organiser_label, created_at, updated_at, version)
    values (?, ?, '', 'on_site', ?, ?, ?, ?, ?, 0, ?, ?, null, null, null, 'bench', ?, ?, 1)`);
  const linkTopic = db.prepare(`insert into consultation_topic (consultation_id, topic_id, created_at) values (?, ?, ?)`);
  const insertSuggestion = db.prepare(`insert into suggestion (id, consultation_id, seq, text, state, decision, decision_reason, merged_into, lead_unit_id, deadline_days, sign_due_at, reply_due_at, grade, progress, issued_at, created_by, created_by_label, created_at, updated_at, version)
    values (?, ?, ?, ?, ?, ?, null, null, ?, null, null, null, ?, ?, ?, null, 'bench', ?, ?, 1)`);
  let suggestions = 0;
  let consultations = 0;
  db.transaction(() => {
    const topics: string[] = [];
    for (let i = 0; i < 600; i++) {
      const at = Math.floor(start + random() * (now - start));
      const id = uuidv7({ msecs: at });
      const filed = random() < 0.8;
      insertTopic.run(id, `议题 ${i + 1}`, pick(towns), filed ? 'filed' : 'submitted', new Date(at).toISOString(), new Date(at).toISOString());
      if (filed) {
        insertTopicEvent.run(uuidv7({ msecs: at + DAY }), id, new Date(at + DAY).toISOString());
        topics.push(id);
      }
    }
    while (suggestions < SUGGESTIONS) {
      const inCampaign = random() < 0.25 ? pick(campaigns) : null;
      const at = inCampaign ? Math.floor(inCampaign.from + random() * (inCampaign.to - inCampaign.from)) : Math.floor(start + random() * (now - start));
      const venue = pick(venues);
      const id = uuidv7({ msecs: at });
      const past = at < now;
      const state = !past ? 'planned' : random() < 0.03 ? 'cancelled' : random() < 0.9 ? 'completed' : 'in_progress';
      const iso = new Date(at).toISOString();
      insertConsultation.run(id, `协商活动 ${consultations + 1}`, venue.id, venue.territory_code ? venue.territory_code.slice(0, 9) : null, inCampaign?.id ?? null, template.id, template.steps, state, iso, iso, iso);
      linkTopic.run(id, pick(topics), iso);
      consultations += 1;
      if (state === 'planned' || state === 'cancelled') continue;
      const n = Math.min(SUGGESTIONS - suggestions, 5 + Math.floor(random() * 31));
      for (let s = 1; s <= n; s++) {
        const r = random();
        const st = r < 0.1 ? 'proposed' : r < 0.3 ? 'decided' : r < 0.33 ? 'merged' : r < 0.43 ? 'assigned' : r < 0.53 ? 'signed' : r < 0.63 ? 'replied' : 'closed';
        const onward = ['assigned', 'signed', 'replied', 'closed'].includes(st);
        const decision = st === 'proposed' || st === 'merged' ? null : onward ? (random() < 0.7 ? 'adopted' : 'partly_adopted') : pick(['adopted', 'partly_adopted', 'not_adopted', 'reference']);
        const grade = st === 'closed' ? (random() < 0.7 ? 'A' : 'D') : st === 'replied' ? pick(['B', 'C']) : null;
        const created = new Date(at + HOUR).toISOString();
        insertSuggestion.run(uuidv7({ msecs: at + HOUR }), id, s, pick(SUGGESTION_TEXTS), st, decision, onward ? pick(filled.units) : null, grade, st === 'closed' ? 100 : onward ? 40 : 0, st === 'proposed' ? null : created, created, created);
      }
      suggestions += n;
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const size = fs.statSync(file).size;
  db.close();
  return { seconds: (Date.now() - began) / 1000, events, consultations, suggestions, sizeMb: size / 1e6, campaigns, towns, categories: filled.categories };
}

const load = (base: string, paths: string[], connections: number) => loadPaths(base, paths, {}, connections, DURATION);
const ms = (x: number) => x.toFixed(2);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-dashboard-'));
let minhu: ChildProcess | undefined;
let bare: ChildProcess | undefined;
try {
  console.log(`filling ${APPEALS.toLocaleString('en')} appeals and ${SUGGESTIONS.toLocaleString('en')} suggestions into ${dataDir}`);
  const filled = await fill(dataDir);
  console.log(`  done in ${filled.seconds.toFixed(0)} s; ${filled.consultations.toLocaleString('en')} events; database ${filled.sizeMb.toFixed(0)} MB`);

  // The initial build of facts and cubes, as a fresh deployment's aggregator does it.
  const handle = openDatabase({ engine: 'sqlite', file: path.join(dataDir, 'minhu.sqlite') });
  const aggregator = new AppealAggregator(handle.db, pino({ level: 'warn' }));
  const buildStart = Date.now();
  await aggregator.runToCompletion();
  const buildSeconds = (Date.now() - buildStart) / 1000;
  const facts = (await handle.db.selectFrom('appeal_fact').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const cubeRows = (await handle.db.selectFrom('appeal_cube').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const areaRows = (await handle.db.selectFrom('appeal_area_cube').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  await handle.close();
  console.log(`  aggregator: ${Number(facts).toLocaleString('en')} facts, ${cubeRows} town-cube rows, ${areaRows} area-cube rows in ${buildSeconds.toFixed(0)} s`);
  if (process.env.BENCH_FILL_ONLY) {
    fs.cpSync(dataDir, process.env.BENCH_FILL_ONLY, { recursive: true });
    console.log(`  copied to ${process.env.BENCH_FILL_ONLY}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }

  const port = await freePort();
  const barePort = await freePort();
  minhu = pinned([path.join(root, 'dist/server/main.js')], {
    PORT: String(port), HOST: '127.0.0.1', MINHU_DATA_DIR: dataDir, MINHU_SEED: 'demo', NODE_ENV: 'production', MINHU_SECURE_COOKIES: 'false', LOG_LEVEL: 'warn',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/readyz`);

  const tops = filled.categories.map((c) => c.code.split('.')[0]);
  const cats = (await (await fetch(`${base}/api/v1/categories`)).json()) as { items: { id: string; code: string; parentId?: string | null }[] };
  const topIds = cats.items.filter((c) => !c.code.includes('.')).map((c) => c.id);
  const leafIds = cats.items.filter((c) => c.code.includes('.')).map((c) => c.id);
  if (topIds.length === 0 || tops.length === 0) throw new Error('no categories');
  const FIGURES = ['appeals', 'sign_on_time_rate', 'completion_on_time_rate', 'return_rate', 'satisfaction_rate', 'resolution_rate'];
  const runs: [string, string[]][] = [
    ['`/public/dashboard` district, last 12 months', ['/api/v1/public/dashboard', '/api/v1/public/dashboard?from=2025-01&to=2025-12', '/api/v1/public/dashboard?from=2024-06&to=2026-05']],
    ['`/public/dashboard` town + category', filled.towns.flatMap((t) => [...topIds, ...leafIds.slice(0, 3)].map((c) => `/api/v1/public/dashboard?territory=${t}&category=${c}`))],
    ['`/public/coverage`', ['/api/v1/public/coverage', ...filled.towns.map((t) => `/api/v1/public/coverage?territory=${t}`)]],
    ['`/public/records` (first pages)', FIGURES.flatMap((f) => ['', ...filled.towns.map((t) => `&territory=${t}`)].flatMap((q) => [1, 2, 3].map((p) => `/api/v1/public/records?figure=${f}${q}&page=${p}`)))],
    ['`/public/campaigns/:id/progress`', filled.campaigns.map((c) => `/api/v1/public/campaigns/${c.id}/progress`)],
  ];
  for (const [name, paths] of runs) {
    const res = await fetch(`${base}${paths[0]}`);
    if (!res.ok) throw new Error(`${name} failed: ${res.status} ${await res.text()}`);
  }
  const sampleBody = await (await fetch(`${base}/api/v1/public/dashboard`)).text();
  bare = pinned(['--import', 'tsx', path.join(root, 'bench/bare-server.ts')], { PORT: String(barePort), BENCH_PAYLOAD: sampleBody });
  await waitFor(`http://127.0.0.1:${barePort}/healthz`);

  const results: [string, Awaited<ReturnType<typeof load>>][] = [];
  for (const connections of [1, 10]) {
    results.push([`bare Fastify, the district dashboard's JSON (${connections} conn.)`, await load(`http://127.0.0.1:${barePort}`, ['/children'], connections)]);
    for (const [name, paths] of runs) results.push([`${name} (${connections} conn.)`, await load(base, paths, connections)]);
  }

  console.log(`\n${APPEALS.toLocaleString('en')} appeals (${filled.events.toLocaleString('en')} timeline entries), ${filled.suggestions.toLocaleString('en')} suggestions at ${filled.consultations.toLocaleString('en')} events;`);
  console.log(`aggregator's initial build ${buildSeconds.toFixed(0)} s; server on core 0, load on core 1; ${DURATION} s per run after 2 s warm-up\n`);
  console.log('| Run | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  let bareRps = 0;
  for (const [name, r] of results) {
    if (name.startsWith('bare')) bareRps = r.rps;
    const ratio = name.startsWith('bare') ? '1.00' : (r.rps / bareRps).toFixed(2);
    console.log(`| ${name} | ${Math.round(r.rps)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${ratio} |`);
  }
} finally {
  if (minhu) await stop(minhu);
  if (bare) await stop(bare);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
