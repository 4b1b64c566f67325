import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { SuggestionState } from './suggestion.workflow.js';
import type {
  SuggestionAppealTable,
  SuggestionAuthorTable,
  SuggestionEventTable,
  SuggestionFeedbackTable,
  SuggestionProgressTable,
  SuggestionReplyTable,
  SuggestionTable,
  SuggestionUnitTable,
} from './suggestions.table.js';

export async function insertSuggestion(db: Kysely<DB>, row: SuggestionTable) {
  await db.insertInto('suggestion').values(row).execute();
}

export async function findSuggestion(db: Kysely<DB>, id: string) {
  return db.selectFrom('suggestion').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The next number on an event's list (the unique constraint catches a race). */
export async function nextSeq(db: Kysely<DB>, consultationId: string): Promise<number> {
  const r = await db.selectFrom('suggestion').select((eb) => eb.fn.max<number>('seq').as('m')).where('consultation_id', '=', consultationId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

type Patch = Partial<Omit<SuggestionTable, 'id' | 'consultation_id' | 'seq' | 'created_by' | 'created_by_label' | 'created_at' | 'version'>>;

/** Compare-and-set on (id, version): a stale edit or a raced step changes nothing. */
export async function updateSuggestion(db: Kysely<DB>, id: string, version: number, patch: Patch) {
  const r = await db.updateTable('suggestion').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks every live suggestion of an event as issued on its list. */
export async function markIssued(db: Kysely<DB>, consultationId: string, at: string) {
  await db.updateTable('suggestion').set({ issued_at: at }).where('consultation_id', '=', consultationId).where('state', '!=', 'merged').execute();
}

export async function listSuggestionsOf(db: Kysely<DB>, consultationIds: string[]) {
  if (consultationIds.length === 0) return [];
  return db.selectFrom('suggestion').selectAll().where('consultation_id', 'in', consultationIds).orderBy('consultation_id').orderBy('seq').execute();
}

export async function insertAuthors(db: Kysely<DB>, rows: SuggestionAuthorTable[]) {
  if (rows.length) await db.insertInto('suggestion_author').values(rows).execute();
}

export async function deleteAuthors(db: Kysely<DB>, suggestionId: string) {
  await db.deleteFrom('suggestion_author').where('suggestion_id', '=', suggestionId).execute();
}

export async function listAuthors(db: Kysely<DB>, suggestionIds: string[]) {
  if (suggestionIds.length === 0) return [];
  return db.selectFrom('suggestion_author').selectAll().where('suggestion_id', 'in', suggestionIds).orderBy('created_at').orderBy('id').execute();
}

export async function linkAppeals(db: Kysely<DB>, rows: SuggestionAppealTable[]) {
  if (rows.length) await db.insertInto('suggestion_appeal').values(rows).onConflict((oc) => oc.columns(['suggestion_id', 'appeal_id']).doNothing()).execute();
}

export async function unlinkAppeals(db: Kysely<DB>, suggestionId: string) {
  await db.deleteFrom('suggestion_appeal').where('suggestion_id', '=', suggestionId).execute();
}

export async function listAppealLinks(db: Kysely<DB>, suggestionIds: string[]) {
  if (suggestionIds.length === 0) return [];
  return db.selectFrom('suggestion_appeal').selectAll().where('suggestion_id', 'in', suggestionIds).orderBy('created_at').orderBy('appeal_id').execute();
}

/** Replaces the units a suggestion is assigned to. */
export async function replaceUnits(db: Kysely<DB>, suggestionId: string, rows: SuggestionUnitTable[]) {
  await db.deleteFrom('suggestion_unit').where('suggestion_id', '=', suggestionId).execute();
  if (rows.length) await db.insertInto('suggestion_unit').values(rows).execute();
}

/** The units of these suggestions, with their names. */
export async function listUnits(db: Kysely<DB>, suggestionIds: string[]) {
  if (suggestionIds.length === 0) return [];
  return db
    .selectFrom('suggestion_unit')
    .innerJoin('unit', 'unit.id', 'suggestion_unit.unit_id')
    .select(['suggestion_unit.suggestion_id', 'suggestion_unit.unit_id', 'suggestion_unit.role', 'unit.name'])
    .where('suggestion_unit.suggestion_id', 'in', suggestionIds)
    .orderBy('suggestion_unit.role', 'desc')
    .orderBy('unit.name')
    .execute();
}

export async function insertSuggestionEvent(db: Kysely<DB>, row: SuggestionEventTable) {
  await db.insertInto('suggestion_event').values(row).execute();
}

export async function listSuggestionEvents(db: Kysely<DB>, suggestionId: string) {
  return db.selectFrom('suggestion_event').selectAll().where('suggestion_id', '=', suggestionId).orderBy('created_at').orderBy('id').execute();
}

/** The journeys of several suggestions at once. */
export async function listEventsOf(db: Kysely<DB>, suggestionIds: string[]) {
  if (suggestionIds.length === 0) return [];
  return db.selectFrom('suggestion_event').selectAll().where('suggestion_id', 'in', suggestionIds).orderBy('created_at').orderBy('id').execute();
}

export async function insertReply(db: Kysely<DB>, row: SuggestionReplyTable) {
  await db.insertInto('suggestion_reply').values(row).execute();
}

export async function listReplies(db: Kysely<DB>, suggestionIds: string[]) {
  if (suggestionIds.length === 0) return [];
  return db
    .selectFrom('suggestion_reply')
    .innerJoin('unit', 'unit.id', 'suggestion_reply.unit_id')
    .selectAll('suggestion_reply')
    .select('unit.name as unit_name')
    .where('suggestion_reply.suggestion_id', 'in', suggestionIds)
    .orderBy('suggestion_reply.created_at')
    .orderBy('suggestion_reply.id')
    .execute();
}

export async function insertProgress(db: Kysely<DB>, row: SuggestionProgressTable) {
  await db.insertInto('suggestion_progress').values(row).execute();
}

export async function listProgress(db: Kysely<DB>, suggestionIds: string[]) {
  if (suggestionIds.length === 0) return [];
  return db.selectFrom('suggestion_progress').selectAll().where('suggestion_id', 'in', suggestionIds).orderBy('created_at').orderBy('id').execute();
}

export async function insertFeedback(db: Kysely<DB>, row: SuggestionFeedbackTable) {
  await db.insertInto('suggestion_feedback').values(row).execute();
}

export async function listFeedback(db: Kysely<DB>, suggestionIds: string[]) {
  if (suggestionIds.length === 0) return [];
  return db.selectFrom('suggestion_feedback').selectAll().where('suggestion_id', 'in', suggestionIds).orderBy('created_at').orderBy('id').execute();
}

/** Suggestions whose lead or assisting units include one of these, in the given states. */
export async function listForUnits(db: Kysely<DB>, unitIds: string[], states: SuggestionState[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('suggestion')
    .selectAll('suggestion')
    .where('state', 'in', states)
    .where((eb) => eb.exists(eb.selectFrom('suggestion_unit').select('suggestion_unit.unit_id').whereRef('suggestion_unit.suggestion_id', '=', 'suggestion.id').where('suggestion_unit.unit_id', 'in', unitIds)))
    .orderBy('reply_due_at')
    .orderBy('id')
    .limit(500)
    .execute();
}

/** Suggestions in some states across the district, oldest change first. */
export async function listInStates(db: Kysely<DB>, states: SuggestionState[], limit = 500) {
  return db.selectFrom('suggestion').selectAll().where('state', 'in', states).orderBy('updated_at').orderBy('id').limit(limit).execute();
}

/** Suggestions the author is recorded on, or whose linked appeal the person filed or carries their phone. */
export async function listRelatedTo(db: Kysely<DB>, accountId: string, phone: string | null) {
  return db
    .selectFrom('suggestion')
    .selectAll('suggestion')
    .where('state', '!=', 'merged')
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('suggestion_author').select('suggestion_author.id').whereRef('suggestion_author.suggestion_id', '=', 'suggestion.id').where('suggestion_author.account_id', '=', accountId)),
        eb.exists(
          eb
            .selectFrom('suggestion_appeal')
            .innerJoin('appeal', 'appeal.id', 'suggestion_appeal.appeal_id')
            .select('suggestion_appeal.appeal_id')
            .whereRef('suggestion_appeal.suggestion_id', '=', 'suggestion.id')
            .where((w) => w.or([w('appeal.filed_by', '=', accountId), ...(phone ? [w('appeal.resident_phone', '=', phone)] : [])])),
        ),
      ]),
    )
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute();
}

/** The events that consulted on a topic. */
export async function consultationIdsOfTopic(db: Kysely<DB>, topicId: string): Promise<string[]> {
  return (await db.selectFrom('consultation_topic').select('consultation_id').where('topic_id', '=', topicId).execute()).map((r) => r.consultation_id);
}

/** The events of a campaign (cancelled ones left out). */
export async function consultationIdsOfCampaign(db: Kysely<DB>, campaignId: string): Promise<string[]> {
  return (await db.selectFrom('consultation').select('id').where('campaign_id', '=', campaignId).where('state', '!=', 'cancelled').execute()).map((r) => r.id);
}
