/**
 * The dashboards' SQL: the aggregator's reads and compare-and-set writes, and the read model's
 * sums over the cubes. It reads other modules' tables (appeals, consultations, suggestions,
 * topics, venues, territories) and writes only its own.
 */
import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { DerivedFact, FactEvent, FactSource } from './appeal-facts.js';
import { COUNTERS, type AppealAreaCubeTable, type AppealFactTable, type Counter, type Counters, type EventFactTable } from './dashboards.table.js';

const STATE = 'appeals';
const num = (v: unknown) => Number(v ?? 0);

// ───────────────────────────── aggregator ─────────────────────────────

export interface AggregatorState {
  watermark: string;
  cursor: string | null;
  changedAt: number;
}

export async function getAggregatorState(db: Kysely<DB>): Promise<AggregatorState> {
  const row = await db.selectFrom('dashboard_state').select(['watermark', 'cursor', 'changed_at']).where('name', '=', STATE).executeTakeFirstOrThrow();
  return { watermark: row.watermark, cursor: row.cursor, changedAt: num(row.changed_at) };
}

/** Moves the change-log watermark forward only (two aggregators may race; the higher wins). */
export async function advanceWatermark(db: Kysely<DB>, to: string, now: string): Promise<void> {
  await db.updateTable('dashboard_state').set({ watermark: to, updated_at: now }).where('name', '=', STATE).where('watermark', '<', to).execute();
}

/** Moves the backfill cursor forward (null: done). Starts the watermark at `watermark` when the backfill begins. */
export async function moveCursor(db: Kysely<DB>, from: string | null, to: string | null, now: string): Promise<void> {
  let q = db.updateTable('dashboard_state').set({ cursor: to, updated_at: now }).where('name', '=', STATE);
  q = from === null ? q.where('cursor', 'is', null) : q.where('cursor', '=', from);
  await q.execute();
}

