import { describe, expect, it } from 'vitest';
import type { OpinionMapView } from '../../api/types.js';
import { MAP_HEIGHT, MAP_WIDTH, percent, scaler } from './map-numbers.js';
import { candidates } from './promotable.js';

const EMPTY: OpinionMapView = { version: 1, computedAt: null, participants: 0, grouped: 0, votes: 0, groups: [], consensus: { agree: [], disagree: [] }, statements: [], points: [], me: null };

const statement = (id: string, seq: number, agree: number, disagree: number, gic: number, meta = false) => ({
  id,
  seq,
  text: `观点${seq}<script>`,
  meta,
  agree,
  disagree,
  pass: 0,
  votes: agree + disagree,
  groupInformedConsensus: gic,
  x: 0,
  y: 0,
  perGroup: [],
});

describe('opinion map numbers', () => {
  it('gives whole percentages, 0 when nobody voted', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
  });

  it('fits every point inside the picture with one scale for both axes, y up', () => {
    const map = { ...EMPTY, points: [[-2, 1, 0], [2, -1, 1], [0, 0, -1]] as [number, number, number][], me: { x: 1, y: 0.5, group: 0 } };
    const at = scaler(map);
    for (const [x, y] of [...map.points.map(([x, y]) => [x, y] as const), [1, 0.5] as const]) {
      const [px, py] = at(x, y);
      expect(px).toBeGreaterThanOrEqual(0);
      expect(px).toBeLessThanOrEqual(MAP_WIDTH);
      expect(py).toBeGreaterThanOrEqual(0);
      expect(py).toBeLessThanOrEqual(MAP_HEIGHT);
    }
    const [ax, ay] = at(-2, 1);
    const [bx, by] = at(2, -1);
    expect(ay).toBeLessThan(by); // higher y is higher on screen
    expect((bx - ax) / 4).toBeCloseTo((by - ay) / 2); // same scale on both axes
  });

  it('draws a map of one point (or none) without dividing by zero', () => {
    expect(scaler(EMPTY)(0, 0).every(Number.isFinite)).toBe(true);
    expect(scaler({ ...EMPTY, points: [[0.5, 0.5, 0]] })(0.5, 0.5).every(Number.isFinite)).toBe(true);
  });
});

describe('statements an organiser may promote', () => {
  it('lists common ground first, then at most five bridges by group-informed consensus, never meta or disputed ones twice', () => {
    const map: OpinionMapView = {
      ...EMPTY,
      consensus: { agree: [{ statementId: 'c', seq: 3, text: '共识', agreePercent: 90, votes: 10 }], disagree: [] },
      statements: [
        statement('c', 3, 9, 1, 0.9),
        statement('m', 4, 9, 0, 0.95, true),
        statement('d', 5, 2, 8, 0.8),
        ...[10, 11, 12, 13, 14, 15].map((seq) => statement(`b${seq}`, seq, 6, 4, seq / 100)),
      ],
    };
    const out = candidates(map);
    expect(out.map((c) => c.statementId)).toEqual(['c', 'b15', 'b14', 'b13', 'b12', 'b11']);
    expect(out[0]).toMatchObject({ why: 'consensus', agreePercent: 90 });
    expect(out[1]).toMatchObject({ why: 'bridging', agreePercent: 60, text: '观点15<script>' });
  });
});
