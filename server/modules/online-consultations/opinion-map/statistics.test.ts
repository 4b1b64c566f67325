import { describe, expect, it } from 'vitest';
import { compareWithRest, consensusStatements, groupInformedConsensus, oneProportionZ, repnessMetric, representativeStatements, statementPriority, twoProportionZ } from './statistics.js';

describe('tests of proportions (OPINION_MAP.md §4 check values)', () => {
  it('one-proportion z', () => {
    expect(oneProportionZ(10, 20)).toBeCloseTo(0.218218, 6);
    expect(oneProportionZ(0, 0)).toBe(1);
  });

  it('two-proportion z, and 0 when the pooled share is 1', () => {
    expect(twoProportionZ(8, 2, 10, 10)).toBeCloseTo(2.569047, 6);
    expect(twoProportionZ(5, 5, 5, 5)).toBe(0);
  });

  it('shares, ratio and the ranking metric for na = 8, ns = 10 against na = 2, ns = 10', () => {
    const [st] = compareWithRest({ agrees: [8], disagrees: [0], votes: [10] }, { agrees: [2], disagrees: [0], votes: [10] }, 1);
    expect(st!.pa).toBe(0.75);
    expect(st!.ra).toBeCloseTo(3.0, 12);
    expect(repnessMetric(st!, 'agree')).toBeCloseTo(12.199898, 6);
  });
});

describe('statement priority (§6 check values)', () => {
  it.each([
    [1, 0, 1, 0, 12.529726],
    [20, 3, 20, 0, 1.372383],
    [18, 3, 20, 1, 4.493699],
  ])('(agrees %i, passes %i, votes %i, extremity %f) → %f', (a, p, v, e, want) => {
    expect(statementPriority(a, p, v, e)).toBeCloseTo(want, 6);
  });
});

// An independent reading of §4–5, written plainly from the document, to hold the module's
// results to 1e-9 on a given grouping.
function reference(groups: { a: number[]; d: number[]; n: number[] }[], g: number, s: number) {
  const z1 = (k: number, n: number) => 2 * Math.sqrt(n + 1) * ((k + 1) / (n + 1) - 0.5);
  const z2 = (k1: number, k2: number, n1: number, n2: number) => {
    const p1 = (k1 + 1) / (n1 + 1);
    const p2 = (k2 + 1) / (n2 + 1);
    const p = (k1 + k2 + 2) / (n1 + n2 + 2);
    return p === 1 ? 0 : (p1 - p2) / Math.sqrt(p * (1 - p) * (1 / (n1 + 1) + 1 / (n2 + 1)));
  };
  const own = groups[g]!;
  const others = groups.filter((_, h) => h !== g);
  const ra = others.reduce((t, o) => t + o.a[s]!, 0);
  const rd = others.reduce((t, o) => t + o.d[s]!, 0);
  const rn = others.reduce((t, o) => t + o.n[s]!, 0);
  const pa = (own.a[s]! + 1) / (own.n[s]! + 2);
  const pd = (own.d[s]! + 1) / (own.n[s]! + 2);
  const agree = { ratio: pa / ((ra + 1) / (rn + 2)), rz: z2(own.a[s]!, ra, own.n[s]!, rn), p: pa, pz: z1(own.a[s]!, own.n[s]!) };
  const disagree = { ratio: pd / ((rd + 1) / (rn + 2)), rz: z2(own.d[s]!, rd, own.n[s]!, rn), p: pd, pz: z1(own.d[s]!, own.n[s]!) };
  return { agree, disagree, metric: (x: typeof agree) => x.ratio * x.rz * x.p * x.pz };
}

