/**
 * Open data's SQL: public records page by page (keyset on id, so a large set streams in
 * constant memory) and appeal aggregates. Appeals are only ever counted here, never listed.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';

const isPostgres = (db: Kysely<DB>) => db.getExecutor().adapter instanceof PostgresAdapter;
const n = (v: unknown) => Number(v ?? 0);

const ANNOUNCED = sql<boolean>`exists (select 1 from consultation_artefact a where a.consultation_id = c.id and a.kind = 'announcement')`;

export async function topicPage(db: Kysely<DB>, after: string, limit: number) {
  return db.selectFrom('topic').select(['id', 'title', 'description', 'source', 'territory_code', 'updated_at']).where('state', '=', 'filed').where('id', '>', after).orderBy('id').limit(limit).execute();
}
export async function topicStats(db: Kysely<DB>) {
  const r = await db.selectFrom('topic').select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('at')]).where('state', '=', 'filed').executeTakeFirstOrThrow();
  return { rows: n(r.n), at: (r.at as string | null) ?? null };
}

export async function eventPage(db: Kysely<DB>, after: string, limit: number) {
  return db
    .selectFrom('consultation as c')
    .leftJoin('venue as v', 'v.id', 'c.venue_id')
    .select(['c.id', 'c.title', 'c.summary', 'c.mode', 'c.state', 'c.starts_at', 'c.ends_at', 'c.territory_code', 'c.campaign_id', 'c.venue_id', 'v.name as venue_name'])
    .where('c.state', '!=', 'cancelled')
    .where(ANNOUNCED)
    .where('c.id', '>', after)
    .orderBy('c.id')
    .limit(limit)
    .execute();
}
export async function eventStats(db: Kysely<DB>) {
  const r = await db.selectFrom('consultation as c').select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('c.updated_at').as('at')]).where('c.state', '!=', 'cancelled').where(ANNOUNCED).executeTakeFirstOrThrow();
  return { rows: n(r.n), at: (r.at as string | null) ?? null };
}

export async function suggestionPage(db: Kysely<DB>, after: string, limit: number) {
  return db
    .selectFrom('suggestion as s')
    .innerJoin('consultation as c', 'c.id', 's.consultation_id')
    .leftJoin('unit as u', 'u.id', 's.lead_unit_id')
    .select(['s.id', 's.consultation_id', 'c.title as event_title', 's.seq', 's.text', 's.state', 's.decision', 's.grade', 's.progress', 's.issued_at', 's.updated_at', 'u.name as lead_unit'])
    .where('s.issued_at', 'is not', null)
    .where('s.state', '!=', 'merged')
    .where('s.id', '>', after)
    .orderBy('s.id')
    .limit(limit)
    .execute();
}
export async function suggestionStats(db: Kysely<DB>) {
  const r = await db.selectFrom('suggestion').select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('at')]).where('issued_at', 'is not', null).where('state', '!=', 'merged').executeTakeFirstOrThrow();
  return { rows: n(r.n), at: (r.at as string | null) ?? null };
}
/** Members named publicly among the authors of these suggestions (free-text names are never read). */
export async function memberAuthors(db: Kysely<DB>, suggestionIds: string[]) {
  if (!suggestionIds.length) return [];
  return db.selectFrom('suggestion_author').select(['suggestion_id', 'name']).where('suggestion_id', 'in', suggestionIds).where('is_member', '=', 1).orderBy('created_at').execute();
}

export async function venuePage(db: Kysely<DB>, after: string, limit: number) {
  return db
    .selectFrom('venue')
    .select(['id', 'kind', 'station_kind', 'name', 'address', 'territory_code', 'updated_at'])
    .where('public', '=', 1)
    .where('active', '=', 1)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}
export async function venueStats(db: Kysely<DB>) {
  const r = await db.selectFrom('venue').select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('at')]).where('public', '=', 1).where('active', '=', 1).executeTakeFirstOrThrow();
  return { rows: n(r.n), at: (r.at as string | null) ?? null };
}

export async function showcasePage(db: Kysely<DB>, after: string, limit: number) {
  return db.selectFrom('showcase_item').select(['id', 'kind', 'title', 'summary', 'territory_code', 'published_at']).where('unpublished_at', 'is', null).where('id', '>', after).orderBy('id').limit(limit).execute();
}
export async function showcaseStats(db: Kysely<DB>) {
  const r = await db.selectFrom('showcase_item').select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('at')]).where('unpublished_at', 'is', null).executeTakeFirstOrThrow();
  return { rows: n(r.n), at: (r.at as string | null) ?? null };
}

/** Appeal counts per China-time month × town (first 9 digits) × category × state; merged duplicates are left out. */
export async function appealCounts(db: Kysely<DB>) {
  const month = isPostgres(db)
    ? sql<string>`to_char((created_at::timestamptz at time zone 'Asia/Shanghai'), 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', created_at, '+8 hours')`;
  const town = sql<string>`substr(territory_code, 1, 9)`;
  const rows = await db
    .selectFrom('appeal')
    .select([month.as('month'), town.as('town'), 'category_id', 'state', (eb) => eb.fn.countAll().as('n')])
    .where('state', '!=', 'merged')
    .groupBy([month, town, 'category_id', 'state'])
    .execute();
  return rows.map((r) => ({ month: r.month, town: r.town, category_id: r.category_id, state: r.state, n: n(r.n) }));
}

export async function categoriesAll(db: Kysely<DB>) {
  return db.selectFrom('category').select(['id', 'parent_id', 'code', 'name_zh', 'name_en']).execute();
}

export async function territoryNamesOf(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter(Boolean))];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('territory').select(['code', 'name']).where('code', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.code, r.name);
  }
  return out;
}
