/**
 * The public search index's SQL: reading the public sources page by page (or the ones changed
 * lately), writing documents, and the engine-specific full-text query (FTS5 / tsvector).
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { SearchClauses } from '../../infra/text/search-terms.js';
import { ftsQuery, tsQuery } from '../appeals/index.js';
import type { PublicDocKind, PublicDocTable } from './public-search.table.js';

const isPostgres = (db: Kysely<DB>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Which rows to read: a page after an id, or the given ids. */
export type SourceFilter = { after: string; limit: number } | { ids: string[] };

const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';

export async function topicSources(db: Kysely<DB>, f: SourceFilter) {
  let q = db.selectFrom('topic').select(['id', 'title', 'description', 'territory_code', 'state', 'updated_at']);
  q = 'ids' in f ? q.where('id', 'in', f.ids.length ? f.ids : ['']) : q.where('id', '>', f.after).orderBy('id').limit(f.limit);
  return q.execute();
}

export async function eventSources(db: Kysely<DB>, f: SourceFilter) {
  let q = db
    .selectFrom('consultation as c')
    .leftJoin('venue as v', 'v.id', 'c.venue_id')
    .select((eb) => [
      'c.id',
      'c.title',
      'c.summary',
      'c.territory_code',
      'c.state',
      'c.starts_at',
      'c.updated_at',
      'v.name as venue_name',
      eb.exists(eb.selectFrom('consultation_artefact as a').select('a.id').whereRef('a.consultation_id', '=', 'c.id').where('a.kind', '=', 'announcement')).as('announced'),
    ]);
  q = 'ids' in f ? q.where('c.id', 'in', f.ids.length ? f.ids : ['']) : q.where('c.id', '>', f.after).orderBy('c.id').limit(f.limit);
  return (await q.execute()).map((r) => ({ ...r, announced: truthy(r.announced) }));
}

export async function suggestionSources(db: Kysely<DB>, f: SourceFilter) {
  let q = db
    .selectFrom('suggestion as s')
    .innerJoin('consultation as c', 'c.id', 's.consultation_id')
    .select(['s.id', 's.text', 's.state', 's.decision', 's.issued_at', 's.updated_at', 'c.title as event_title', 'c.territory_code']);
  q = 'ids' in f ? q.where('s.id', 'in', f.ids.length ? f.ids : ['']) : q.where('s.id', '>', f.after).orderBy('s.id').limit(f.limit);
  return q.execute();
}

export async function showcaseSources(db: Kysely<DB>, f: SourceFilter) {
  let q = db.selectFrom('showcase_item').select(['id', 'title', 'summary', 'territory_code', 'unpublished_at', 'updated_at']);
  q = 'ids' in f ? q.where('id', 'in', f.ids.length ? f.ids : ['']) : q.where('id', '>', f.after).orderBy('id').limit(f.limit);
  return q.execute();
}

export async function venueSources(db: Kysely<DB>, f: SourceFilter) {
  let q = db.selectFrom('venue').select(['id', 'name', 'kind', 'address', 'territory_code', 'public', 'active', 'updated_at']);
  q = 'ids' in f ? q.where('id', 'in', f.ids.length ? f.ids : ['']) : q.where('id', '>', f.after).orderBy('id').limit(f.limit);
  return q.execute();
}

/** Ids of each kind's sources that changed at or after `since` (edits, issuing, announcements). */
export async function recentSourceIds(db: Kysely<DB>, since: string): Promise<Record<PublicDocKind, string[]>> {
  const ids = async (p: Promise<{ id: string }[]>) => [...new Set((await p).map((r) => r.id))];
  const [topic, events, eventDocs, suggestion, issued, showcase, venue] = await Promise.all([
    ids(db.selectFrom('topic').select('id').where('updated_at', '>=', since).limit(1000).execute()),
    ids(db.selectFrom('consultation').select('id').where('updated_at', '>=', since).limit(1000).execute()),
    ids(db.selectFrom('consultation_artefact').select('consultation_id as id').where('created_at', '>=', since).limit(1000).execute()),
    ids(db.selectFrom('suggestion').select('id').where('updated_at', '>=', since).limit(1000).execute()),
    ids(db.selectFrom('suggestion').select('id').where('issued_at', '>=', since).limit(1000).execute()),
    ids(db.selectFrom('showcase_item').select('id').where('updated_at', '>=', since).limit(1000).execute()),
    ids(db.selectFrom('venue').select('id').where('updated_at', '>=', since).limit(1000).execute()),
  ]);
  return { topic, event: [...new Set([...events, ...eventDocs])], suggestion: [...new Set([...suggestion, ...issued])], showcase, venue };
}

