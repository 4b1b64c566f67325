import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { getTerritory } from '../../territories/index.js';
import { findTopic } from '../../topics/index.js';
import { findVenue } from '../../venues/index.js';
import { consultationAuditView } from '../consultations.presenter.js';
import { findCampaign, findTemplate, insertConsultation, linkConsultationTopics } from '../consultations.repository.js';
import { fieldError, requireManage } from '../consultations.service.js';
import type { ConsultationMode, ConsultationTable } from '../consultations.table.js';

export interface NewConsultation {
  title: string;
  summary: string;
  mode: ConsultationMode;
  venueId?: string | null;
  territoryCode?: string | null;
  campaignId?: string | null;
  templateId: string;
  topicIds: string[];
  startsAt: string;
  endsAt?: string | null;
}

/** A new sign-in token: what the QR code carries. */
export const newSignInToken = () => randomBytes(24).toString('base64url');

/**
 * Plans an event on one or more filed topics, at a venue (or online), optionally in a campaign.
 * It copies the template's steps, so later edits to the template leave it as planned.
 */
export async function createConsultation(db: Kysely<DB>, ctx: CommandContext, actor: Actor | 'system', input: NewConsultation): Promise<ConsultationTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    if (input.mode !== 'online' && !input.venueId) throw fieldError('venueId', '线下或线上线下结合的活动须选择议事场所', 'An on-site or hybrid event needs a venue');
    const venue = input.venueId ? await findVenue(tx, input.venueId) : undefined;
    if (input.venueId && (!venue || venue.active !== 1)) throw fieldError('venueId', '议事场所不存在或已关闭', 'No such open venue');
    const territory = venue?.territory_code ?? (input.territoryCode ? ((await getTerritory(tx, input.territoryCode).catch(() => null))?.code ?? undefined) : null);
    if (territory === undefined) throw fieldError('territoryCode', '所在地不存在', 'No such territory');
    if (actor !== 'system') await requireManage(tx, actor, { venue_id: venue?.id ?? null, territory_code: territory });
    const template = await findTemplate(tx, input.templateId);
    if (!template || template.active !== 1) throw fieldError('templateId', '规程不存在或已停用', 'No such active procedure template');
    if (input.campaignId && !(await findCampaign(tx, input.campaignId))) throw fieldError('campaignId', '协商议事月不存在', 'No such campaign');
    if (input.endsAt && input.endsAt < input.startsAt) throw fieldError('endsAt', '结束时间不能早于开始时间', 'The end is before the start');
    const topicIds = [...new Set(input.topicIds)];
    for (const id of topicIds) {
      const topic = await findTopic(tx, id);
      if (!topic || topic.state !== 'filed') throw fieldError('topicIds', '只能协商已审核备案的议题', 'Only filed topics can be consulted on');
    }
    const now = new Date().toISOString();
    const row: ConsultationTable = {
      id: uuidv7(),
      title: input.title,
      summary: input.summary,
      mode: input.mode,
      venue_id: venue?.id ?? null,
      territory_code: territory,
      campaign_id: input.campaignId ?? null,
      template_id: template.id,
      steps: template.steps,
      step_index: 0,
      state: 'planned',
      starts_at: new Date(input.startsAt).toISOString(),
      ends_at: input.endsAt ? new Date(input.endsAt).toISOString() : null,
      sign_in_token: newSignInToken(),
      organiser_id: actor === 'system' ? null : actor.id,
      organiser_label: actor === 'system' ? ctx.actorLabel : actor.label,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await insertConsultation(tx, row);
    await linkConsultationTopics(tx, row.id, topicIds, now);
    audit.record({
      action: 'consultation.create',
      resourceType: 'consultation',
      resourceId: row.id,
      after: { title: row.title, mode: row.mode, venueId: row.venue_id, territory: row.territory_code, campaignId: row.campaign_id, templateId: row.template_id, topicIds, startsAt: row.starts_at, ...consultationAuditView(row) },
    });
    return row;
  });
}
