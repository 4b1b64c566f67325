/**
 * The opinion map of an online consultation (线上微协商), after the reference method in
 * ../shared/docs/OPINION_MAP.md: vote matrix in, map out. Pure — no database, no clock, no
 * randomness — so a recompute can run anywhere and every stage is testable on its own.
 * `faithful` follows the reference step by step; `improved` departs where docs/OPINION-MAP.md says.
 */
import { kmeans, firstDistinct, silhouette } from './kmeans.js';
import { centre, lanczosComponents, powerIterationComponents, project } from './pca.js';
import { compareWithRest, consensusStatements, groupInformedConsensus, representativeStatements, statementPriority, type GroupCounts } from './statistics.js';
import { statementCounts, votesPerParticipant } from './matrix.js';
import type { MapState, OpinionGroup, OpinionMap, OpinionMapInput, VoteMatrix } from './types.js';

export * from './types.js';
export { VoteMatrixBuilder, statementCounts, votesPerParticipant } from './matrix.js';
export { statementPriority, oneProportionZ, twoProportionZ, representativeStatements, consensusStatements, groupInformedConsensus, compareWithRest, Z_90 } from './statistics.js';
export { kmeans, firstDistinct, silhouette } from './kmeans.js';
export { centre, powerIterationComponents, lanczosComponents, project, jacobiEigen } from './pca.js';

export const MIN_VOTES_TO_GROUP = 7;
export const MIN_GROUPED = 15;
export const BASE_CLUSTERS = 100;
export const MAX_GROUPS = 5;
/** Updates in a row a new k must win before the map changes its number of groups. */
export const K_WINS_NEEDED = 4;

/** Who is grouped (§1): at least min(7, statements) votes, topped up with the most active voters to 15; once grouped, always. */
export function whoIsGrouped(m: VoteMatrix, previous?: readonly number[] | null): Uint8Array {
  const counts = votesPerParticipant(m);
  const need = Math.min(MIN_VOTES_TO_GROUP, m.statements);
  const grouped = new Uint8Array(m.participants);
  let n = 0;
  for (let i = 0; i < m.participants; i++)
    if (counts[i]! > 0 && counts[i]! >= need) {
      grouped[i] = 1;
      n++;
    }
  for (const i of previous ?? [])
    if (i < m.participants && !grouped[i]) {
      grouped[i] = 1;
      n++;
    }
  if (n < MIN_GROUPED) {
    const order = Array.from({ length: m.participants }, (_, i) => i)
      .filter((i) => !grouped[i] && counts[i]! > 0)
      .sort((a, b) => counts[b]! - counts[a]! || a - b);
    for (const i of order) {
      if (n >= MIN_GROUPED) break;
      grouped[i] = 1;
      n++;
    }
  }
  return grouped;
}

/** Groups from base clusters (§3): weighted k-means for k = 2 … min(5, 2 + ⌊base ÷ 12⌋), k by the best mean silhouette. */
export function groupBaseClusters(base: { cx: number[]; cy: number[]; sizes: number[] }) {
  const nb = base.cx.length;
  const points = { x: base.cx, y: base.cy, weight: base.sizes };
  if (nb < 2) return { k: nb, candidates: [] as { k: number; silhouette: number }[], assignment: new Int32Array(nb), cx: base.cx.slice(), cy: base.cy.slice(), byK: new Map<number, { assignment: Int32Array; cx: number[]; cy: number[] }>() };
  const maxK = Math.min(MAX_GROUPS, 2 + Math.floor(nb / 12), nb);
  const byK = new Map<number, { assignment: Int32Array; cx: number[]; cy: number[] }>();
  const candidates: { k: number; silhouette: number }[] = [];
  let best = -Infinity;
  let bestK = 2;
  for (let k = 2; k <= maxK; k++) {
    const result = kmeans(points, firstDistinct(points, k), 100);
    const s = silhouette(points, result.assignment, result.cx.length);
    byK.set(k, { assignment: result.assignment, cx: result.cx, cy: result.cy });
    candidates.push({ k, silhouette: s });
    if (s > best) {
      best = s;
      bestK = k;
    }
  }
  const chosen = byK.get(bestK)!;
  return { k: bestK, candidates, assignment: chosen.assignment, cx: chosen.cx, cy: chosen.cy, byK };
}

/** The k hysteresis of a live consultation: a new k replaces the current one only after winning K_WINS_NEEDED updates in a row. */
export function nextK(best: number, previous: MapState | null | undefined, available: ReadonlySet<number>): { k: number; candidateK: number; candidateWins: number } {
  if (!previous || !previous.k || !available.has(previous.k)) return { k: best, candidateK: best, candidateWins: 0 };
  if (best === previous.k) return { k: best, candidateK: best, candidateWins: 0 };
  const wins = previous.candidateK === best ? previous.candidateWins + 1 : 1;
  if (wins >= K_WINS_NEEDED) return { k: best, candidateK: best, candidateWins: 0 };
  return { k: previous.k, candidateK: best, candidateWins: wins };
}

