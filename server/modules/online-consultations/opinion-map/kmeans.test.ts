import { describe, expect, it } from 'vitest';
import { firstDistinct, kmeans, silhouette } from './kmeans.js';

describe('k-means from a given start', () => {
  it('iterates exactly: assign, re-centre, stop when no centre moves 0.01', () => {
    const points = { x: [0, 0, 10, 10], y: [0, 2, 0, 2] };
    const start = firstDistinct(points, 2);
    expect(start).toEqual({ cx: [0, 0], cy: [0, 2] });
    const r = kmeans(points, start);
    expect(Array.from(r.assignment)).toEqual([0, 1, 0, 1]);
    expect(r.cx).toEqual([5, 5]);
    expect(r.cy).toEqual([0, 2]);
    expect(r.sizes).toEqual([2, 2]);
    expect(r.iterations).toBe(2);
  });

  it('first distinct points skip repeats; empty clusters are dropped', () => {
    const points = { x: [1, 1, 2, 3], y: [1, 1, 2, 3] };
    expect(firstDistinct(points, 3)).toEqual({ cx: [1, 2, 3], cy: [1, 2, 3] });
    const r = kmeans(points, { cx: [1, 100, 3], cy: [1, 100, 3] });
    expect(r.cx.length).toBe(2);
    expect(r.sizes).toEqual([3, 1]);
    expect(r.cx[0]).toBeCloseTo(4 / 3, 12);
  });

  it('weights pull a centre to the weighted mean; ties go to the first centre', () => {
    const r = kmeans({ x: [0, 4], y: [0, 0], weight: [3, 1] }, { cx: [0], cy: [0] });
    expect(r.cx).toEqual([1]);
    const tie = kmeans({ x: [1], y: [0] }, { cx: [0, 2], cy: [0, 0] }, 1);
    expect(Array.from(tie.assignment)).toEqual([0]);
  });

  it('stops after the iteration limit', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i * i);
    const r = kmeans({ x: xs, y: xs.map(() => 0) }, { cx: [0, 1], cy: [0, 0] }, 1);
    expect(r.iterations).toBe(1);
  });
});

describe('silhouette', () => {
  it('is the mean of (b − a) ÷ max(a, b), exactly', () => {
    const points = { x: [0, 1, 10, 12], y: [0, 0, 0, 0] };
    const want = (10 / 11 + 9 / 10 + 7.5 / 9.5 + 9.5 / 11.5) / 4;
    expect(Math.abs(silhouette(points, [0, 0, 1, 1], 2) - want)).toBeLessThan(1e-12);
  });

  it('a point alone in its cluster scores 0; one cluster scores 0', () => {
    const points = { x: [0, 1, 10], y: [0, 0, 0] };
    const want = (1 - 1 / 10 + (1 - 1 / 9) + 0) / 3;
    expect(Math.abs(silhouette(points, [0, 0, 1], 2) - want)).toBeLessThan(1e-12);
    expect(silhouette(points, [0, 0, 0], 1)).toBe(0);
  });
});
