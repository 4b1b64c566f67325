/**
 * The online consultations' SQL: their own tables, plus the titles of the event or topic they
 * belong to. Portable Kysely on both engines; the vote upsert uses `on conflict`, which both have.
 */
import type { Kysely } from 'kysely';
import { precompiled } from '../../infra/db/precompiled.js';
import type { DB } from '../../infra/db/schema.js';
import type { OnlineConsultationTable, OnlineMapJobTable, OnlineMapTable, OnlineParticipantTable, OnlineStatementTable } from './online.table.js';

export async function insertOnline(db: Kysely<DB>, row: OnlineConsultationTable): Promise<void> {
  await db.insertInto('online_consultation').values(row).execute();
  await db.insertInto('online_map_job').values({ online_id: row.id, changes: 0, computed_changes: 0, lease_owner: null, lease_until: null, started_at: null }).execute();
}

// Every vote runs these: compiled once per database (infra/db/precompiled.ts), since building a
// Kysely query costs more than SQLite takes to run a lookup by key.
const onlineById = precompiled(['id'], (db, p) => db.selectFrom('online_consultation').selectAll().where('id', '=', p.id));
const participantByToken = precompiled(['hash'], (db, p) => db.selectFrom('online_participant').selectAll().where('token_hash', '=', p.hash));
const statementById = precompiled(['id', 'online'], (db, p) => db.selectFrom('online_statement').selectAll().where('id', '=', p.id).where('online_id', '=', p.online));
const voteOf = precompiled(['participant', 'statement'], (db, p) => db.selectFrom('online_vote').select('vote').where('participant_id', '=', p.participant).where('statement_id', '=', p.statement));
const voteUpsert = precompiled(['participant', 'statement', 'online', 'vote', 'now'], (db, p) =>
  db
    .insertInto('online_vote')
    .values({ participant_id: p.participant, statement_id: p.statement, online_id: p.online, vote: p.vote as unknown as number, created_at: p.now, updated_at: p.now })
    .onConflict((oc) => oc.columns(['participant_id', 'statement_id']).doUpdateSet({ vote: p.vote as unknown as number, updated_at: p.now })),
);
const dirty = precompiled(['online'], (db, p) => db.updateTable('online_map_job').set((eb) => ({ changes: eb('changes', '+', 1) })).where('online_id', '=', p.online));

export async function findOnline(db: Kysely<DB>, id: string): Promise<OnlineConsultationTable | undefined> {
  return (await onlineById(db, { id }))[0];
}

