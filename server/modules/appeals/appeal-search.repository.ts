/**
 * The appeal search index: the one place with engine-specific full-text SQL (FTS5 on SQLite,
 * a `simple` tsvector with GIN on PostgreSQL), and the indexer's watermark.
 */
import { PostgresAdapter, sql, type AliasedRawBuilder, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { SearchClauses } from '../../infra/text/search-terms.js';
import type { AppealSearchTable } from './appeals.table.js';

const isPostgres = (db: Kysely<DB>) => db.getExecutor().adapter instanceof PostgresAdapter;

const STATE_ROW = 'appeal';

/** Every appeal with an id below this is indexed (ids are UUIDv7, so they sort by creation time). */
export async function getSearchWatermark(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('appeal_search_state').select('watermark').where('name', '=', STATE_ROW).executeTakeFirst();
  return row?.watermark ?? '';
}

/** Moves the watermark forward only (two indexers may race; the higher one wins). */
export async function advanceSearchWatermark(db: Kysely<DB>, to: string, now: string): Promise<void> {
  await db.updateTable('appeal_search_state').set({ watermark: to, updated_at: now }).where('name', '=', STATE_ROW).where('watermark', '<', to).execute();
}

/** What the indexer reads of an appeal. */
export interface IndexSource {
  id: string;
  description: string;
  address: string | null;
  tracking_no: string;
  resident_phone: string | null;
}

/** Appeals with ids in [from, to) that have no index row yet, in id order. */
export async function listUnindexedAppeals(db: Kysely<DB>, from: string, to: string | null, limit: number): Promise<IndexSource[]> {
  let q = db
    .selectFrom('appeal')
    .leftJoin('appeal_search', 'appeal_search.appeal_id', 'appeal.id')
    .select(['appeal.id', 'appeal.description', 'appeal.address', 'appeal.tracking_no', 'appeal.resident_phone'])
    .where('appeal.id', '>=', from)
    .where('appeal_search.appeal_id', 'is', null);
  if (to !== null) q = q.where('appeal.id', '<', to);
  return q.orderBy('appeal.id').limit(limit).execute();
}

/** The id `n` appeals after `after` (or the last one when fewer remain): the end of a sweep page. */
export async function idAfter(db: Kysely<DB>, after: string, n: number): Promise<string | undefined> {
  const rows = await db.selectFrom('appeal').select('id').where('id', '>', after).orderBy('id').limit(n).execute();
  return rows.at(-1)?.id;
}

/** Writes index rows; a row another indexer wrote first is kept (an appeal's indexed text never changes). */
export async function insertSearchRows(db: Kysely<DB>, rows: AppealSearchTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('appeal_search').values(rows).onConflict((oc) => oc.column('appeal_id').doNothing()).execute();
}

/** Index rows of these appeals: their tokens, for duplicate hints. */
export async function listSearchTokens(db: Kysely<DB>, appealIds: string[]): Promise<Map<string, string>> {
  if (appealIds.length === 0) return new Map();
  const rows = await db.selectFrom('appeal_search').select(['appeal_id', 'tokens']).where('appeal_id', 'in', appealIds).execute();
  return new Map(rows.map((r) => [r.appeal_id, r.tokens]));
}

const ftsPhrase = (token: string) => `"${token.replaceAll('"', '""')}"`;
const tsLexeme = (token: string) => `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** The clauses in FTS5 query syntax: every token quoted, so nothing typed is read as an operator. */
export function ftsQuery(clauses: SearchClauses): string {
  return clauses
    .map((c) => {
      const terms = c.map((t) => `${ftsPhrase(t.token)}${t.prefix ? '*' : ''}`);
      return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`;
    })
    .join(' AND ');
}

/** The clauses as a PostgreSQL tsquery: every lexeme quoted. */
export function tsQuery(clauses: SearchClauses): string {
  return clauses
    .map((c) => {
      const terms = c.map((t) => `${tsLexeme(t.token)}${t.prefix ? ':*' : ''}`);
      return terms.length === 1 ? terms[0] : `(${terms.join(' | ')})`;
    })
    .join(' & ');
}

/**
 * The appeals whose text matches, as a derived table `m(appeal_id, rank, seq)` to join: a lower
 * rank is a better match (FTS5 bm25 is negative; PostgreSQL's ts_rank is negated to agree), and
 * `seq` orders by indexing time (newest last), which the index can walk backwards cheaply.
 * `clauses` must not be empty.
 */
export function textMatches(db: Kysely<DB>, clauses: SearchClauses): AliasedRawBuilder<{ appeal_id: string; rank: number; seq: unknown }, 'm'> {
  if (isPostgres(db)) {
    return sql<{ appeal_id: string; rank: number; seq: unknown }>`(select s.appeal_id, -ts_rank(s.tokens_tsv, q) as rank, s.appeal_id as seq
      from appeal_search s, to_tsquery('simple', ${tsQuery(clauses)}) q where s.tokens_tsv @@ q)`.as('m');
  }
  return sql<{ appeal_id: string; rank: number; seq: unknown }>`(select s.appeal_id as appeal_id, appeal_search_fts.rank as rank, appeal_search_fts.rowid as seq
      from appeal_search_fts join appeal_search s on s.seq = appeal_search_fts.rowid
      where appeal_search_fts match ${ftsQuery(clauses)})`.as('m');
}
