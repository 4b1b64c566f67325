/**
 * `npm run bench:online-vote`: a participant's vote POST in an online consultation (group
 * commit, SQLite, synchronous=FULL, the opinion-map worker running) against bare Fastify parsing
 * the same JSON body, in the same run. Servers on core 0, this load generator on core 1
 * (taskset), 64 connections, loopback only, bounded in time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { pinned, root, stop, waitFor } from './support.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 2000);
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 40);

async function load(opts: autocannon.Options) {
  const warm = await autocannon({ ...opts, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION });
  return { rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5, p99: r.latency.p99, ok: warm['2xx'] + r['2xx'], errors: r.errors + r.non2xx + warm.errors + warm.non2xx, total: r.requests.total };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-vote-'));
const port = 4200 + Math.floor(Math.random() * 50);
const barePort = port + 50;
// BENCH_PROFILE=<dir> writes a CPU profile of the Minhu server to that directory.
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_PROFILE)] : [];
const minhu = pinned([...profile, path.join(root, 'dist/server/main.js')], { PORT: String(port), HOST: '127.0.0.1', MINHU_DATA_DIR: dataDir, MINHU_SEED: 'demo', NODE_ENV: 'production', MINHU_SECURE_COOKIES: 'false', LOG_LEVEL: 'warn', MINHU_PUBLIC_RATE_PER_MINUTE: '100000000' });
const bare = pinned(['--import', 'tsx', path.join(root, 'bench/bare-server.ts')], { PORT: String(barePort) });
try {
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/readyz`);
  await waitFor(`http://127.0.0.1:${barePort}/healthz`);
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'staff', password: 'Minhu@2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const h = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const post = async <T>(url: string, body: unknown, headers: Record<string, string> = h): Promise<T> => {
    const res = await fetch(`${base}/api/v1${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  // A consultation of its own on the demo's parking event: seed statements, then participants.
  const demo = (await (await fetch(`${base}/api/v1/public/online`)).json()) as { items: { id: string; eventId: string | null }[] };
  const eventId = demo.items.find((i) => i.eventId)?.eventId;
  const online = await post<{ id: string }>('/online-consultations', { consultationId: eventId, title: '投票压测', identity: 'device', moderation: 'post' });
  const statementIds: string[] = [];
  for (let k = 0; k < STATEMENTS; k++) statementIds.push((await post<{ id: string }>(`/online-consultations/${online.id}/statements`, { text: `压测观点第 ${k + 1} 条：小区停车方案应当公开征求意见` })).id);
  const tokens: string[] = [];
  for (let i = 0; i < PARTICIPANTS; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, PARTICIPANTS - i) }, (_, j) => post<{ participantToken: string }>(`/public/online/${online.id}/participants`, { deviceId: `bench-device-${String(i + j).padStart(8, '0')}` }, { 'content-type': 'application/json' })),
    );
    tokens.push(...batch.map((b) => b.participantToken));
  }
  const sample = JSON.stringify({ statementId: statementIds[0], vote: 1 });

  // The baseline: bare Fastify parsing a vote-sized JSON body and answering.
  const bareVote = await load({ url: `http://127.0.0.1:${barePort}/echo`, method: 'POST', headers: { 'content-type': 'application/json' }, body: sample });
  // Every request a different participant and statement, so most are first votes and some replace earlier ones.
  let n = 0;
  const votes = await load({
    url: base,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = n++;
          const body = JSON.stringify({ statementId: statementIds[Math.floor(i / PARTICIPANTS) % STATEMENTS], vote: ((i % 3) - 1) as -1 | 0 | 1 });
          return { ...req, path: `/api/v1/public/online/${online.id}/votes`, headers: { 'content-type': 'application/json', 'x-participant-token': tokens[i % PARTICIPANTS] as string }, body };
        },
      },
    ],
  });
  // Let the map worker catch up, then check what was stored.
  await new Promise((r) => setTimeout(r, 3000));
  const db = new Database(path.join(dataDir, 'minhu.sqlite'), { readonly: true });
  const rows = (db.prepare('select count(*) as n from online_vote where online_id = ?').get(online.id) as { n: number }).n;
  const counted = (db.prepare('select sum(agrees + disagrees + passes) as n from online_statement where online_id = ?').get(online.id) as { n: number }).n;
  const map = db.prepare('select version, computed_at from online_map where online_id = ?').get(online.id) as { version: number; computed_at: string } | undefined;
  db.close();

  console.log(`\nserver on core 0, load on core 1; ${CONNECTIONS} connections; ${DURATION} s per run; SQLite synchronous=FULL; ${PARTICIPANTS} participants × ${STATEMENTS} statements; map worker on\n`);
  console.log('| Run | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx/errors | ratio to bare |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  console.log(`| bare Fastify JSON POST | ${Math.round(bareVote.rps)} | ${bareVote.p50} | ${bareVote.p95} | ${bareVote.p99} | ${bareVote.errors} | 1.00 |`);
  console.log(`| Minhu vote POST (group commit) | ${Math.round(votes.rps)} | ${votes.p50} | ${votes.p95} | ${votes.p99} | ${votes.errors} | ${(votes.rps / bareVote.rps).toFixed(2)} |`);
  console.log(`\nvotes: ${votes.ok} acknowledged with 200 (warm-up and measured), ${rows} (participant, statement) rows stored, statement counts sum to ${counted} (${counted === rows ? 'consistent' : 'INCONSISTENT'}); map version ${map?.version ?? 0} at ${map?.computed_at ?? '—'}`);
} finally {
  await stop(minhu);
  await stop(bare);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
