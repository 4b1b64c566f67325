import { describe, expect, it } from 'vitest';
import { VoteMatrixBuilder } from './matrix.js';
import { centre, lanczosComponents, powerIterationComponents, project } from './pca.js';
import { cosine, denseCentred, rightSingularVectors } from './svd.test-support.js';
import type { VoteMatrix } from './types.js';

function matrixOf(votes: (number | null)[][]): VoteMatrix {
  const b = new VoteMatrixBuilder();
  votes[0]!.forEach((_, j) => b.addStatement(j));
  votes.forEach((row, i) => row.forEach((v, j) => v !== null && b.add(i, j, v)));
  return b.build<number>().matrix;
}

function dense(c: ReturnType<typeof centre>): number[][] {
  const out = Array.from({ length: c.rows }, () => new Array<number>(c.cols).fill(0));
  for (let i = 0; i < c.rows; i++) for (let q = c.rowPtr[i]!; q < c.rowPtr[i + 1]!; q++) out[i]![c.colIdx[q]!] = c.values[q]!;
  return out;
}

/** A seeded random vote matrix with two camps and some passes and gaps. */
function randomVotes(rows: number, cols: number, seed: number): (number | null)[][] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      const r = rnd();
      if (r < 0.35) return null;
      if (r < 0.45) return 0;
      const leaning = (i % 2 === 0) === (j % 3 === 0) ? 0.8 : 0.3;
      return rnd() < leaning ? 1 : -1;
    }),
  );
}

describe('the vote matrix', () => {
  it('orders rows and columns by first appearance and lets a later vote replace an earlier one', () => {
    const b = new VoteMatrixBuilder();
    b.add('p2', 's9', 1);
    b.add('p1', 's3', -1);
    b.add('p2', 's3', 0);
    b.add('p2', 's9', -1);
    const { matrix, participantIds, statementIds } = b.build();
    expect(participantIds).toEqual(['p2', 'p1']);
    expect(statementIds).toEqual(['s9', 's3']);
    expect(Array.from(matrix.rowPtr)).toEqual([0, 2, 3]);
    expect(Array.from(matrix.cols)).toEqual([0, 1, 1]);
    expect(Array.from(matrix.vals)).toEqual([-1, 0, -1]);
    expect(() => b.add('p1', 's1', 2)).toThrow(RangeError);
  });
});

describe('imputation and centring', () => {
  it('fills empty cells with the column mean and centres the columns, exactly', () => {
    const votes = [
      [1, -1, null],
      [1, null, 0],
      [-1, 1, 1],
    ];
    const c = centre(matrixOf(votes), new Uint8Array(3));
    expect(Array.from(c.means)).toEqual([1 / 3, 0, 0.5]);
    expect(dense(c)).toEqual([
      [1 - 1 / 3, -1, 0],
      [1 - 1 / 3, 0, -0.5],
      [-1 - 1 / 3, 1, 0.5],
    ]);
  });

  it('a moderated-out column is 0 for everyone, and counts as voted on in the scaling', () => {
    const c = centre(matrixOf([[1, -1], [1, 1], [null, 1]]), Uint8Array.from([0, 1]));
    expect(dense(c)).toEqual([[0, 0], [0, 0], [0, 0]]);
    expect(Array.from(c.votedForScale)).toEqual([2, 2, 1]);
  });
});

describe('components against an exact SVD', () => {
  for (const [rows, cols, seed] of [
    [30, 5, 5],
    [60, 12, 1],
    [240, 40, 7],
  ] as const) {
    it(`${rows} × ${cols}: both modes give the two leading right singular vectors (|cos| ≥ 1 − 1e-9)`, () => {
      const votes = randomVotes(rows, cols, seed);
      const exact = rightSingularVectors(denseCentred(votes), cols);
      const c = centre(matrixOf(votes), new Uint8Array(cols));
      const improved = lanczosComponents(c);
      for (let k = 0; k < 2; k++) expect(Math.abs(cosine(improved[k]!, exact.vectors[k]!))).toBeGreaterThanOrEqual(1 - 1e-9);
      // The faithful mode's 100 power steps stop short here: the second and third singular values lie
      // close (the improved mode's reason to exist); on the real conversations they converge (polis.test.ts).
      const faithful = powerIterationComponents(c);
      expect(Math.abs(cosine(faithful[0]!, exact.vectors[0]!))).toBeGreaterThan(0.99);
    });
  }

  it('the sign convention makes the largest-magnitude loading positive', () => {
    const c = centre(matrixOf(randomVotes(50, 10, 3)), new Uint8Array(10));
    for (const comp of [...lanczosComponents(c), ...powerIterationComponents(c)]) {
      const big = comp.reduce((best, x, j) => (Math.abs(x) > Math.abs(comp[best]!) ? j : best), 0);
      expect(comp[big]).toBeGreaterThan(0);
    }
  });

  it('a one-statement and an empty matrix give zero second components, not NaN', () => {
    const c = centre(matrixOf([[1], [-1], [1]]), new Uint8Array(1));
    const [a, b] = lanczosComponents(c);
    expect(Array.from(a)).toEqual([1]);
    expect(Array.from(b)).toEqual([0]);
    const flat = centre(matrixOf([[1, 1], [1, 1]]), new Uint8Array(2));
    expect(powerIterationComponents(flat).flatMap((x) => Array.from(x)).every((x) => x === 0)).toBe(true);
    expect(lanczosComponents(flat).flatMap((x) => Array.from(x)).every((x) => x === 0)).toBe(true);
  });
});

describe('projection', () => {
  it('a participant: Σ (vote − mean) × loading over their votes, × √(statements ÷ their votes); a statement: a lone agreement', () => {
    const votes = randomVotes(40, 9, 11);
    const c = centre(matrixOf(votes), new Uint8Array(9));
    const comps = lanczosComponents(c);
    const p = project(c, comps);
    const means = Array.from({ length: 9 }, (_, j) => {
      const present = votes.map((r) => r[j]).filter((x): x is number => x !== null);
      return present.reduce((t, x) => t + x, 0) / present.length;
    });
    votes.forEach((row, i) => {
      const voted = row.filter((x) => x !== null).length;
      const scale = Math.sqrt(9 / Math.max(voted, 1));
      const want = [0, 1].map((k) => scale * row.reduce<number>((t, x, j) => (x === null ? t : t + (x - means[j]!) * comps[k]![j]!), 0));
      expect(Math.abs(p.x[i]! - want[0]!)).toBeLessThan(1e-12);
      expect(Math.abs(p.y[i]! - want[1]!)).toBeLessThan(1e-12);
    });
    for (let j = 0; j < 9; j++) {
      expect(Math.abs(p.statementX[j]! - (1 - means[j]!) * comps[0][j]! * 3)).toBeLessThan(1e-12);
      expect(Math.abs(p.extremity[j]! - Math.hypot(p.statementX[j]!, p.statementY[j]!))).toBeLessThan(1e-15);
    }
  });
});
