import fs from 'node:fs';
import path from 'node:path';
import { cosine, idfOf, vectorOf } from '../server/infra/text/similarity.js';
import { bigrams, tokenize, type TokenizerName } from '../server/infra/text/tokenize.js';

export interface TokenizerScore {
  name: TokenizerName | 'bigram, no Traditional folding';
  p1: number;
  mrr: number;
  traditionalP1: number;
  microsPerText: number;
}

const TRADITIONAL = /[體車臺鎮區處廳擾聲燈樓電濟錢滿頭關廁餘煙館積護鄉號網]/;

/** Scores every tokenizer on the labelled near-duplicate groups in bench/data. */
export function evaluateTokenizers(): TokenizerScore[] {
  const data = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'data/appeal-duplicates.json'), 'utf8')) as { groups: string[][] };
  const texts = data.groups.flatMap((g, gi) => g.map((text) => ({ text, group: gi })));
  const variants: [TokenizerScore['name'], (s: string) => string[]][] = [
    ['segmenter', (s) => tokenize(s, 'segmenter')],
    ['jieba', (s) => tokenize(s, 'jieba')],
    ['bigram', (s) => tokenize(s, 'bigram')],
    ['bigram, no Traditional folding', (s) => bigrams(s.normalize('NFKC').toLowerCase())],
  ];
  return variants.map(([name, tok]) => {
    for (const t of texts.slice(0, 3)) tok(t.text); // load dictionaries before timing
    const started = performance.now();
    const tokens = texts.map((t) => tok(t.text));
    const micros = ((performance.now() - started) * 1000) / texts.length;
    const idf = idfOf(tokens);
    const vectors = tokens.map((t) => vectorOf(t, idf));
    let hits = 0;
    let rr = 0;
    let tradQueries = 0;
    let tradHits = 0;
    texts.forEach((q, i) => {
      const ranked = texts
        .map((d, j) => ({ j, group: d.group, score: j === i ? -1 : cosine(vectors[i] as never, vectors[j] as never) }))
        .filter((r) => r.j !== i)
        .sort((a, b) => b.score - a.score);
      const first = ranked.findIndex((r) => r.group === q.group);
      if (first === 0) hits++;
      rr += 1 / (first + 1);
      if (TRADITIONAL.test(q.text)) {
        tradQueries++;
        if (first === 0) tradHits++;
      }
    });
    return { name, p1: hits / texts.length, mrr: rr / texts.length, traditionalP1: tradQueries ? tradHits / tradQueries : 0, microsPerText: micros };
  });
}
