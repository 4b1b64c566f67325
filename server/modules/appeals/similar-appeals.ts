import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { cosine, idfOf, vectorOf } from '../../infra/text/similarity.js';
import { tokenize } from '../../infra/text/tokenize.js';
import { listOpenInArea } from './appeals.repository.js';

/** How many recent open appeals of the same category and town are compared. */
const CANDIDATES = 300;
const MIN_SCORE = 0.2;

/**
 * The open appeals most likely to be the same concern: same category, same town/street
 * (so the same or a neighbouring village), similar text. Character bigrams after folding
 * Traditional to Simplified won the retrieval test (docs/PERFORMANCE.md).
 */
export async function findSimilarAppeals(db: Kysely<DB>, q: { categoryId: string; territoryCode: string; text: string }, limit = 5) {
  const town = q.territoryCode.slice(0, 9);
  const candidates = await listOpenInArea(db, q.categoryId, town, CANDIDATES);
  if (candidates.length === 0) return [];
  // The indexer has tokenized nearly all of them already; only appeals of the last moment are tokenized here.
  const docs = candidates.map((c) => (c.tokens !== null ? (c.tokens ? c.tokens.split(' ') : []) : [...tokenize(c.description), ...(c.address ? tokenize(c.address) : [])]));
  const query = tokenize(q.text);
  const idf = idfOf([...docs, query]);
  const qv = vectorOf(query, idf);
  return candidates
    .map((c, i) => ({ appeal: c, score: cosine(qv, vectorOf(docs[i] as string[], idf)) + (c.territory_code === q.territoryCode ? 0.05 : 0) }))
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
