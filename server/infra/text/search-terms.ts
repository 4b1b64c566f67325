import { foldText, runsOf } from './tokenize.js';

/** One index token to look for; a prefix term also matches longer tokens that start with it. */
export interface SearchTerm {
  token: string;
  prefix: boolean;
}

/** A search as clauses that must all hold, each held by any one of its terms (an AND of ORs). */
export type SearchClauses = SearchTerm[][];

/** More clauses than this add nothing a dispatcher can see and only slow the index down. */
const MAX_CLAUSES = 24;

/**
 * Turns what a person typed into clauses over the index's bigram tokens. Every character of a
 * Chinese run must be covered by a bigram of the run that the appeal contains: the first and
 * last pairs must be there, an inner character by either pair around it. So 垃圾清理 needs 垃圾
 * and 清理 (not the spurious 圾清) and finds 垃圾三天没人清理; 公交站台 needs 公交, 站台 and
 * 交站-or-站台. A single character or a latin/digit word matches as a prefix (k1 → k12).
 * Text is folded first, so Traditional input finds Simplified records. Whatever is not a
 * Chinese character, letter or digit is dropped, so no search syntax survives into a query.
 */
export function searchClauses(text: string): SearchClauses {
  const clauses: SearchTerm[][] = [];
  for (const run of runsOf(foldText(text))) {
    if (!run.cjk || run.chars.length === 1) {
      clauses.push([{ token: run.text, prefix: true }]);
      continue;
    }
    const pairs = run.chars.slice(0, -1).map((c, i) => `${c}${run.chars[i + 1]}`);
    const required = new Set([pairs[0] as string, pairs[pairs.length - 1] as string]);
    for (const p of required) clauses.push([{ token: p, prefix: false }]);
    for (let i = 1; i < run.chars.length - 1; i++) {
      const either = [pairs[i - 1] as string, pairs[i] as string];
      if (either.some((p) => required.has(p))) continue;
      clauses.push(either.map((token) => ({ token, prefix: false })));
    }
  }
  const seen = new Set<string>();
  return clauses
    .filter((c) => {
      const key = c.map((t) => `${t.token}${t.prefix ? '*' : ''}`).join('|');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_CLAUSES);
}
