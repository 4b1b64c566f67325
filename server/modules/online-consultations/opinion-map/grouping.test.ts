import { describe, expect, it } from 'vitest';
import { computeOpinionMap, groupBaseClusters, nextK, VoteMatrixBuilder, whoIsGrouped } from './index.js';

function build(rows: number[][]) {
  const b = new VoteMatrixBuilder();
  rows[0]!.forEach((_, j) => b.addStatement(j));
  rows.forEach((r, i) => r.forEach((v, j) => v !== 9 && b.add(i, j, v)));
  return b.build<number>().matrix;
}

/** Two camps of voters on ten statements: camp A agrees with 0–4 and rejects 5–8; camp B the reverse; everyone agrees with 9. */
function camps(perCamp: number) {
  const rows: number[][] = [];
  for (let i = 0; i < perCamp * 2; i++) {
    const a = i % 2 === 0;
    rows.push(Array.from({ length: 10 }, (_, j) => (j === 9 ? 1 : j < 5 === a ? 1 : (i + j) % 7 === 0 ? 0 : -1)));
  }
  return rows;
}

describe('who is grouped', () => {
  it('at least min(7, statements) votes; topped up to 15 with the most active; once grouped, always', () => {
    // 20 statements; 16 voters with 7 votes, 4 with 3.
    const rows = Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 }, (_, j) => (j < (i < 16 ? 7 : 3) ? 1 : 9)));
    const m = build(rows);
    expect(Array.from(whoIsGrouped(m)).filter(Boolean).length).toBe(16);
    expect(whoIsGrouped(m, [18])[18]).toBe(1);
    // Only 10 qualify: the 5 most active of the rest join (ties by order).
    const few = build(Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 }, (_, j) => (j < (i < 10 ? 7 : i < 12 ? 5 : 2) ? -1 : 9))));
    const g = whoIsGrouped(few);
    expect(Array.from(g)).toEqual([...Array(15).fill(1), ...Array(5).fill(0)]);
    // With three statements, three votes qualify.
    expect(Array.from(whoIsGrouped(build([[1, 1, 1], [1, 1, 9]]))).slice(0, 1)).toEqual([1]);
  });
});

describe('groups', () => {
  it('k runs from 2 to min(5, 2 + ⌊base clusters ÷ 12⌋) and the best silhouette wins', () => {
    const base = { cx: [0, 0.1, 0.2, 10, 10.1, 10.2], cy: [0, 0, 0, 0, 0, 0], sizes: [1, 1, 1, 1, 1, 1] };
    const r = groupBaseClusters(base);
    expect(r.candidates.map((c) => c.k)).toEqual([2]);
    expect(r.k).toBe(2);
    const many = { cx: Array.from({ length: 36 }, (_, i) => (i % 3) * 10 + i * 0.001), cy: Array(36).fill(0), sizes: Array(36).fill(1) };
    const three = groupBaseClusters(many);
    expect(three.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5]);
    expect(three.k).toBe(3);
  });

  it('a new k replaces the current one only after winning four updates in a row', () => {
    const all = new Set([2, 3, 4]);
    let state = { grouped: [], k: 2, candidateK: 2, candidateWins: 0 };
    const seen: number[] = [];
    for (const best of [3, 3, 3, 4, 3, 3, 3, 3, 3]) {
      const r = nextK(best, state, all);
      state = { ...state, ...r };
      seen.push(r.k);
    }
    expect(seen).toEqual([2, 2, 2, 2, 2, 2, 2, 3, 3]);
    expect(nextK(4, null, all).k).toBe(4);
  });

  it('two camps become two groups; what sets each apart and what all share come out', () => {
    const map = computeOpinionMap({ matrix: build(camps(20)), mode: 'improved' });
    expect(map.groups).toHaveLength(2);
    const [g0, g1] = map.groups;
    expect(g0!.members.length + g1!.members.length).toBe(40);
    const campOf = (g: typeof g0) => new Set(g!.members.map((i) => i % 2));
    expect(campOf(g0).size).toBe(1);
    expect(campOf(g1).size).toBe(1);
    for (const g of map.groups) {
      expect(g.representative.length).toBeGreaterThan(0);
      expect(g.representative.every((r) => r.statement !== 9)).toBe(true);
    }
    expect(map.consensus.agree.map((c) => c.statement)).toEqual([9]);
    // Statement 9 bridges the groups: the highest group-informed consensus.
    expect(Array.from(map.groupInformedConsensus).indexOf(Math.max(...map.groupInformedConsensus))).toBe(9);
    expect(map.priority.every((p) => p > 0)).toBe(true);
  });

  it('a moderated-out statement is neither projected, reported nor shown next; its raw counts stay', () => {
    const map = computeOpinionMap({ matrix: build(camps(20)), moderatedOut: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(map.components[0][0]).toBe(0);
    expect(map.priority[0]).toBe(0);
    expect(map.groups.flatMap((g) => g.representative).some((r) => r.statement === 0)).toBe(false);
    expect(map.votes[0]).toBe(40);
  });

  it('live: the state keeps participants grouped and the components’ signs steady', () => {
    const first = computeOpinionMap({ matrix: build(camps(20)) });
    const fewer = camps(20).map((r, i) => (i === 3 ? r.map((v, j) => (j < 2 ? v : 9)) : r));
    const second = computeOpinionMap({ matrix: build(fewer), previous: first.state });
    expect(second.group[3]).toBeGreaterThanOrEqual(0);
    expect(computeOpinionMap({ matrix: build(fewer) }).group[3]).toBe(-1);
    const flipped = { ...first.state, components: first.state.components!.map((c) => c.map((x) => -x)) as [number[], number[]] };
    const third = computeOpinionMap({ matrix: build(camps(20)), previous: flipped });
    expect(third.components[0][0]).toBeCloseTo(-first.components[0][0]!, 12);
    expect(JSON.parse(JSON.stringify(third.state))).toEqual(third.state);
  });

  it('an empty consultation and a single voter give a map without groups, not an error', () => {
    const empty = computeOpinionMap({ matrix: new VoteMatrixBuilder().build().matrix });
    expect(empty.groups).toEqual([]);
    const one = computeOpinionMap({ matrix: build([[1, -1, 0]]) });
    expect(one.groups.length).toBeLessThanOrEqual(1);
    expect(Number.isFinite(one.x[0]!)).toBe(true);
  });
});
