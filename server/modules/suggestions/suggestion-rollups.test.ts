import { describe, expect, it } from 'vitest';
import { rollUp, type RollupInput } from './suggestion-rollups.js';

const item = (p: Partial<RollupInput>): RollupInput => ({ state: 'proposed', decision: null, assigned: false, replied: false, implemented: false, progress: 0, ratings: [], ...p });

describe('suggestion roll-ups (pure)', () => {
  it('has no rates for nothing', () => {
    expect(rollUp([])).toEqual({
      suggestions: 0, decided: 0, adopted: 0, adoptionRate: null, assigned: 0, replied: 0, implemented: 0, implementationRate: null, averageProgress: null, ratings: 0, satisfaction: null,
    });
  });

  it('counts adoption over decided, implementation over assigned, satisfaction over ratings', () => {
    const r = rollUp([
      item({ state: 'closed', decision: 'adopted', assigned: true, replied: true, implemented: true, progress: 100, ratings: ['satisfied', 'unsatisfied'] }),
      item({ state: 'replied', decision: 'partly_adopted', assigned: true, replied: true, progress: 40, ratings: ['basically_satisfied'] }),
      item({ state: 'decided', decision: 'not_adopted' }),
      item({ state: 'decided', decision: 'reference' }),
      item({ state: 'proposed' }),
      item({ state: 'merged', decision: 'adopted', assigned: true, ratings: ['unsatisfied'] }),
    ]);
    expect(r).toEqual({
      suggestions: 5, decided: 4, adopted: 2, adoptionRate: 0.5, assigned: 2, replied: 2, implemented: 1, implementationRate: 0.5, averageProgress: 70, ratings: 3, satisfaction: 0.667,
    });
  });

  it('rounds rates to three places (484 of 673 is 71.9 %)', () => {
    const items = Array.from({ length: 673 }, (_, i) => item({ state: 'decided', decision: i < 484 ? 'adopted' : 'not_adopted' }));
    expect(rollUp(items).adoptionRate).toBe(0.719);
  });
});
