import { describe, expect, it } from 'vitest';
import { aggregateAppealStats, bucketOf, topLevelOf } from './appeal-stats.js';

const cats = [
  { id: 't', parent_id: null, code: 'traffic', name_zh: '交通出行', name_en: 'Traffic' },
  { id: 'b', parent_id: 't', code: 'traffic.bus', name_zh: '公交', name_en: 'Buses' },
  { id: 's', parent_id: 'b', code: 'traffic.bus.stop', name_zh: '站台', name_en: 'Stops' },
  { id: 'e', parent_id: null, code: 'env', name_zh: '环境', name_en: 'Environment' },
];

describe('appeal statistics for open data', () => {
  it('buckets states and leaves merged duplicates out', () => {
    expect(['registered', 'signed', 'replied'].map(bucketOf)).toEqual(['open', 'open', 'open']);
    expect(['awaiting_feedback', 'rated'].map(bucketOf)).toEqual(['answered', 'answered']);
    expect(['closed', 'archived'].map(bucketOf)).toEqual(['closed', 'closed']);
    expect(bucketOf('merged')).toBeNull();
  });

  it('rolls categories up to the top level', () => {
    const top = topLevelOf(cats);
    expect(top.get('s')!.code).toBe('traffic');
    expect(top.get('e')!.code).toBe('env');
  });

  it('sums into cells and suppresses cells below three', () => {
    const rows = [
      { month: '2026-11', town: '330106002', category_id: 'b', state: 'closed', n: 2 },
      { month: '2026-11', town: '330106002', category_id: 's', state: 'archived', n: 1 },
      { month: '2026-11', town: '330106002', category_id: 'e', state: 'signed', n: 2 },
      { month: '2026-11', town: '330106002', category_id: 'e', state: 'merged', n: 9 },
      { month: '2026-10', town: '330106004', category_id: 't', state: 'rated', n: 7 },
    ];
    const cells = aggregateAppealStats(rows, cats, new Map([['330106002', '北山街道']]));
    expect(cells).toEqual([
      { month: '2026-10', townCode: '330106004', townName: null, categoryCode: 'traffic', category: '交通出行', categoryEn: 'Traffic', stateBucket: 'answered', count: 7, suppressed: false },
      { month: '2026-11', townCode: '330106002', townName: '北山街道', categoryCode: 'env', category: '环境', categoryEn: 'Environment', stateBucket: 'open', count: null, suppressed: true },
      { month: '2026-11', townCode: '330106002', townName: '北山街道', categoryCode: 'traffic', category: '交通出行', categoryEn: 'Traffic', stateBucket: 'closed', count: 3, suppressed: false },
    ]);
  });
});
