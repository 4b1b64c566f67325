/**
 * Opinion-map recompute benchmark (`npm run bench:opinion-map`): a full recompute of the map —
 * building the vote matrix from (participant, statement, vote) rows and computing projection,
 * groups, representativeness, consensus and priorities — for 100 k, 1 M and 10 M votes on 1,000
 * statements, each size in its own process pinned to one core (peak memory is that process's).
 * The baseline, measured in the same process, is one bare pass over the same votes (a sparse
 * XᵀX·v product); the ratio says how many such passes a recompute costs.
 *
 * Usage: npm run bench:opinion-map [-- --sizes 100000,1000000,10000000] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { centre, computeOpinionMap, VoteMatrixBuilder } from '../server/modules/online-consultations/opinion-map/index.js';
import { timesTransposed, times } from '../server/modules/online-consultations/opinion-map/pca.js';

const STATEMENTS = 1000;
const VOTES_PER_PARTICIPANT = 100;

/** Three camps; each voter sees a random 10 % of statements (earlier ones more often) and mostly votes their camp's stance. */
function generate(votes: number, seed = 42) {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const participants = Math.round(votes / VOTES_PER_PARTICIPANT);
  const stance = Array.from({ length: 3 }, () => Int8Array.from({ length: STATEMENTS }, () => (rnd() < 0.5 ? 1 : -1)));
  const rows: { p: Int32Array; s: Int32Array; v: Int8Array } = { p: new Int32Array(votes), s: new Int32Array(votes), v: new Int8Array(votes) };
  let n = 0;
  const seen = new Uint8Array(STATEMENTS);
  for (let i = 0; i < participants && n < votes; i++) {
    const camp = Math.floor(rnd() * 3);
    seen.fill(0);
    for (let k = 0; k < VOTES_PER_PARTICIPANT && n < votes; k++) {
      let j: number;
      do j = Math.floor(rnd() ** 1.5 * STATEMENTS);
      while (seen[j]);
      seen[j] = 1;
      const r = rnd();
      rows.p[n] = i;
      rows.s[n] = j;
      rows.v[n] = r < 0.1 ? 0 : r < 0.85 ? stance[camp]![j]! : -stance[camp]![j]!;
      n++;
    }
  }
  return { participants, rows };
}

function child(votes: number, runs: number) {
  const { participants, rows } = generate(votes);
  const results: { build: number; compute: number; baseline: number; groups: number; k: number }[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const b = new VoteMatrixBuilder();
    for (let q = 0; q < rows.p.length; q++) b.add(rows.p[q]!, rows.s[q]!, rows.v[q]!);
    const { matrix } = b.build<number>();
    const t1 = performance.now();
    const map = computeOpinionMap({ matrix, mode: 'improved' });
    const t2 = performance.now();
    // Baseline: one bare pass over the votes.
    const c = centre(matrix, new Uint8Array(matrix.statements));
    const v = new Float64Array(matrix.statements).fill(1);
    const t3 = performance.now();
    timesTransposed(c, times(c, v));
    const t4 = performance.now();
    results.push({ build: t1 - t0, compute: t2 - t1, baseline: t4 - t3, groups: map.groups.length, k: map.groups.reduce((t, g) => t + g.members.length, 0) });
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ votes, participants, statements: STATEMENTS, results, maxRssMb }) + '\n');
}

function parent() {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1]! : fallback;
  };
  const sizes = arg('sizes', '100000,1000000,10000000').split(',').map(Number);
  const runs = Number(arg('runs', '3'));
  const hasTaskset = fs.existsSync('/usr/bin/taskset');
  const lines: string[] = [];
  lines.push('| Votes | Participants × statements | Build matrix (median) | Compute map (median) | Full recompute (median) | One bare pass | Ratio | Groups | Peak RSS |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of sizes) {
    const cmd = hasTaskset ? 'taskset' : process.execPath;
    const args = [...(hasTaskset ? ['-c', '1', process.execPath] : []), ...process.execArgv, import.meta.filename, '--child', String(size), '--runs', String(size >= 5_000_000 ? Math.min(runs, 2) : runs)];
    process.stderr.write(`opinion map: ${size.toLocaleString('en')} votes …\n`);
    const out = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' } });
    if (out.status !== 0) throw new Error(out.stderr || `child exited ${out.status}`);
    const r = JSON.parse(out.stdout.trim().split('\n').pop()!) as { votes: number; participants: number; statements: number; maxRssMb: number; results: { build: number; compute: number; baseline: number; groups: number }[] };
    const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const build = median(r.results.map((x) => x.build));
    const compute = median(r.results.map((x) => x.compute));
    const total = median(r.results.map((x) => x.build + x.compute));
    const base = median(r.results.map((x) => x.baseline));
    const s = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
    lines.push(
      `| ${r.votes.toLocaleString('en')} | ${r.participants.toLocaleString('en')} × ${r.statements.toLocaleString('en')} | ${s(build)} | ${s(compute)} | **${s(total)}** | ${base.toFixed(1)} ms | ${(total / base).toFixed(0)}× | ${r.results[0]!.groups} | ${r.maxRssMb.toFixed(0)} MB |`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0) {
  const runsAt = process.argv.indexOf('--runs');
  child(Number(process.argv[childAt + 1]), Number(process.argv[runsAt + 1] ?? 3));
} else parent();
