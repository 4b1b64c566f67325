import type { ConsensusStatement, Direction, RepresentativeStatement } from './types.js';

/** One-sided 90 %: the threshold every test in the method uses. */
export const Z_90 = 1.2816;

/** One-proportion test of s successes in n trials (with one added to each): 2·√(n+1)·((s+1)/(n+1) − ½). */
export function oneProportionZ(successes: number, n: number): number {
  return 2 * Math.sqrt(n + 1) * ((successes + 1) / (n + 1) - 0.5);
}

/** Two-proportion test of a group (s1 of n1) against the rest (s2 of n2), one added to each count; 0 when the pooled share is 1. */
export function twoProportionZ(s1: number, s2: number, n1: number, n2: number): number {
  const a = s1 + 1;
  const b = s2 + 1;
  const p = n1 + 1;
  const q = n2 + 1;
  const pooled = (a + b) / (p + q);
  if (pooled === 1) return 0;
  return (a / p - b / q) / Math.sqrt(pooled * (1 - pooled) * (1 / p + 1 / q));
}

/** Smoothed share (n+1)/(votes+2). */
export const share = (n: number, votes: number) => (n + 1) / (votes + 2);

export interface GroupCounts {
  agrees: ArrayLike<number>;
  disagrees: ArrayLike<number>;
  votes: ArrayLike<number>;
}

export interface StatementStats {
  statement: number;
  na: number;
  nd: number;
  ns: number;
  pa: number;
  pd: number;
  pat: number;
  pdt: number;
  ra: number;
  rd: number;
  rat: number;
  rdt: number;
}

/** Every statement's comparison of a group against the rest (OPINION_MAP.md §4). */
export function compareWithRest(group: GroupCounts, rest: GroupCounts, statements: number): StatementStats[] {
  const out: StatementStats[] = [];
  for (let s = 0; s < statements; s++) {
    const na = group.agrees[s]!;
    const nd = group.disagrees[s]!;
    const ns = group.votes[s]!;
    const ra_ = rest.agrees[s]!;
    const rd_ = rest.disagrees[s]!;
    const rs = rest.votes[s]!;
    const pa = share(na, ns);
    const pd = share(nd, ns);
    out.push({
      statement: s,
      na,
      nd,
      ns,
      pa,
      pd,
      pat: oneProportionZ(na, ns),
      pdt: oneProportionZ(nd, ns),
      ra: pa / share(ra_, rs),
      rd: pd / share(rd_, rs),
      rat: twoProportionZ(na, ra_, ns, rs),
      rdt: twoProportionZ(nd, rd_, ns, rs),
    });
  }
  return out;
}

/** ratio × its z × share × its z, for the direction given. */
export function repnessMetric(st: StatementStats, direction: Direction): number {
  return direction === 'agree' ? st.ra * st.rat * st.pa * st.pat : st.rd * st.rdt * st.pd * st.pdt;
}

const significant = (z: number) => z > Z_90;

function present(st: StatementStats, direction: Direction): RepresentativeStatement {
  const agree = direction === 'agree';
  return {
    statement: st.statement,
    direction,
    count: agree ? st.na : st.nd,
    votes: st.ns,
    share: agree ? st.pa : st.pd,
    ratio: agree ? st.ra : st.rd,
    shareZ: agree ? st.pat : st.pdt,
    ratioZ: agree ? st.rat : st.rdt,
    metric: repnessMetric(st, direction),
  };
}

/**
 * The statements that set a group apart: both agree tests or both disagree tests significant;
 * reported as agree when the agree two-proportion z exceeds the disagree one; ranked by the
 * metric; top `limit` with the group's best agreed statement first and agrees before disagrees.
 */
export function representativeStatements(stats: StatementStats[], excluded: ArrayLike<boolean | number> | undefined, limit = 5): RepresentativeStatement[] {
  const candidates: RepresentativeStatement[] = [];
  let bestAgree: RepresentativeStatement | null = null;
  for (const st of stats) {
    if (excluded?.[st.statement]) continue;
    const agreeOk = significant(st.pat) && significant(st.rat);
    const disagreeOk = significant(st.pdt) && significant(st.rdt);
    if (agreeOk) {
      const a = present(st, 'agree');
      if (!bestAgree || a.metric > bestAgree.metric) bestAgree = a;
    }
    if (!agreeOk && !disagreeOk) continue;
    candidates.push(present(st, st.rat > st.rdt ? 'agree' : 'disagree'));
  }
  candidates.sort((a, b) => b.metric - a.metric || a.statement - b.statement);
  const chosen: RepresentativeStatement[] = [];
  if (bestAgree) chosen.push(bestAgree);
  for (const c of candidates) {
    if (chosen.length >= limit) break;
    if (bestAgree && c.statement === bestAgree.statement) continue;
    chosen.push(c);
  }
  // Agrees before disagrees, the order otherwise kept (the best agreed statement stays first).
  return [...chosen.filter((c) => c.direction === 'agree'), ...chosen.filter((c) => c.direction === 'disagree')];
}

/**
 * What everyone shares (OPINION_MAP.md §5): statements whose smoothed agree (disagree) share
 * over all participants exceeds ½ with a significant one-proportion z; ranked by share × z.
 */
export function consensusStatements(all: GroupCounts, statements: number, excluded: ArrayLike<boolean | number> | undefined, limit = 5) {
  const pick = (direction: Direction): ConsensusStatement[] => {
    const out: ConsensusStatement[] = [];
    for (let s = 0; s < statements; s++) {
      if (excluded?.[s]) continue;
      const n = direction === 'agree' ? all.agrees[s]! : all.disagrees[s]!;
      const p = share(n, all.votes[s]!);
      const z = oneProportionZ(n, all.votes[s]!);
      if (p > 0.5 && significant(z)) out.push({ statement: s, share: p, z });
    }
    return out.sort((a, b) => b.share * b.z - a.share * a.z || a.statement - b.statement).slice(0, limit);
  };
  return { agree: pick('agree'), disagree: pick('disagree') };
}

/** Group-informed consensus: the product over groups of (agrees+1)/(votes+2). */
export function groupInformedConsensus(groups: GroupCounts[], statements: number): Float64Array {
  const out = new Float64Array(statements);
  for (let s = 0; s < statements; s++) {
    let p = groups.length ? 1 : 0;
    for (const g of groups) p *= share(g.agrees[s]!, g.votes[s]!);
    out[s] = p;
  }
  return out;
}

/**
 * The weight of a statement for the next one shown (OPINION_MAP.md §6):
 * importance = (1 − (passes+1)/(votes+2)) · (extremity+1) · (agrees+1)/(votes+2);
 * priority = (importance · (1 + 8·2^(−votes/5)))².
 */
export function statementPriority(agrees: number, passes: number, votes: number, extremity: number): number {
  const importance = (1 - share(passes, votes)) * (extremity + 1) * share(agrees, votes);
  return (importance * (1 + 8 * 2 ** (-votes / 5))) ** 2;
}
