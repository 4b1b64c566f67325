import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);

type Converter = (s: string) => string;
let toSimplified: Converter | null = null;

/**
 * Folds text for matching: NFKC (full-width letters and digits), Traditional to Simplified
 * characters (opencc: 覆蓋面 → 覆盖面, 公車 → 公车), lower case.
 */
export function foldText(text: string): string {
  toSimplified ??= (require('opencc-js') as { Converter(o: { from: string; to: string }): Converter }).Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

export type TokenizerName = 'bigram' | 'jieba' | 'segmenter';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const RUNS = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+|[a-z0-9]+/gu;

/** The runs of a folded text that carry meaning: Chinese characters (split per character), or one latin/digit word. */
export function runsOf(folded: string): { cjk: boolean; chars: string[]; text: string }[] {
  return [...folded.matchAll(RUNS)].map((m) => ({ cjk: CJK.test(m[0]), chars: [...m[0]], text: m[0] }));
}

/** Overlapping character pairs of each Chinese run (single characters for one-character runs); latin and digit words whole. */
export function bigrams(folded: string): string[] {
  const out: string[] = [];
  for (const { cjk, chars: run, text } of runsOf(folded)) {
    if (!cjk) out.push(text);
    else if (run.length === 1) out.push(run[0] as string);
    else for (let i = 0; i + 1 < run.length; i++) out.push(`${run[i]}${run[i + 1]}`);
  }
  return out;
}

let jieba: Jieba | null = null;
function jiebaCut(folded: string): string[] {
  jieba ??= Jieba.withDict((require('@node-rs/jieba/dict') as { dict: Uint8Array }).dict);
  return jieba.cut(folded, true).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
function segment(folded: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(folded)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Tokens of a text for similarity and search, after folding. */
export function tokenize(text: string, how: TokenizerName = 'bigram'): string[] {
  const folded = foldText(text);
  if (how === 'jieba') return jiebaCut(folded);
  if (how === 'segmenter') return segment(folded);
  return bigrams(folded);
}
