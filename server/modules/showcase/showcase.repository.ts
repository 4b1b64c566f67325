/**
 * The showcase's SQL: its own table, and the read-only views of suggestions, events, topics and
 * appeals that a result's chain is drawn from. Appeal rows are read here only as category,
 * town, month, state, rating and photo ids: never description, name, phone or address — except
 * `listAppealCandidates`, which serves district staff choosing what to publish.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { ShowcaseItemTable } from './showcase.table.js';

const CLOSED_APPEAL = ['closed', 'archived'] as const;
const GOOD_RATINGS = ['satisfied', 'basically_satisfied'] as const;

export async function findItem(db: Kysely<DB>, id: string): Promise<ShowcaseItemTable | undefined> {
  return db.selectFrom('showcase_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findItemByRef(db: Kysely<DB>, kind: ShowcaseItemTable['kind'], refId: string): Promise<ShowcaseItemTable | undefined> {
  return db.selectFrom('showcase_item').selectAll().where('kind', '=', kind).where('ref_id', '=', refId).executeTakeFirst();
}

export async function insertItem(db: Kysely<DB>, row: ShowcaseItemTable): Promise<void> {
  await db.insertInto('showcase_item').values(row).execute();
}

/** Compare-and-set on the version; false when someone changed it meanwhile. */
export async function updateItem(db: Kysely<DB>, id: string, version: number, changes: Partial<Omit<ShowcaseItemTable, 'id' | 'version'>>): Promise<boolean> {
  const r = await db.updateTable('showcase_item').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every item, newest first, for the staff page. */
export async function listAllItems(db: Kysely<DB>, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    db.selectFrom('showcase_item').selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    db.selectFrom('showcase_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Published items, newest first: a territory (its subtree by code prefix) and words in the title or summary. */
export async function listPublished(db: Kysely<DB>, f: { territory?: string; q?: string; limit: number; offset: number }) {
  let q = db.selectFrom('showcase_item').where('unpublished_at', 'is', null);
  if (f.territory) q = q.where('territory_code', 'like', `${escapeLike(f.territory)}%`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`title like ${like} escape '\\'`, sql<boolean>`summary like ${like} escape '\\'`]));
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Published items changed at or after `since` (or all, in id order from `after`), for the search indexer. */
export async function listItemsForIndex(db: Kysely<DB>, f: { after?: string; since?: string; limit: number }): Promise<ShowcaseItemTable[]> {
  let q = db.selectFrom('showcase_item').selectAll();
  if (f.since) q = q.where('updated_at', '>=', f.since);
  if (f.after !== undefined) q = q.where('id', '>', f.after);
  return q.orderBy('id').limit(f.limit).execute();
}

/** Names of territories by code. */
export async function territoryNames(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('territory').select(['code', 'name']).where('code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Implemented suggestions (closed with an A reply, or fully implemented) that are public and not yet shown. */
export async function listSuggestionCandidates(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('suggestion as s')
    .innerJoin('consultation as c', 'c.id', 's.consultation_id')
    .leftJoin('showcase_item as i', (j) => j.onRef('i.ref_id', '=', 's.id').on('i.kind', '=', 'consultation').on('i.unpublished_at', 'is', null))
    .select(['s.id', 's.text', 's.state', 's.grade', 's.progress', 's.updated_at', 'c.id as consultation_id', 'c.title as event_title', 'c.territory_code'])
    .where('i.id', 'is', null)
    .where('s.issued_at', 'is not', null)
    .where('s.state', '!=', 'merged')
    .where((eb) => eb.or([eb.and([eb('s.state', '=', 'closed'), eb('s.grade', '=', 'A')]), eb('s.progress', '>=', 100)]))
    .orderBy('s.updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Closed appeals the resident rated satisfied or basically satisfied, not confidential, not yet shown. */
export async function listAppealCandidates(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('appeal as a')
    .innerJoin('category as cat', 'cat.id', 'a.category_id')
    .leftJoin('showcase_item as i', (j) => j.onRef('i.ref_id', '=', 'a.id').on('i.kind', '=', 'appeal').on('i.unpublished_at', 'is', null))
    .select(['a.id', 'a.tracking_no', 'a.description', 'a.territory_code', 'a.rating', 'a.closed_at', 'a.created_at', 'cat.name_zh as category', 'cat.name_en as category_en'])
    .where('i.id', 'is', null)
    .where('a.state', 'in', CLOSED_APPEAL)
    .where('a.rating', 'in', GOOD_RATINGS)
    .where('a.confidential', '=', 0)
    .orderBy('a.closed_at', 'desc')
    .limit(limit)
    .execute();
}

/** Whether a suggestion may be published (public and implemented), with its event for the territory. */
export async function findPublishableSuggestion(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('suggestion as s')
    .innerJoin('consultation as c', 'c.id', 's.consultation_id')
    .select(['s.id', 's.state', 's.grade', 's.progress', 's.issued_at', 'c.territory_code'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function findPublishableAppeal(db: Kysely<DB>, id: string) {
  return db.selectFrom('appeal').select(['id', 'state', 'rating', 'confidential', 'territory_code']).where('id', '=', id).executeTakeFirst();
}

/** The appeals a suggestion answers. */
export async function appealIdsOfSuggestion(db: Kysely<DB>, suggestionId: string): Promise<string[]> {
  return (await db.selectFrom('suggestion_appeal').select('appeal_id').where('suggestion_id', '=', suggestionId).execute()).map((r) => r.appeal_id);
}

/** Attached photos of these appeals (ids and shape only). */
export async function photosOfAppeals(db: Kysely<DB>, appealIds: string[]) {
  if (!appealIds.length) return [];
  return db
    .selectFrom('appeal_photo')
    .select(['id', 'appeal_id', 'mime', 'width', 'height'])
    .where('appeal_id', 'in', appealIds)
    .orderBy('appeal_id')
    .orderBy('position')
    .execute();
}

/** A published item's photo bytes, only when the item is published and lists the photo. */
export async function findPhotoData(db: Kysely<DB>, photoId: string) {
  return db.selectFrom('appeal_photo').select(['id', 'appeal_id', 'mime', 'sha256', 'data']).where('id', '=', photoId).where('appeal_id', 'is not', null).executeTakeFirst();
}

/** Redacted facts of appeals for a chain's concern step: category, town, month (no text, no person). */
export async function appealFacts(db: Kysely<DB>, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('appeal as a')
    .innerJoin('category as cat', 'cat.id', 'a.category_id')
    .select(['a.id', 'a.territory_code', 'a.created_at', 'a.closed_at', 'a.state', 'a.rating', 'a.lead_unit_id', 'cat.name_zh as category', 'cat.name_en as category_en'])
    .where('a.id', 'in', ids)
    .orderBy('a.created_at')
    .execute();
}

/** The suggestions an appeal is linked to that are public. */
export async function publicSuggestionsOfAppeal(db: Kysely<DB>, appealId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('suggestion_appeal as l')
    .innerJoin('suggestion as s', 's.id', 'l.suggestion_id')
    .select('s.id')
    .where('l.appeal_id', '=', appealId)
    .where('s.issued_at', 'is not', null)
    .where('s.state', '!=', 'merged')
    .orderBy('s.created_at')
    .execute();
  return rows.map((r) => r.id);
}

/** The event of a suggestion with its venue and whether it has a public page (announced, not cancelled). */
export async function eventOfSuggestion(db: Kysely<DB>, suggestionId: string) {
  const row = await db
    .selectFrom('suggestion as s')
    .innerJoin('consultation as c', 'c.id', 's.consultation_id')
    .leftJoin('venue as v', 'v.id', 'c.venue_id')
    .select(['c.id', 'c.title', 'c.starts_at', 'c.state', 'c.territory_code', 'v.name as venue_name'])
    .where('s.id', '=', suggestionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const announced = await db.selectFrom('consultation_artefact').select('id').where('consultation_id', '=', row.id).where('kind', '=', 'announcement').executeTakeFirst();
  return { ...row, public: !!announced && row.state !== 'cancelled' };
}

/** Filed topics an event consulted on. */
export async function filedTopicsOfEvent(db: Kysely<DB>, consultationId: string) {
  return db
    .selectFrom('consultation_topic as ct')
    .innerJoin('topic as t', 't.id', 'ct.topic_id')
    .select(['t.id', 't.title', 't.description', 't.updated_at'])
    .where('ct.consultation_id', '=', consultationId)
    .where('t.state', '=', 'filed')
    .orderBy('t.created_at')
    .execute();
}

/** The lead unit's name of an appeal. */
export async function unitName(db: Kysely<DB>, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  return (await db.selectFrom('unit').select('name').where('id', '=', unitId).executeTakeFirst())?.name ?? null;
}

/** When an appeal was answered (its last reply or direct answer). */
export async function appealAnsweredAt(db: Kysely<DB>, appealId: string): Promise<string | null> {
  const row = await db
    .selectFrom('appeal_event')
    .select('created_at')
    .where('appeal_id', '=', appealId)
    .where('action', 'in', ['reply', 'answer_directly'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.created_at ?? null;
}
