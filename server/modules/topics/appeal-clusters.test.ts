import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterAppeals, seriesOf, trendOf, type ClusterInput } from './appeal-clusters.js';

// The labelled set of the tokenizer study: 24 concerns, each reported by three people (some in
// Traditional characters); neighbouring groups share topics in other places.
const groups = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../bench/data/appeal-duplicates.json'), 'utf8')) as { groups: string[][] }).groups;

function inputs(): ClusterInput[] {
  return groups.flatMap((texts, g) =>
    texts.map((text, k) => ({
      id: `g${String(g).padStart(2, '0')}-${k}`,
      text,
      categoryId: 'same-category',
      territoryCode: '330106002051',
      createdAt: new Date(Date.UTC(2026, 9, 1 + ((g * 3 + k) % 28))).toISOString(),
    })),
  );
}

/** Pairs of appeals put together that belong together, and pairs that belong together at all. */
function pairScores(clusters: { appealIds: string[] }[]) {
  let together = 0;
  let right = 0;
  for (const c of clusters)
    for (let i = 0; i < c.appealIds.length; i++)
      for (let j = i + 1; j < c.appealIds.length; j++) {
        together += 1;
        if ((c.appealIds[i] as string).slice(0, 3) === (c.appealIds[j] as string).slice(0, 3)) right += 1;
      }
  const truePairs = groups.reduce((n, g) => n + (g.length * (g.length - 1)) / 2, 0);
  return { precision: together ? right / together : 0, recall: right / truePairs };
}

describe('clustering appeals into candidate topics', () => {
  it('recovers the labelled concerns from text alone (same category and place for all)', () => {
    const clusters = clusterAppeals(inputs(), { minSize: 1 });
    const { precision, recall } = pairScores(clusters);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('does not depend on input order, and is deterministic', () => {
    const a = clusterAppeals(inputs());
    const b = clusterAppeals([...inputs()].reverse());
    expect(b).toEqual(a);
  });

  it('reports size, samples, key terms, leading category and town, series and trend', () => {
    const clusters = clusterAppeals(inputs(), { period: { from: '2026-10-01T00:00:00Z', to: '2026-10-29T00:00:00Z' } });
    const top = clusters[0]!;
    expect(top.size).toBe(top.appealIds.length);
    expect(top.sampleIds.every((id) => top.appealIds.includes(id))).toBe(true);
    expect(top.keyTerms.length).toBeGreaterThan(0);
    expect(top.category).toEqual({ id: 'same-category', count: top.size });
    expect(top.town.code).toBe('330106002');
    expect(top.series.reduce((a, b) => a + b, 0)).toBe(top.size);
    expect(clusters.every((c) => c.size >= 2)).toBe(true);
  });

  it('slices a period into eight and calls the trend', () => {
    const from = Date.parse('2026-10-01T00:00:00Z');
    const to = Date.parse('2026-10-09T00:00:00Z');
    expect(seriesOf(['2026-10-01T01:00:00Z', '2026-10-08T23:00:00Z', '2026-10-08T22:00:00Z'], [from, to])).toEqual([1, 0, 0, 0, 0, 0, 0, 2]);
    expect(trendOf([0, 0, 1, 0, 1, 2, 3, 2])).toBe('rising');
    expect(trendOf([3, 2, 2, 1, 0, 1, 0, 0])).toBe('falling');
    expect(trendOf([1, 1, 1, 1, 1, 1, 1, 1])).toBe('steady');
    expect(trendOf([0, 0, 0, 0, 0, 0, 0, 1])).toBe('steady');
  });

  it('handles no appeals, one appeal, and hostile text', () => {
    expect(clusterAppeals([])).toEqual([]);
    const one = clusterAppeals([{ id: 'x', text: '<script>alert(1)</script> 𣵦 http://spam.example', categoryId: 'c', territoryCode: '330106002051', createdAt: '2026-10-01T00:00:00Z' }], { minSize: 1 });
    expect(one).toHaveLength(1);
    expect(one[0]!.appealIds).toEqual(['x']);
  });
});
