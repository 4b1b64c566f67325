import { describe, expect, it } from 'vitest';
import { searchClauses } from './search-terms.js';
import { bigrams, foldText } from './tokenize.js';

const render = (text: string) => searchClauses(text).map((c) => c.map((t) => `${t.token}${t.prefix ? '*' : ''}`).join('|'));

/** Whether a document satisfies the clauses, the way the index evaluates them. */
function matches(query: string, doc: string): boolean {
  const tokens = bigrams(foldText(doc));
  return searchClauses(query).every((c) => c.some((t) => tokens.some((d) => (t.prefix ? d.startsWith(t.token) : d === t.token))));
}

describe('search clauses over bigram tokens', () => {
  it('needs the outer pairs of a Chinese run and covers each inner character, without the spurious middle pair', () => {
    expect(render('垃圾清理')).toEqual(['垃圾', '清理']);
    expect(render('公交站台')).toEqual(['公交', '站台']);
    expect(render('公交站台破损')).toEqual(['公交', '破损', '交站|站台', '站台|台破']);
    expect(render('噪音')).toEqual(['噪音']);
  });

  it('finds 垃圾三天没人清理 for 垃圾清理, and Simplified records for Traditional input', () => {
    expect(matches('垃圾清理', '文三路人行道上的垃圾三天没人清理了')).toBe(true);
    expect(matches('站臺破損', '北山街道公交车站台破损')).toBe(true);
    expect(matches('垃圾清理', '垃圾桶满了')).toBe(false);
  });

  it('matches single characters and latin or digit words as prefixes; separate words all count', () => {
    expect(render('路 K1')).toEqual(['路*', 'k1*']);
    expect(render('噪音 夜间')).toEqual(['噪音', '夜间']);
    expect(matches('k1 路', 'k12路公交')).toBe(true);
  });

  it('drops everything that is not a character, letter or digit, so no search syntax survives', () => {
    for (const hostile of ['"', '*', 'NEAR(', '-', '()', "'; drop table appeal; --", '"a" OR "b"', '\\', '::*&|!']) {
      for (const clause of searchClauses(hostile)) for (const t of clause) expect(t.token).toMatch(/^[\p{Script=Han}a-z0-9]+$/u);
    }
    expect(searchClauses('*** ""')).toEqual([]);
    expect(render('NEAR(垃圾)')).toEqual(['near*', '垃圾']);
  });

  it('keeps a long query to a bounded number of clauses', () => {
    expect(searchClauses('公交站台破损积水严重老人候车不便'.repeat(10)).length).toBeLessThanOrEqual(24);
  });
});