/** Compare-and-set on the version; false when someone changed it meanwhile. */
export async function updateOnline(db: Kysely<DB>, id: string, version: number, changes: Partial<Omit<OnlineConsultationTable, 'id' | 'version'>>): Promise<boolean> {
  const r = await db.updateTable('online_consultation').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether any online consultation exists (the demo seeds one on a database without). */
export async function anyOnlineConsultation(db: Kysely<DB>): Promise<boolean> {
  return !!(await db.selectFrom('online_consultation').select('id').limit(1).executeTakeFirst());
}

/** The oldest event with this title (the demo finds its station's event by name). */
export async function eventIdByTitle(db: Kysely<DB>, title: string): Promise<string | undefined> {
  return (await db.selectFrom('consultation').select('id').where('title', '=', title).orderBy('created_at').limit(1).executeTakeFirst())?.id;
}

/** An event's online consultations (or all of them), newest first. */
export async function listOnline(db: Kysely<DB>, f: { consultationId?: string | undefined } = {}): Promise<OnlineConsultationTable[]> {
  let q = db.selectFrom('online_consultation').selectAll();
  if (f.consultationId) q = q.where('consultation_id', '=', f.consultationId);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** Every online consultation, open ones first, then closed, newest first within each. */
export async function listPublicOnline(db: Kysely<DB>): Promise<OnlineConsultationTable[]> {
  return db.selectFrom('online_consultation').selectAll().orderBy('state', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
}

export interface OnlineCounts {
  participants: number;
  statements: number;
  votes: number;
}

/** Participants who joined, accepted statements and votes cast, per consultation. */
export async function countsOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, OnlineCounts>> {
  const out = new Map<string, OnlineCounts>(ids.map((id) => [id, { participants: 0, statements: 0, votes: 0 }]));
  if (!ids.length) return out;
  const [people, statements] = await Promise.all([
    db.selectFrom('online_participant').select(['online_id', (eb) => eb.fn.countAll<number>().as('n')]).where('online_id', 'in', ids).groupBy('online_id').execute(),
    db
      .selectFrom('online_statement')
      .select(['online_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb('agrees', '+', eb('disagrees', '+', eb.ref('passes')))).as('votes')])
      .where('online_id', 'in', ids)
      .where('status', '=', 'accepted')
      .groupBy('online_id')
      .execute(),
  ]);
  for (const p of people) out.get(p.online_id)!.participants = Number(p.n);
  for (const s of statements) Object.assign(out.get(s.online_id)!, { statements: Number(s.n), votes: Number(s.votes ?? 0) });
  return out;
}

export async function eventTitle(db: Kysely<DB>, id: string | null): Promise<{ id: string; title: string } | null> {
  if (!id) return null;
  return (await db.selectFrom('consultation').select(['id', 'title']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Where an event is held: what decides who runs it. */
export async function eventPlace(db: Kysely<DB>, id: string): Promise<{ venue_id: string | null; territory_code: string | null } | undefined> {
  return db.selectFrom('consultation').select(['venue_id', 'territory_code']).where('id', '=', id).executeTakeFirst();
}

export async function topicState(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('topic').select('state').where('id', '=', id).executeTakeFirst())?.state;
}

export async function topicTitle(db: Kysely<DB>, id: string | null): Promise<{ id: string; title: string } | null> {
  if (!id) return null;
  return (await db.selectFrom('topic').select(['id', 'title']).where('id', '=', id).executeTakeFirst()) ?? null;
}

// Participants

export async function findParticipantByToken(db: Kysely<DB>, tokenHash: string): Promise<OnlineParticipantTable | undefined> {
  return (await participantByToken(db, { hash: tokenHash }))[0];
}

export async function findParticipantByIdentity(db: Kysely<DB>, onlineId: string, identityHash: string): Promise<OnlineParticipantTable | undefined> {
  return db.selectFrom('online_participant').selectAll().where('online_id', '=', onlineId).where('identity_hash', '=', identityHash).executeTakeFirst();
}

export async function insertParticipant(db: Kysely<DB>, row: OnlineParticipantTable): Promise<void> {
  await db.insertInto('online_participant').values(row).execute();
}

/** A new token for a participant who joins again (the old one stops working). */
export async function replaceToken(db: Kysely<DB>, participantId: string, tokenHash: string): Promise<void> {
  await db.updateTable('online_participant').set({ token_hash: tokenHash }).where('id', '=', participantId).execute();
}

// Statements

export async function nextStatementSeq(db: Kysely<DB>, onlineId: string): Promise<number> {
  const r = await db.selectFrom('online_statement').select((eb) => eb.fn.max('seq').as('m')).where('online_id', '=', onlineId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function insertStatement(db: Kysely<DB>, row: OnlineStatementTable): Promise<void> {
  await db.insertInto('online_statement').values(row).execute();
}

export async function findStatement(db: Kysely<DB>, onlineId: string, id: string): Promise<OnlineStatementTable | undefined> {
  return (await statementById(db, { id, online: onlineId }))[0];
}

/** A consultation's statements in order (all statuses). */
export async function listStatements(db: Kysely<DB>, onlineId: string): Promise<OnlineStatementTable[]> {
  return db.selectFrom('online_statement').selectAll().where('online_id', '=', onlineId).orderBy('seq').execute();
}

/** Accepted, non-meta statements the participant has not voted on yet. */
export async function unseenStatements(db: Kysely<DB>, onlineId: string, participantId: string) {
  return db
    .selectFrom('online_statement as s')
    .select(['s.id', 's.seq', 's.text', 's.agrees', 's.disagrees', 's.passes'])
    .where('s.online_id', '=', onlineId)
    .where('s.status', '=', 'accepted')
    .where('s.meta', '=', 0)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('online_vote as v').select('v.statement_id').where('v.participant_id', '=', participantId).whereRef('v.statement_id', '=', 's.id'))))
    .orderBy('s.seq')
    .execute();
}

export async function countVotesOf(db: Kysely<DB>, participantId: string): Promise<number> {
  const r = await db.selectFrom('online_vote').select((eb) => eb.fn.countAll<number>().as('n')).where('participant_id', '=', participantId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Compare-and-set on the version. */
export async function updateStatement(db: Kysely<DB>, id: string, version: number, changes: Partial<Omit<OnlineStatementTable, 'id' | 'version'>>): Promise<boolean> {
  const r = await db.updateTable('online_statement').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Links a statement to the suggestion made of it, once. */
export async function linkSuggestion(db: Kysely<DB>, id: string, suggestionId: string, now: string): Promise<boolean> {
  const r = await db.updateTable('online_statement').set({ suggestion_id: suggestionId, updated_at: now }).where('id', '=', id).where('suggestion_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// Votes

export async function findVote(db: Kysely<DB>, participantId: string, statementId: string): Promise<number | undefined> {
  const r = (await voteOf(db, { participant: participantId, statement: statementId }))[0];
  return r === undefined ? undefined : Number(r.vote);
}

/** Stores a vote, replacing the participant's earlier one on the statement. */
export async function upsertVote(db: Kysely<DB>, v: { participantId: string; statementId: string; onlineId: string; vote: number; now: string }): Promise<void> {
  await voteUpsert(db, { participant: v.participantId, statement: v.statementId, online: v.onlineId, vote: v.vote, now: v.now });
}

type CountColumn = 'agrees' | 'disagrees' | 'passes';
const COUNT_COLUMN: Record<string, CountColumn> = { '1': 'agrees', '-1': 'disagrees', '0': 'passes' };

/** One compiled update per (from, to) pair of counters: six in all. */
const shifts = new Map<string, ReturnType<typeof shiftQuery>>();
function shiftQuery(from: CountColumn | null, to: CountColumn) {
  return precompiled(['id'], (db, p) =>
    db
      .updateTable('online_statement')
      .set((eb) => ({ [to]: eb(eb.ref(to), '+', 1), ...(from ? { [from]: eb(eb.ref(from), '-', 1) } : {}) }))
      .where('id', '=', p.id),
  );
}

/** Moves a statement's counts from the earlier vote (if any) to the new one. */
export async function shiftCounts(db: Kysely<DB>, statementId: string, before: number | undefined, after: number): Promise<void> {
  if (before === after) return;
  const to = COUNT_COLUMN[String(after)] as CountColumn;
  const from = before === undefined ? null : (COUNT_COLUMN[String(before)] as CountColumn);
  const key = `${from}>${to}`;
  let q = shifts.get(key);
  if (!q) shifts.set(key, (q = shiftQuery(from, to)));
  await q(db, { id: statementId });
}

/** Tells the map worker that a consultation's map is behind. */
export async function markDirty(db: Kysely<DB>, onlineId: string): Promise<void> {
  await dirty(db, { online: onlineId });
}

// The map and its job

/** Consultations whose map is behind, not leased by anyone, and not recomputed in the last `startedBefore`. */
export async function listDirtyJobs(db: Kysely<DB>, now: string, startedBefore: string, limit: number): Promise<OnlineMapJobTable[]> {
  return db
    .selectFrom('online_map_job')
    .selectAll()
    .whereRef('changes', '>', 'computed_changes')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .where((eb) => eb.or([eb('started_at', 'is', null), eb('started_at', '<', startedBefore)]))
    .orderBy('started_at')
    .limit(limit)
    .execute();
}

/**
 * Takes the recompute lease with one conditional update: it succeeds for exactly one process
 * while nobody holds an unexpired lease, on SQLite and PostgreSQL alike.
 */
export async function claimJob(db: Kysely<DB>, onlineId: string, owner: string, now: string, until: string, startedBefore: string): Promise<number | null> {
  const r = await db
    .updateTable('online_map_job')
    .set({ lease_owner: owner, lease_until: until, started_at: now })
    .where('online_id', '=', onlineId)
    .whereRef('changes', '>', 'computed_changes')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .where((eb) => eb.or([eb('started_at', 'is', null), eb('started_at', '<', startedBefore)]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return null;
  const job = await db.selectFrom('online_map_job').select('changes').where('online_id', '=', onlineId).where('lease_owner', '=', owner).executeTakeFirst();
  return job ? Number(job.changes) : null;
}

/** Marks the changes up to `changes` as computed and lets go of the lease, only while this owner still holds it. */
export async function completeJob(db: Kysely<DB>, onlineId: string, owner: string, now: string, changes: number): Promise<boolean> {
  const r = await db
    .updateTable('online_map_job')
    .set({ computed_changes: changes, lease_owner: null, lease_until: null })
    .where('online_id', '=', onlineId)
    .where('lease_owner', '=', owner)
    .where('lease_until', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Lets go of the lease after a failed recompute. */
export async function releaseJob(db: Kysely<DB>, onlineId: string, owner: string): Promise<void> {
  await db.updateTable('online_map_job').set({ lease_owner: null, lease_until: null }).where('online_id', '=', onlineId).where('lease_owner', '=', owner).execute();
}

/**
 * Every vote of a consultation, participant by participant in the order they joined (UUIDv7 ids
 * sort by time), a page at a time (keyset on the primary key): a million votes never sit in one
 * result, and requests are served between pages.
 */
export async function* votePages(db: Kysely<DB>, onlineId: string, pageSize = 50_000) {
  let after: { p: string; s: string } | null = null;
  for (;;) {
    let q = db.selectFrom('online_vote').select(['participant_id', 'statement_id', 'vote']).where('online_id', '=', onlineId);
    if (after) {
      const { p, s } = after;
      q = q.where((eb) => eb.or([eb('participant_id', '>', p), eb.and([eb('participant_id', '=', p), eb('statement_id', '>', s)])]));
    }
    const rows = await q.orderBy('participant_id').orderBy('statement_id').limit(pageSize).execute();
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { p: last.participant_id, s: last.statement_id };
  }
}

export async function findMap(db: Kysely<DB>, onlineId: string): Promise<OnlineMapTable | undefined> {
  return db.selectFrom('online_map').selectAll().where('online_id', '=', onlineId).executeTakeFirst();
}

export async function findMapVersion(db: Kysely<DB>, onlineId: string): Promise<number> {
  const r = await db.selectFrom('online_map').select('version').where('online_id', '=', onlineId).executeTakeFirst();
  return r ? Number(r.version) : 0;
}

/** The map version of each of these consultations (0 before the first recompute). */
export async function mapVersions(db: Kysely<DB>, ids: string[]): Promise<Map<string, number>> {
  const out = new Map(ids.map((id) => [id, 0]));
  if (!ids.length) return out;
  for (const r of await db.selectFrom('online_map').select(['online_id', 'version']).where('online_id', 'in', ids).execute()) out.set(r.online_id, Number(r.version));
  return out;
}

/** Stores a new map as the next version. */
export async function storeMap(db: Kysely<DB>, onlineId: string, now: string, mapJson: string, stateJson: string): Promise<number> {
  const current = await findMapVersion(db, onlineId);
  if (current === 0) {
    await db.insertInto('online_map').values({ online_id: onlineId, version: 1, computed_at: now, map_json: mapJson, state_json: stateJson }).execute();
    return 1;
  }
  await db.updateTable('online_map').set({ version: current + 1, computed_at: now, map_json: mapJson, state_json: stateJson }).where('online_id', '=', onlineId).execute();
  return current + 1;
}

export async function findMapState(db: Kysely<DB>, onlineId: string): Promise<string | null> {
  const r = await db.selectFrom('online_map').select('state_json').where('online_id', '=', onlineId).executeTakeFirst();
  return r?.state_json ?? null;
}
