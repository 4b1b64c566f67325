import { describe, expect, it } from 'vitest';
import { depthOf, descendantsOf, heightOf, placementProblem } from './category-tree.js';

// a ─ b ─ c      d ─ e      f
const TREE = [
  { id: 'a', parent_id: null },
  { id: 'b', parent_id: 'a' },
  { id: 'c', parent_id: 'b' },
  { id: 'd', parent_id: null },
  { id: 'e', parent_id: 'd' },
  { id: 'f', parent_id: null },
];

describe('category tree rules', () => {
  it('measures depth, height and descendants', () => {
    expect(depthOf(TREE, 'a')).toBe(1);
    expect(depthOf(TREE, 'c')).toBe(3);
    expect(heightOf(TREE, 'a')).toBe(3);
    expect(heightOf(TREE, 'c')).toBe(1);
    expect(descendantsOf(TREE, 'a')).toEqual(['b', 'c']);
    expect(descendantsOf(TREE, 'f')).toEqual([]);
  });

  it('refuses a move under itself or a descendant', () => {
    expect(placementProblem(TREE, 'a', 'a')).toBe('cycle');
    expect(placementProblem(TREE, 'a', 'c')).toBe('cycle');
    expect(placementProblem(TREE, 'b', 'c')).toBe('cycle');
  });

  it('refuses a tree deeper than three levels', () => {
    expect(placementProblem(TREE, 'd', 'b')).toBe('too_deep'); // d ─ e would sit at levels 3 and 4
    expect(placementProblem(TREE, 'f', 'c')).toBe('too_deep');
    expect(placementProblem(TREE, 'f', 'b')).toBeNull();
    expect(placementProblem(TREE, 'e', 'b')).toBeNull();
    expect(placementProblem(TREE, 'b', null)).toBeNull();
    expect(placementProblem(TREE, 'b', 'd')).toBeNull(); // b ─ c at levels 2 and 3
  });
});