export function computeOpinionMap(input: OpinionMapInput): OpinionMap {
  const m = input.matrix;
  const mode = input.mode ?? 'improved';
  const previous = input.previous ?? null;
  const modOut = new Uint8Array(m.statements);
  if (input.moderatedOut) for (let j = 0; j < m.statements; j++) modOut[j] = input.moderatedOut[j] ? 1 : 0;

  const all = statementCounts(m);
  const centred = centre(m, modOut);
  const components = mode === 'faithful' ? powerIterationComponents(centred) : lanczosComponents(centred);
  // A moderated-out column is zero, so its loading is zero (Lanczos leaves rounding dust there).
  for (let j = 0; j < m.statements; j++) if (modOut[j]) components[0][j] = components[1][j] = 0;
  if (mode === 'improved' && previous?.components) {
    // Keep the picture from flipping between updates: a component's sign follows the last one's.
    for (let c = 0; c < 2; c++) {
      const before = previous.components[c]!;
      let d = 0;
      for (let j = 0; j < Math.min(before.length, m.statements); j++) d += before[j]! * components[c]![j]!;
      if (d < 0) for (let j = 0; j < m.statements; j++) components[c]![j] = -components[c]![j]! || 0;
    }
  }
  const positions = project(centred, components);

  // Who is grouped, their base clusters, and the groups.
  const grouped = whoIsGrouped(m, previous?.grouped);
  const rows: number[] = [];
  for (let i = 0; i < m.participants; i++) if (grouped[i]) rows.push(i);
  const gx = rows.map((i) => positions.x[i]!);
  const gy = rows.map((i) => positions.y[i]!);
  const base = rows.length ? kmeans({ x: gx, y: gy }, firstDistinct({ x: gx, y: gy }, BASE_CLUSTERS), 100) : { cx: [], cy: [], sizes: [], assignment: new Int32Array(0), iterations: 0 };
  const clustering = groupBaseClusters(base);
  const hysteresis = nextK(clustering.k, previous, new Set([...clustering.byK.keys()]));
  const chosen = clustering.byK.get(hysteresis.k) ?? { assignment: clustering.assignment, cx: clustering.cx, cy: clustering.cy };

  const group = new Int32Array(m.participants).fill(-1);
  const members: number[][] = chosen.cx.map(() => []);
  rows.forEach((i, r) => {
    const g = chosen.assignment[base.assignment[r]!]!;
    group[i] = g;
    members[g]!.push(i);
  });

  // What sets each group apart, what bridges them.
  const groupCounts = members.map((list) => statementCounts(m, list));
  const groups: OpinionGroup[] = members.map((list, g) => {
    const own = groupCounts[g]!;
    const rest: GroupCounts = { agrees: new Int32Array(m.statements), disagrees: new Int32Array(m.statements), votes: new Int32Array(m.statements) };
    groupCounts.forEach((other, h) => {
      if (h === g) return;
      for (let s = 0; s < m.statements; s++) {
        (rest.agrees as Int32Array)[s]! += other.agrees[s]!;
        (rest.disagrees as Int32Array)[s]! += other.disagrees[s]!;
        (rest.votes as Int32Array)[s]! += other.votes[s]!;
      }
    });
    let sx = 0;
    let sy = 0;
    for (const i of list) {
      sx += positions.x[i]!;
      sy += positions.y[i]!;
    }
    return {
      id: g,
      members: list,
      centre: [list.length ? sx / list.length : 0, list.length ? sy / list.length : 0],
      representative: representativeStatements(compareWithRest(own, rest, m.statements), modOut),
      agrees: own.agrees,
      disagrees: own.disagrees,
      votes: own.votes,
    };
  });
  const priority = new Float64Array(m.statements);
  for (let s = 0; s < m.statements; s++) priority[s] = modOut[s] ? 0 : statementPriority(all.agrees[s]!, all.passes[s]!, all.votes[s]!, positions.extremity[s]!);

  const state: MapState = { grouped: rows, k: hysteresis.k, candidateK: hysteresis.candidateK, candidateWins: hysteresis.candidateWins };
  if (mode === 'improved') state.components = [Array.from(components[0]), Array.from(components[1])];
  return {
    mode,
    participants: m.participants,
    statements: m.statements,
    x: positions.x,
    y: positions.y,
    group,
    statementX: positions.statementX,
    statementY: positions.statementY,
    extremity: positions.extremity,
    agrees: all.agrees,
    disagrees: all.disagrees,
    passes: all.passes,
    votes: all.votes,
    groups,
    consensus: consensusStatements(all, m.statements, modOut),
    groupInformedConsensus: groupInformedConsensus(groupCounts, m.statements),
    priority,
    components,
    centre: centred.means,
    state,
  };
}