/** The stored digests of these documents. */
export async function docDigests(db: Kysely<DB>, kind: PublicDocKind, refIds: string[]): Promise<Map<string, string>> {
  if (!refIds.length) return new Map();
  const rows = await db.selectFrom('public_doc').select(['ref_id', 'digest']).where('kind', '=', kind).where('ref_id', 'in', refIds).execute();
  return new Map(rows.map((r) => [r.ref_id, r.digest]));
}

/** Writes a document, replacing an older one of the same record (two indexers may race; the last write wins). */
export async function upsertDoc(db: Kysely<DB>, doc: Omit<PublicDocTable, 'seq'>): Promise<void> {
  await db
    .insertInto('public_doc')
    .values(doc)
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet({ title: doc.title, snippet: doc.snippet, tokens: doc.tokens, territory_code: doc.territory_code, updated_at: doc.updated_at, digest: doc.digest }))
    .execute();
}

export async function deleteDocs(db: Kysely<DB>, kind: PublicDocKind, refIds: string[]): Promise<void> {
  if (!refIds.length) return;
  await db.deleteFrom('public_doc').where('kind', '=', kind).where('ref_id', 'in', refIds).execute();
}

export interface DocHit {
  kind: PublicDocKind;
  ref_id: string;
  title: string;
  snippet: string;
  territory_code: string | null;
  updated_at: string;
}

/** Matching documents, best first (then newest), a page of them, with counts per kind. `clauses` must not be empty. */
export async function searchDocs(db: Kysely<DB>, clauses: SearchClauses, f: { kind?: PublicDocKind; limit: number; offset: number }) {
  const kindCond = f.kind ? sql`and d.kind = ${f.kind}` : sql``;
  if (isPostgres(db)) {
    const q = tsQuery(clauses);
    const [rows, counts] = await Promise.all([
      sql<DocHit>`select d.kind, d.ref_id, d.title, d.snippet, d.territory_code, d.updated_at
        from public_doc d, to_tsquery('simple', ${q}) q where d.tokens_tsv @@ q ${kindCond}
        order by ts_rank(d.tokens_tsv, q) desc, d.updated_at desc limit ${f.limit} offset ${f.offset}`.execute(db),
      sql<{ kind: PublicDocKind; n: number | string }>`select d.kind, count(*) as n from public_doc d, to_tsquery('simple', ${q}) q where d.tokens_tsv @@ q group by d.kind`.execute(db),
    ]);
    return { rows: rows.rows, counts: counts.rows.map((c) => ({ kind: c.kind, n: Number(c.n) })) };
  }
  const q = ftsQuery(clauses);
  const [rows, counts] = await Promise.all([
    sql<DocHit>`select d.kind, d.ref_id, d.title, d.snippet, d.territory_code, d.updated_at
      from public_doc_fts f join public_doc d on d.seq = f.rowid where public_doc_fts match ${q} ${kindCond}
      order by f.rank, d.updated_at desc limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ kind: PublicDocKind; n: number }>`select d.kind, count(*) as n from public_doc_fts f join public_doc d on d.seq = f.rowid where public_doc_fts match ${q} group by d.kind`.execute(db),
  ]);
  return { rows: rows.rows, counts: counts.rows.map((c) => ({ kind: c.kind, n: Number(c.n) })) };
}
