import { describe, expect, it } from 'vitest';
import { evaluateTokenizers } from '../../../bench/segmentation-eval.js';
import { bigrams, foldText, tokenize } from './tokenize.js';
import { cosine, cosineScores, idfOf, logTf, vectorOf } from './similarity.js';

describe('Chinese text for similarity', () => {
  it('folds Traditional to Simplified, full-width to half-width, and case', () => {
    expect(foldText('覆蓋面 公車站臺 ＡＢＣ１２３')).toBe('覆盖面 公车站台 abc123');
  });

  it('makes character bigrams of Chinese runs and keeps latin words and numbers whole', () => {
    expect(bigrams('双浦镇公交 k12路')).toEqual(['双浦', '浦镇', '镇公', '公交', 'k12', '路']);
    expect(tokenize('張𣵦')).toEqual(['张𣵦']);
  });

  it('cosine of TF-IDF vectors: identical is 1, disjoint is 0', () => {
    const docs = [tokenize('公交站台破损'), tokenize('广场舞噪音扰民')];
    const idf = idfOf(docs);
    expect(cosine(vectorOf(docs[0]!, idf), vectorOf(docs[0]!, idf))).toBeCloseTo(1, 10);
    expect(cosine(vectorOf(docs[0]!, idf), vectorOf(docs[1]!, idf))).toBe(0);
  });

  it('cosineScores gives the figures of idfOf + vectorOf + cosine', () => {
    const docs = ['公交站台破损积水', '公交车班次太少等车半小时', '广场舞噪音扰民噪音', '站台'].map((d) => tokenize(d));
    const query = tokenize('公交站台积水严重');
    const idf = idfOf([...docs, query]);
    const expected = docs.map((d) => cosine(vectorOf(query, idf), vectorOf(d, idf)));
    const got = cosineScores(logTf(query), docs.map(logTf));
    got.forEach((g, i) => expect(g).toBeCloseTo(expected[i]!, 12));
  });

  it('the chosen tokenizer (bigrams after folding) finds near-duplicates best on the labelled set', () => {
    const scores = new Map(evaluateTokenizers().map((s) => [s.name, s]));
    const bigram = scores.get('bigram')!;
    expect(bigram.p1).toBeGreaterThanOrEqual(0.95);
    expect(bigram.traditionalP1).toBe(1);
    for (const other of ['segmenter', 'jieba'] as const) expect(bigram.mrr).toBeGreaterThanOrEqual(scores.get(other)!.mrr);
    expect(scores.get('bigram, no Traditional folding')!.traditionalP1).toBeLessThan(1);
  });
});
