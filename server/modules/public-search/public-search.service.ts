import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { searchClauses } from '../../infra/text/search-terms.js';
import { territoryNames, townOf } from '../showcase/index.js';
import { hrefOf } from './public-search.js';
import { searchDocs } from './public-search.repository.js';
import type { PublicDocKind } from './public-search.table.js';

export type SearchResult = Awaited<ReturnType<typeof searchPublic>>;

/** Searches the public index: text folded (Traditional finds Simplified), bigram clauses, best first. */
export async function searchPublic(db: Kysely<DB>, input: { q: string; kind?: PublicDocKind; page: number; pageSize: number }) {
  const counts = { showcase: 0, topic: 0, event: 0, suggestion: 0, venue: 0 };
  const clauses = searchClauses(input.q);
  const base = { q: input.q, kind: input.kind ?? null, page: input.page, pageSize: input.pageSize };
  if (!clauses.length) return { ...base, total: 0, counts, items: [] };
  const { rows, counts: byKind } = await searchDocs(db, clauses, { kind: input.kind, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  for (const c of byKind) counts[c.kind] = c.n;
  const names = await territoryNames(db, rows.map((r) => townOf(r.territory_code) ?? ''));
  return {
    ...base,
    total: input.kind ? counts[input.kind] : Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    items: rows.map((r) => ({
      kind: r.kind,
      id: r.ref_id,
      title: r.title,
      snippet: r.snippet,
      townName: names.get(townOf(r.territory_code) ?? '') ?? null,
      href: hrefOf(r.kind, r.ref_id),
      updatedAt: r.updated_at,
    })),
  };
}
