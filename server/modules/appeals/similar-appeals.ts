import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { cosineScores, logTf } from '../../infra/text/similarity.js';
import { tokenize } from '../../infra/text/tokenize.js';
import { listAppealTexts, listAppealsByIds, listOpenInArea } from './appeals.repository.js';
import { listSearchTokens } from './appeal-search.repository.js';

/** How many recent open appeals of the same category and town are compared. */
const CANDIDATES = 300;
const MIN_SCORE = 0.2;
/** Token lists kept per process: an appeal's text never changes, so an entry never goes stale. */
const CACHE_SIZE = 50_000;
const tokenCache = new Map<string, Map<string, number>>();

function remember(id: string, tokens: Map<string, number>) {
  if (tokenCache.size >= CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value as string);
  tokenCache.set(id, tokens);
}

/** Tokens of each candidate: from this process's cache, else the search index, else tokenized now. */
async function tokensOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = tokenCache.get(id);
    if (hit) out.set(id, hit);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  const indexed = await listSearchTokens(db, missing);
  const unindexed = missing.filter((id) => !indexed.has(id));
  for (const [id, tokens] of indexed) out.set(id, logTf(tokens ? tokens.split(' ') : []));
  // Appeals of the last moment, before the indexer reached them: tokenized the same way it will.
  for (const a of await listAppealTexts(db, unindexed)) out.set(a.id, logTf([...tokenize(a.description), ...(a.address ? tokenize(a.address) : [])]));
  for (const id of missing) {
    const tokens = out.get(id);
    if (tokens && indexed.has(id)) remember(id, tokens);
  }
  return out;
}

/**
 * The open appeals most likely to be the same concern: same category, same town/street
 * (so the same or a neighbouring village), similar text. Character bigrams after folding
 * Traditional to Simplified won the retrieval test (docs/PERFORMANCE.md). Candidates come from
 * a covering index of open appeals, their token weights from the search index (cached per process),
 * and only the few that match are read in full.
 */
export async function findSimilarAppeals(
  db: Kysely<DB>,
  q: { categoryId: string; territoryCode: string; text: string },
  opts: { limit?: number; excludeConfidential?: boolean } = {},
) {
  const limit = opts.limit ?? 5;
  const town = q.territoryCode.slice(0, 9);
  const candidates = await listOpenInArea(db, q.categoryId, town, CANDIDATES, { excludeConfidential: opts.excludeConfidential });
  if (candidates.length === 0) return [];
  const tokens = await tokensOf(db, candidates.map((c) => c.id));
  const scores = cosineScores(logTf(tokenize(q.text)), candidates.map((c) => tokens.get(c.id) ?? new Map<string, number>()));
  const best = candidates
    .map((c, i) => ({ id: c.id, score: (scores[i] as number) + (c.territory_code === q.territoryCode ? 0.05 : 0) }))
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  const rows = new Map((await listAppealsByIds(db, best.map((b) => b.id))).map((a) => [a.id, a]));
  return best.flatMap((b) => {
    const appeal = rows.get(b.id);
    return appeal ? [{ appeal, score: b.score }] : [];
  });
}
