import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../../server/infra/db/schema.js';

/**
 * Inserts a consultation event (and a procedure template for it) straight into the database,
 * for tests of modules that build on events before the events API exists on their branch.
 */
export async function insertTestConsultation(
  db: Kysely<DB>,
  e: { title: string; venueId?: string | null; territoryCode?: string | null; campaignId?: string | null; organiserId?: string | null; topicIds?: string[] },
): Promise<string> {
  const now = new Date().toISOString();
  const steps = JSON.stringify([{ key: 'consult', label: '协商', requires: ['suggestion_list'] }]);
  const templateId = uuidv7();
  await db.insertInto('procedure_template').values({ id: templateId, name: `测试规程 ${templateId.slice(-6)}`, description: '', steps, active: 1, created_at: now, updated_at: now, version: 1 }).execute();
  const id = uuidv7();
  await db
    .insertInto('consultation')
    .values({
      id,
      title: e.title,
      summary: '',
      mode: 'on_site',
      venue_id: e.venueId ?? null,
      territory_code: e.territoryCode ?? null,
      campaign_id: e.campaignId ?? null,
      template_id: templateId,
      steps,
      step_index: 0,
      state: 'in_progress',
      starts_at: now,
      ends_at: null,
      sign_in_token: null,
      organiser_id: e.organiserId ?? null,
      organiser_label: '测试',
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  for (const topicId of e.topicIds ?? []) await db.insertInto('consultation_topic').values({ consultation_id: id, topic_id: topicId, created_at: now }).execute();
  return id;
}

/** Inserts a campaign, for roll-up tests. */
export async function insertTestCampaign(db: Kysely<DB>, title: string): Promise<string> {
  const now = new Date().toISOString();
  const id = uuidv7();
  await db.insertInto('campaign').values({ id, title, theme: title, description: '', territory_code: null, starts_on: now.slice(0, 10), ends_on: now.slice(0, 10), target_events: null, target_suggestions: null, created_at: now, updated_at: now, version: 1 }).execute();
  return id;
}