export async function appealIdsAfter(db: Kysely<DB>, after: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('appeal').select('id').where('id', '>', after).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** Timeline entries with ids at or above `from` (the change log), oldest first. */
export async function eventsSince(db: Kysely<DB>, from: string, limit: number): Promise<{ id: string; appeal_id: string }[]> {
  return db.selectFrom('appeal_event').select(['id', 'appeal_id']).where('id', '>=', from).orderBy('id').limit(limit).execute();
}

export async function loadFactSources(db: Kysely<DB>, ids: string[]): Promise<FactSource[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('appeal').select(['id', 'state', 'category_id', 'territory_code', 'created_at']).where('id', 'in', ids).execute();
}

/** The timelines of these appeals in time order (only a rating's payload is read). */
export async function loadTimelines(db: Kysely<DB>, ids: string[]): Promise<Map<string, FactEvent[]>> {
  const out = new Map<string, FactEvent[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('appeal_event')
    .select(['appeal_id', 'action', 'from_state', 'created_at', sql<string | null>`case when action = 'rate' then payload else null end`.as('payload')])
    .where('appeal_id', 'in', ids)
    .orderBy('appeal_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    let list = out.get(r.appeal_id);
    if (!list) out.set(r.appeal_id, (list = []));
    list.push({ action: r.action, from_state: r.from_state, payload: r.payload, created_at: r.created_at });
  }
  return out;
}

export async function loadFacts(db: Kysely<DB>, ids: string[]): Promise<Map<string, AppealFactTable>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('appeal_fact').selectAll().where('appeal_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.appeal_id, r]));
}

export interface FactChange {
  old: AppealFactTable | undefined;
  next: DerivedFact;
}

type CubeKey = { month: string; town_code: string; territory_code: string; category_id: string };

function addTo(map: Map<string, CubeKey & Counters>, key: CubeKey, f: Counters, sign: 1 | -1): void {
  const k = `${key.month}|${key.territory_code}|${key.category_id}`;
  let row = map.get(k);
  if (!row) map.set(k, (row = { month: key.month, town_code: key.town_code, territory_code: key.territory_code, category_id: key.category_id, ...(Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters) }));
  for (const c of COUNTERS) row[c] += sign * Number(f[c]);
}

/**
 * Writes changed facts and applies (new − old) to both cubes in one transaction. A fact is
 * written by compare-and-set on its `rev` (or inserted if absent); one another aggregator
 * changed first is skipped and its delta not applied, so a figure is never counted twice.
 * Returns the changes that were applied.
 */
export async function applyFactChanges(db: Kysely<DB>, changes: FactChange[], now: string): Promise<number> {
  if (changes.length === 0) return 0;
  return db.transaction().execute(async (tx) => {
    const applied: FactChange[] = [];
    const inserts = changes.filter((c) => !c.old);
    const CHUNK = 50;
    for (let i = 0; i < inserts.length; i += CHUNK) {
      const part = inserts.slice(i, i + CHUNK);
      const done = await tx
        .insertInto('appeal_fact')
        .values(part.map((c) => ({ ...c.next, rev: 1, updated_at: now })))
        .onConflict((oc) => oc.column('appeal_id').doNothing())
        .returning('appeal_id')
        .execute();
      const ok = new Set(done.map((d) => d.appeal_id));
      for (const c of part) if (ok.has(c.next.appeal_id)) applied.push(c);
    }
    for (const c of changes) {
      if (!c.old) continue;
      const { appeal_id, ...rest } = c.next;
      const r = await tx
        .updateTable('appeal_fact')
        .set({ ...rest, rev: c.old.rev + 1, updated_at: now })
        .where('appeal_id', '=', appeal_id)
        .where('rev', '=', c.old.rev)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) applied.push(c);
    }
    if (applied.length === 0) return 0;
    const deltas = new Map<string, CubeKey & Counters>();
    for (const c of applied) {
      if (c.old) addTo(deltas, c.old, c.old, -1);
      addTo(deltas, c.next, c.next, 1);
    }
    await upsertCubes(tx, [...deltas.values()].filter((d) => COUNTERS.some((k) => d[k] !== 0)));
    return applied.length;
  });
}

async function upsertCubes(tx: Transaction<DB>, rows: (CubeKey & Counters)[]): Promise<void> {
  if (rows.length === 0) return;
  const areaSet = Object.fromEntries(COUNTERS.map((k) => [k, sql`appeal_area_cube.${sql.ref(k)} + excluded.${sql.ref(k)}`]));
  const townSet = Object.fromEntries(COUNTERS.map((k) => [k, sql`appeal_cube.${sql.ref(k)} + excluded.${sql.ref(k)}`]));
  const CHUNK = 50;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await tx
      .insertInto('appeal_area_cube')
      .values(part)
      .onConflict((oc) => oc.columns(['month', 'territory_code', 'category_id']).doUpdateSet(areaSet as never))
      .execute();
  }
  // Town cube: the area rows summed per town.
  const towns = new Map<string, Omit<CubeKey, 'territory_code'> & Counters>();
  for (const r of rows) {
    const k = `${r.month}|${r.town_code}|${r.category_id}`;
    let t = towns.get(k);
    if (!t) towns.set(k, (t = { month: r.month, town_code: r.town_code, category_id: r.category_id, ...(Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters) }));
    for (const c of COUNTERS) t[c] += r[c];
  }
  const townRows = [...towns.values()];
  for (let i = 0; i < townRows.length; i += CHUNK) {
    await tx
      .insertInto('appeal_cube')
      .values(townRows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['month', 'town_code', 'category_id']).doUpdateSet(townSet as never))
      .execute();
  }
}

/** Records that a figure changed at `ms` (kept increasing). */
export async function markChanged(db: Kysely<DB>, ms: number): Promise<void> {
  await db
    .updateTable('dashboard_state')
    .set({ changed_at: sql`case when changed_at < ${ms} then ${ms} else changed_at + 1 end` as never })
    .where('name', '=', STATE)
    .execute();
}

// ───────────────────────────── event facts ─────────────────────────────

export async function getEventWatermark(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('dashboard_state').select('watermark').where('name', '=', 'events').executeTakeFirst();
  return row?.watermark ?? '';
}

export async function advanceEventWatermark(db: Kysely<DB>, to: string, now: string): Promise<void> {
  await db.updateTable('dashboard_state').set({ watermark: to, updated_at: now }).where('name', '=', 'events').where('watermark', '<', to).execute();
}

/** Consultations changed since `since` (ISO): their own row, a suggestion of theirs, or their venue. */
export async function changedConsultations(db: Kysely<DB>, since: string): Promise<string[]> {
  const [a, b, c] = await Promise.all([
    db.selectFrom('consultation').select('id').where('updated_at', '>=', since).execute(),
    db.selectFrom('suggestion').select('consultation_id as id').distinct().where('updated_at', '>=', since).execute(),
    db.selectFrom('consultation').innerJoin('venue', 'venue.id', 'consultation.venue_id').select('consultation.id').where('venue.updated_at', '>=', since).execute(),
  ]);
  return [...new Set([...a, ...b, ...c].map((r) => r.id))].sort();
}