describe('representativeness and consensus from a given grouping', () => {
  // Three groups, six statements: agree/disagree/votes per statement.
  const groups = [
    { a: [18, 2, 10, 9, 0, 12], d: [1, 15, 5, 1, 0, 2], n: [20, 20, 18, 12, 3, 20] },
    { a: [3, 14, 9, 10, 1, 11], d: [14, 2, 6, 0, 1, 3], n: [19, 18, 16, 11, 4, 18] },
    { a: [2, 1, 8, 12, 0, 10], d: [12, 11, 7, 1, 2, 4], n: [15, 15, 15, 13, 2, 16] },
  ];
  const counts = groups.map((x) => ({ agrees: x.a, disagrees: x.d, votes: x.n }));
  const restOf = (g: number) => {
    const sum = (k: 'a' | 'd' | 'n') => groups[0]![k].map((_, s) => groups.reduce((t, x, h) => t + (h === g ? 0 : x[k][s]!), 0));
    return { agrees: sum('a'), disagrees: sum('d'), votes: sum('n') };
  };

  it('every statistic agrees with a plain reading of the method to 1e-9', () => {
    for (let g = 0; g < 3; g++) {
      const stats = compareWithRest(counts[g]!, restOf(g), 6);
      for (let s = 0; s < 6; s++) {
        const ref = reference(groups, g, s);
        const st = stats[s]!;
        expect(Math.abs(st.ra - ref.agree.ratio)).toBeLessThan(1e-9);
        expect(Math.abs(st.rat - ref.agree.rz)).toBeLessThan(1e-9);
        expect(Math.abs(st.rdt - ref.disagree.rz)).toBeLessThan(1e-9);
        expect(Math.abs(repnessMetric(st, 'agree') - ref.metric(ref.agree))).toBeLessThan(1e-9);
        expect(Math.abs(repnessMetric(st, 'disagree') - ref.metric(ref.disagree))).toBeLessThan(1e-9);
      }
    }
  });

  it('selects significant statements, best agreed first, agrees before disagrees, ranked by the metric', () => {
    const chosen = representativeStatements(compareWithRest(counts[0]!, restOf(0), 6), undefined);
    // Group 0 agrees with statement 0 (others disagree) and disagrees with statement 1 (others agree).
    expect(chosen.map((c) => [c.statement, c.direction])).toEqual([
      [0, 'agree'],
      [1, 'disagree'],
    ]);
    const ref = reference(groups, 0, 0);
    expect(Math.abs(chosen[0]!.metric - ref.metric(ref.agree))).toBeLessThan(1e-9);
    // A statement moderated out is never reported.
    expect(representativeStatements(compareWithRest(counts[0]!, restOf(0), 6), [1, 0, 0, 0, 0, 0]).map((c) => c.statement)).toEqual([1]);
  });

  it('keeps at most five, the best agreed first even when a disagreement ranks higher', () => {
    const many = { agrees: [9, 0, 0, 0, 0, 0, 0], disagrees: [0, 10, 10, 10, 10, 10, 10], votes: [10, 10, 10, 10, 10, 10, 10] };
    const rest = { agrees: [1, 10, 10, 10, 10, 10, 10], disagrees: [9, 0, 0, 0, 0, 0, 0], votes: [10, 10, 10, 10, 10, 10, 10] };
    const chosen = representativeStatements(compareWithRest(many, rest, 7), undefined);
    expect(chosen).toHaveLength(5);
    expect(chosen[0]).toMatchObject({ statement: 0, direction: 'agree' });
    expect(chosen.slice(1).every((c) => c.direction === 'disagree')).toBe(true);
  });

  it('consensus over everyone: share > ½ and a significant z, ranked by share × z', () => {
    const all = {
      agrees: [30, 20, 5, 1, 40],
      disagrees: [2, 18, 30, 0, 1],
      votes: [35, 40, 36, 2, 45],
    };
    const c = consensusStatements(all, 5, undefined);
    expect(c.agree.map((x) => x.statement)).toEqual([4, 0]);
    expect(c.disagree.map((x) => x.statement)).toEqual([2]);
    expect(Math.abs(c.agree[0]!.share - 41 / 47)).toBeLessThan(1e-12);
    expect(Math.abs(c.agree[0]!.z - 2 * Math.sqrt(46) * (41 / 46 - 0.5))).toBeLessThan(1e-9);
    expect(consensusStatements(all, 5, [0, 0, 0, 0, 1]).agree.map((x) => x.statement)).toEqual([0]);
  });

  it('group-informed consensus is the product over groups of (agrees+1)/(votes+2)', () => {
    const gic = groupInformedConsensus(counts, 6);
    for (let s = 0; s < 6; s++) {
      const want = groups.reduce((p, x) => p * ((x.a[s]! + 1) / (x.n[s]! + 2)), 1);
      expect(Math.abs(gic[s]! - want)).toBeLessThan(1e-12);
    }
  });
});
