import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type {
  ArtefactKind,
  CampaignTable,
  ConsultationArtefactTable,
  ConsultationAttendeeTable,
  ConsultationState,
  ConsultationTable,
  ProcedureTemplateTable,
} from './consultations.table.js';

export async function findConsultation(db: Kysely<DB>, id: string) {
  return db.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertArtefact(db: Kysely<DB>, row: ConsultationArtefactTable) {
  await db.insertInto('consultation_artefact').values(row).execute();
}

export async function listArtefacts(db: Kysely<DB>, consultationId: string) {
  return db.selectFrom('consultation_artefact').selectAll().where('consultation_id', '=', consultationId).orderBy('created_at').orderBy('id').execute();
}

export async function insertConsultation(db: Kysely<DB>, row: ConsultationTable) {
  await db.insertInto('consultation').values(row).execute();
}

/** Compare-and-set on (id, version): a stale version or a raced step changes nothing. */
export async function updateConsultation(db: Kysely<DB>, id: string, version: number, patch: Partial<Pick<ConsultationTable, 'state' | 'step_index' | 'sign_in_token' | 'updated_at'>>) {
  const r = await db.updateTable('consultation').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ConsultationSearch {
  campaignId?: string;
  venueId?: string;
  state?: ConsultationState;
  /** Only events these can manage: territory prefixes or venue ids; undefined: all. */
  reach?: { territoryPrefixes: string[]; venueIds: string[] };
}

function searchQuery(db: Kysely<DB>, s: ConsultationSearch) {
  let q = db.selectFrom('consultation');
  if (s.campaignId) q = q.where('campaign_id', '=', s.campaignId);
  if (s.venueId) q = q.where('venue_id', '=', s.venueId);
  if (s.state) q = q.where('state', '=', s.state);
  if (s.reach) {
    const { territoryPrefixes, venueIds } = s.reach;
    if (territoryPrefixes.length === 0 && venueIds.length === 0) return q.where(sql<boolean>`1 = 0`);
    q = q.where((eb) =>
      eb.or([...territoryPrefixes.map((p) => eb('territory_code', 'like', `${p}%`)), ...(venueIds.length ? [eb('venue_id', 'in', venueIds)] : [])]),
    );
  }
  return q;
}

/** Events, soonest start last (newest plans first). */
export async function listConsultations(db: Kysely<DB>, s: ConsultationSearch, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    searchQuery(db, s).selectAll().orderBy('starts_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    searchQuery(db, s).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function linkConsultationTopics(db: Kysely<DB>, consultationId: string, topicIds: string[], now: string) {
  if (topicIds.length) await db.insertInto('consultation_topic').values(topicIds.map((topic_id) => ({ consultation_id: consultationId, topic_id, created_at: now }))).execute();
}

export async function listConsultationTopicIds(db: Kysely<DB>, consultationId: string): Promise<string[]> {
  return (await db.selectFrom('consultation_topic').select('topic_id').where('consultation_id', '=', consultationId).orderBy('created_at').orderBy('topic_id').execute()).map((r) => r.topic_id);
}

/** The artefact kinds each event has (a suggestion list counts once recorded by the suggestions module). */
export async function artefactKindsOf(db: Kysely<DB>, consultationIds: string[]): Promise<Map<string, Set<ArtefactKind>>> {
  const out = new Map<string, Set<ArtefactKind>>();
  if (consultationIds.length === 0) return out;
  const rows = await db.selectFrom('consultation_artefact').select(['consultation_id', 'kind']).distinct().where('consultation_id', 'in', consultationIds).execute();
  for (const r of rows) out.set(r.consultation_id, (out.get(r.consultation_id) ?? new Set()).add(r.kind));
  return out;
}

/** How many attendees each event has. */
export async function attendeeCounts(db: Kysely<DB>, consultationIds: string[]): Promise<Map<string, number>> {
  if (consultationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('consultation_attendee')
    .select(['consultation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('consultation_id', 'in', consultationIds)
    .groupBy('consultation_id')
    .execute();
  return new Map(rows.map((r) => [r.consultation_id, Number(r.n)]));
}

export async function insertAttendee(db: Kysely<DB>, row: ConsultationAttendeeTable) {
  await db.insertInto('consultation_attendee').values(row).execute();
}

export async function listAttendees(db: Kysely<DB>, consultationId: string) {
  return db.selectFrom('consultation_attendee').selectAll().where('consultation_id', '=', consultationId).orderBy('created_at').orderBy('id').execute();
}

/** An attendee already signed in with this account or phone. */
export async function findAttendee(db: Kysely<DB>, consultationId: string, by: { accountId?: string | null; phoneHash?: string | null }) {
  if (!by.accountId && !by.phoneHash) return undefined;
  return db
    .selectFrom('consultation_attendee')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .where((eb) => eb.or([...(by.accountId ? [eb('account_id', '=', by.accountId)] : []), ...(by.phoneHash ? [eb('phone_hash', '=', by.phoneHash)] : [])]))
    .executeTakeFirst();
}

export async function insertCampaign(db: Kysely<DB>, row: CampaignTable) {
  await db.insertInto('campaign').values(row).execute();
}

export async function findCampaign(db: Kysely<DB>, id: string) {
  return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Compare-and-set on (id, version). */
export async function updateCampaign(db: Kysely<DB>, id: string, version: number, patch: Partial<Omit<CampaignTable, 'id' | 'version' | 'created_at'>>) {
  const r = await db.updateTable('campaign').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Campaigns, latest start first, with how many events each has. */
export async function listCampaigns(db: Kysely<DB>, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    db.selectFrom('campaign').selectAll().orderBy('starts_on', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    db.selectFrom('campaign').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Events per campaign, for a campaign list's progress against its target. */
export async function eventCountsByCampaign(db: Kysely<DB>, campaignIds: string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('consultation')
    .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', 'in', campaignIds)
    .where('state', '!=', 'cancelled')
    .groupBy('campaign_id')
    .execute();
  return new Map(rows.map((r) => [r.campaign_id as string, Number(r.n)]));
}

export async function insertTemplate(db: Kysely<DB>, row: ProcedureTemplateTable) {
  await db.insertInto('procedure_template').values(row).execute();
}

export async function findTemplate(db: Kysely<DB>, id: string) {
  return db.selectFrom('procedure_template').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Compare-and-set on (id, version). */
export async function updateTemplate(db: Kysely<DB>, id: string, version: number, patch: Partial<Omit<ProcedureTemplateTable, 'id' | 'version' | 'created_at'>>) {
  const r = await db.updateTable('procedure_template').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listTemplates(db: Kysely<DB>) {
  return db.selectFrom('procedure_template').selectAll().orderBy('created_at').orderBy('id').execute();
}