export async function loadEventSources(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('consultation as c')
    .leftJoin('venue as v', 'v.id', 'c.venue_id')
    .select(['c.id', 'c.starts_at', 'c.state', 'c.territory_code', 'c.venue_id', 'v.territory_code as venue_territory', 'c.campaign_id'])
    .where('c.id', 'in', ids)
    .execute();
}

/** The suggestions of these consultations as the roll-up reads them. */
export async function loadSuggestionFacts(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('suggestion').select(['consultation_id', 'state', 'decision', 'lead_unit_id', 'grade', 'progress']).where('consultation_id', 'in', ids).execute();
}

export async function loadEventFacts(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return new Map<string, EventFactTable>();
  const rows = await db.selectFrom('event_fact').selectAll().where('consultation_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.consultation_id, r]));
}

/** Writes event facts whole (idempotent: two aggregators write the same rows). */
export async function upsertEventFacts(db: Kysely<DB>, rows: EventFactTable[]): Promise<void> {
  if (rows.length === 0) return;
  const keep = ['starts_at', 'state', 'territory_code', 'venue_id', 'venue_territory', 'campaign_id', 'suggestions', 'decided', 'adopted', 'assigned', 'implemented', 'updated_at'] as const;
  const set = Object.fromEntries(keep.map((k) => [k, sql`excluded.${sql.ref(k)}`]));
  for (let i = 0; i < rows.length; i += 50) {
    await db
      .insertInto('event_fact')
      .values(rows.slice(i, i + 50))
      .onConflict((oc) => oc.column('consultation_id').doUpdateSet(set as never))
      .execute();
  }
}

// ───────────────────────────── read model ─────────────────────────────

export interface AppealScope {
  /** 'county': whole district (town cube); 'town' / 'village': the area cube of that code. */
  level: 'county' | 'town' | 'village';
  code: string;
}

export interface AppealCell extends Counters {
  month: string;
  category_id: string;
  /** Town (district view) or territory (town and village views). */
  area: string;
}

const sums = () => COUNTERS.map((k) => sql<number>`sum(${sql.ref(k)})`.as(k));

/** Both cubes read alike (the town cube has no territory column, and is only read for the district). */
type CubeQuery = SelectQueryBuilder<Omit<DB, 'k'> & { k: AppealAreaCubeTable }, 'k', object>;

function cubeQuery(db: Kysely<DB>, scope: AppealScope, from: string, to: string, categoryIds: string[] | null): CubeQuery {
  let q = (scope.level === 'county' ? db.selectFrom('appeal_cube as k') : db.selectFrom('appeal_area_cube as k')) as unknown as CubeQuery;
  if (scope.level !== 'county') q = q.where(scope.level === 'town' ? 'k.town_code' : 'k.territory_code', '=', scope.code);
  q = q.where('k.month', '>=', from).where('k.month', '<=', to);
  if (categoryIds) q = q.where('k.category_id', 'in', categoryIds);
  return q;
}

/** Every counter of a scope and period, summed per month (the period's totals are their sum). */
export async function sumAppealMonths(db: Kysely<DB>, scope: AppealScope, from: string, to: string, categoryIds: string[] | null): Promise<(Counters & { month: string })[]> {
  const rows = await cubeQuery(db, scope, from, to, categoryIds)
    .select(['k.month', ...COUNTERS.map((k) => sql<number>`sum(${sql.ref(`k.${k}`)})`.as(k))])
    .groupBy('k.month')
    .execute();
  return rows.map((r) => {
    const out = { month: String(r.month) } as Counters & { month: string };
    for (const k of COUNTERS) out[k] = num((r as Record<string, unknown>)[k]);
    return out;
  });
}

/** Appeals of a scope and period per category, or per area (towns of the district, territories of a town). */
export async function countAppealsBy(db: Kysely<DB>, scope: AppealScope, from: string, to: string, categoryIds: string[] | null, by: 'category' | 'area'): Promise<Map<string, number>> {
  const col = by === 'category' ? 'k.category_id' : scope.level === 'county' ? 'k.town_code' : 'k.territory_code';
  const rows = await cubeQuery(db, scope, from, to, categoryIds)
    .select([sql<string>`${sql.ref(col)}`.as('key'), sql<number>`sum(k.total)`.as('n')])
    .groupBy(sql.ref(col))
    .execute();
  return new Map(rows.map((r) => [String(r.key), num(r.n)]));
}

export interface AppealRecordRow {
  appeal_id: string;
  tracking_no: string;
  state: string;
  month: string;
  counted: number;
  category_zh: string;
  category_en: string;
  town_name: string | null;
}

/** One page of the facts with the denominator flag set, newest month first. */
export async function listAppealRecords(
  db: Kysely<DB>,
  scope: AppealScope,
  from: string,
  to: string,
  categoryIds: string[] | null,
  figure: { numerator: Counter; denominator: Counter },
  limit: number,
  offset: number,
): Promise<AppealRecordRow[]> {
  let q = db
    .selectFrom('appeal_fact as f')
    .innerJoin('appeal as a', 'a.id', 'f.appeal_id')
    .innerJoin('category as c', 'c.id', 'f.category_id')
    .leftJoin('territory as t', 't.code', 'f.town_code')
    .select([
      'f.appeal_id',
      'a.tracking_no',
      'a.state',
      'f.month',
      sql<number>`${sql.ref(`f.${figure.numerator}`)}`.as('counted'),
      'c.name_zh as category_zh',
      'c.name_en as category_en',
      't.name as town_name',
    ])
    .where(sql.ref(`f.${figure.denominator}`), '=', 1)
    .where('f.month', '>=', from)
    .where('f.month', '<=', to);
  if (scope.level === 'town') q = q.where('f.town_code', '=', scope.code);
  if (scope.level === 'village') q = q.where('f.territory_code', '=', scope.code);
  if (categoryIds) q = q.where('f.category_id', 'in', categoryIds);
  return q.orderBy('f.month', 'desc').orderBy('f.appeal_id', 'desc').limit(limit).offset(offset).execute();
}

// ───────────────────────────── reference data ─────────────────────────────

export async function findTerritory(db: Kysely<DB>, code: string) {
  return db.selectFrom('territory').select(['code', 'name', 'level', 'parent_code']).where('code', '=', code).executeTakeFirst();
}

export async function listChildTerritories(db: Kysely<DB>, parent: string) {
  return db.selectFrom('territory').select(['code', 'name', 'level']).where('parent_code', '=', parent).orderBy('code').execute();
}

export async function territoryNamesOf(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('territory').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function listCategories(db: Kysely<DB>) {
  return db.selectFrom('category').select(['id', 'parent_id', 'name_zh', 'name_en', 'sort', 'code']).orderBy('sort').orderBy('code').execute();
}

export async function findVenueRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('venue').select(['id', 'name', 'kind', 'territory_code', 'public', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function findCampaignRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
}

// ───────────────────────────── consultations ─────────────────────────────

export interface EventFilter {
  /** ISO instants: starts_at in [fromIso, toIso). */
  fromIso: string;
  toIso: string;
  scope: AppealScope;
  venueId: string | null;
  campaignId: string | null;
}

function eventsQuery(db: Kysely<DB>, f: EventFilter) {
  let q = db
    .selectFrom('consultation as c')
    .leftJoin('venue as v', 'v.id', 'c.venue_id')
    .where('c.starts_at', '>=', f.fromIso)
    .where('c.starts_at', '<', f.toIso)
    .where('c.state', '<>', 'cancelled');
  if (f.scope.level === 'town') {
    const code = f.scope.code;
    q = q.where((eb) => eb.or([eb('c.territory_code', '=', code), eb('v.territory_code', 'like', `${code}%`)]));
  }
  if (f.scope.level === 'village') q = q.where('v.territory_code', '=', f.scope.code);
  if (f.venueId) q = q.where('c.venue_id', '=', f.venueId);
  if (f.campaignId) q = q.where('c.campaign_id', '=', f.campaignId);
  return q;
}

/** A CASE expression naming the month (of `months`, ascending, with their China-time starts) an instant falls in. */
function monthBucket(column: string, months: { month: string; startIso: string }[]) {
  const parts = months.slice(1).map((m, i) => sql`when ${sql.ref(column)} < ${m.startIso} then ${(months[i] as { month: string }).month}`);
  return parts.length ? sql<string>`case ${sql.join(parts, sql` `)} else ${(months.at(-1) as { month: string }).month} end` : sql<string>`${(months[0] as { month: string }).month}`;
}

function eventFacts(db: Kysely<DB>, f: EventFilter) {
  let q = db.selectFrom('event_fact as e').where('e.starts_at', '>=', f.fromIso).where('e.starts_at', '<', f.toIso).where('e.state', '<>', 'cancelled');
  if (f.scope.level === 'town') {
    const code = f.scope.code;
    q = q.where((eb) => eb.or([eb('e.territory_code', '=', code), eb('e.venue_territory', 'like', `${code}%`)]));
  }
  if (f.scope.level === 'village') q = q.where('e.venue_territory', '=', f.scope.code);
  if (f.venueId) q = q.where('e.venue_id', '=', f.venueId);
  if (f.campaignId) q = q.where('e.campaign_id', '=', f.campaignId);
  return q;
}

/** Events, completed events and the suggestion roll-up's counts per month of the event's start. */
export async function sumEventsByMonth(db: Kysely<DB>, f: EventFilter, months: { month: string; startIso: string }[]) {
  const bucket = monthBucket('e.starts_at', months);
  const rows = await eventFacts(db, f)
    .select([
      bucket.as('month'),
      sql<number>`count(*)`.as('events'),
      sql<number>`sum(case when e.state = 'completed' then 1 else 0 end)`.as('completed'),
      sql<number>`sum(e.suggestions)`.as('suggestions'),
      sql<number>`sum(e.decided)`.as('decided'),
      sql<number>`sum(e.adopted)`.as('adopted'),
      sql<number>`sum(e.assigned)`.as('assigned'),
      sql<number>`sum(e.implemented)`.as('implemented'),
    ])
    // By position: PostgreSQL would not see two parameterised CASE expressions as the same.
    .groupBy(sql`1`)
    .execute();
  return rows.map((r) => ({
    month: String(r.month),
    events: num(r.events),
    completed: num(r.completed),
    suggestions: num(r.suggestions),
    decided: num(r.decided),
    adopted: num(r.adopted),
    assigned: num(r.assigned),
    implemented: num(r.implemented),
  }));
}

export interface TopicFilter {
  fromIso: string;
  toIso: string;
  scope: AppealScope;
  /** Only topics consulted on at events of this venue / campaign. */
  venueId: string | null;
  campaignId: string | null;
}

function filedTopicsQuery(db: Kysely<DB>, f: TopicFilter) {
  let q = db
    .selectFrom('topic as t')
    .innerJoin('topic_event as e', (j) => j.onRef('e.topic_id', '=', 't.id').on('e.to_state', '=', 'filed'))
    .where('t.state', '=', 'filed')
    .where('e.created_at', '>=', f.fromIso)
    .where('e.created_at', '<', f.toIso);
  if (f.scope.level !== 'county') q = q.where('t.territory_code', '=', f.scope.code.slice(0, 9));
  if (f.venueId || f.campaignId) {
    const { venueId, campaignId } = f;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('consultation_topic as ct')
          .innerJoin('consultation as c', 'c.id', 'ct.consultation_id')
          .select('ct.topic_id')
          .whereRef('ct.topic_id', '=', 't.id')
          .$if(!!venueId, (s) => s.where('c.venue_id', '=', venueId as string))
          .$if(!!campaignId, (s) => s.where('c.campaign_id', '=', campaignId as string)),
      ),
    );
  }
  return q;
}

export async function countFiledTopics(db: Kysely<DB>, f: TopicFilter): Promise<number> {
  const r = await filedTopicsQuery(db, f).select(sql<number>`count(distinct t.id)`.as('n')).executeTakeFirst();
  return num(r?.n);
}

export async function listFiledTopics(db: Kysely<DB>, f: TopicFilter, limit: number, offset: number) {
  return filedTopicsQuery(db, f)
    .leftJoin('territory as tt', 'tt.code', 't.territory_code')
    .select(['t.id', 't.title', 'tt.name as town_name', sql<string>`min(e.created_at)`.as('filed_at')])
    .groupBy(['t.id', 't.title', 'tt.name'])
    .orderBy(sql`min(e.created_at)`, 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function listEventRecords(db: Kysely<DB>, f: EventFilter, completedOnly: boolean, limit: number, offset: number) {
  let q = eventsQuery(db, f);
  if (completedOnly) q = q.where('c.state', '=', 'completed');
  const [rows, total] = await Promise.all([
    q.select(['c.id', 'c.title', 'v.name as venue_name', 'c.starts_at', 'c.state']).orderBy('c.starts_at', 'desc').orderBy('c.id', 'desc').limit(limit).offset(offset).execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { rows, total: num(total?.n) };
}

/** Suggestions of matching events; `only` narrows to the figure's denominator. */
export async function listSuggestionRecords(db: Kysely<DB>, f: EventFilter, only: 'live' | 'decided' | 'assigned', limit: number, offset: number) {
  let q = eventsQuery(db, f).innerJoin('suggestion as s', 's.consultation_id', 'c.id').where('s.state', '<>', 'merged');
  if (only === 'decided') q = q.where('s.decision', 'is not', null);
  if (only === 'assigned') q = q.where('s.lead_unit_id', 'is not', null);
  const [rows, total] = await Promise.all([
    q
      .select(['s.id', 's.text', 'c.title as event_title', 's.state', 's.decision', 's.grade', 's.issued_at'])
      .orderBy('c.starts_at', 'desc')
      .orderBy('s.seq')
      .orderBy('s.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { rows, total: num(total?.n) };
}

// ───────────────────────────── coverage and campaigns ─────────────────────────────

export async function listActiveVenues(db: Kysely<DB>) {
  return db.selectFrom('venue').select(['id', 'name', 'kind', 'territory_code']).where('active', '=', 1).where('public', '=', 1).orderBy('kind').orderBy('name').execute();
}

export async function memberCountsByVenue(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('venue_member').select(['venue_id', sql<number>`count(*)`.as('n')]).groupBy('venue_id').execute();
  return new Map(rows.map((r) => [r.venue_id, num(r.n)]));
}

export async function eventCountsByVenue(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('consultation')
    .select(['venue_id', sql<number>`count(*)`.as('n')])
    .where('venue_id', 'is not', null)
    .where('state', '<>', 'cancelled')
    .groupBy('venue_id')
    .execute();
  return new Map(rows.map((r) => [r.venue_id as string, num(r.n)]));
}

export async function listCampaignEvents(db: Kysely<DB>, campaignId: string) {
  return db
    .selectFrom('consultation as c')
    .leftJoin('venue as v', 'v.id', 'c.venue_id')
    .select(['c.id', 'c.starts_at', 'c.territory_code', 'v.territory_code as venue_territory'])
    .where('c.campaign_id', '=', campaignId)
    .where('c.state', '<>', 'cancelled')
    .execute();
}

/** A campaign's live suggestions counted per UTC hour of creation (≤ 24 rows a day), adopted apart. */
export async function countCampaignSuggestions(db: Kysely<DB>, campaignId: string) {
  const hour = sql<string>`substr(s.created_at, 1, 13)`;
  const adopted = sql<number>`case when s.decision in ('adopted', 'partly_adopted') then 1 else 0 end`;
  const rows = await db
    .selectFrom('suggestion as s')
    .innerJoin('consultation as c', 'c.id', 's.consultation_id')
    .select([hour.as('hour'), sql<number>`count(*)`.as('n'), sql<number>`sum(${adopted})`.as('adopted')])
    .where('c.campaign_id', '=', campaignId)
    .where('c.state', '<>', 'cancelled')
    .where('s.state', '<>', 'merged')
    .groupBy(sql`1`)
    .execute();
  return rows.map((r) => ({ hour: String(r.hour), n: num(r.n), adopted: num(r.adopted) }));
}

// ───────────────────────────── data version ─────────────────────────────

/** A number that changes whenever a figure could: the aggregator's last change and the newest row of every other source. */
export async function dataVersion(db: Kysely<DB>): Promise<number> {
  const max = (table: 'topic' | 'consultation' | 'suggestion' | 'venue' | 'campaign') =>
    db.selectFrom(table).select(sql<string | null>`max(updated_at)`.as('m')).executeTakeFirst();
  const [state, ...rows] = await Promise.all([
    db.selectFrom('dashboard_state').select('changed_at').where('name', '=', STATE).executeTakeFirst(),
    max('topic'),
    max('consultation'),
    max('suggestion'),
    max('venue'),
    max('campaign'),
    db.selectFrom('venue_member').select([sql<string | null>`max(created_at)`.as('m'), sql<number>`count(*)`.as('n')]).executeTakeFirst(),
  ]);
  let v = num(state?.changed_at);
  for (const r of rows) {
    const m = r?.m ? Date.parse(r.m) : 0;
    v += Number.isNaN(m) ? 0 : m;
  }
  v += num((rows.at(-1) as { n?: unknown } | undefined)?.n);
  return v;
}
