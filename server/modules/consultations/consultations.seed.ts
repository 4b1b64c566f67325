import type { Kysely } from 'kysely';
import { systemContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { findAccountByUsername } from '../accounts/index.js';
import { findVenue, venueIdsHeadedBy } from '../venues/index.js';
import { DEFAULT_TEMPLATE_ID } from './default-template.js';
import { addArtefact } from './commands/add-artefact.js';
import { createConsultation } from './commands/create-consultation.js';
import { createCampaign } from './commands/save-campaign.js';
import { listConsultations } from './consultations.repository.js';

/**
 * The demo's consultation data when there is none: a campaign and two events at the first
 * demo station (the one the demo station head runs), one announced with its agenda. The
 * default procedure template comes from its migration, so every install has it.
 */
export async function seedDemoConsultations(db: Kysely<DB>): Promise<void> {
  if ((await listConsultations(db, {}, 1, 0)).total > 0) return;
  const head = await findAccountByUsername(db, 'station');
  const stationId = head ? (await venueIdsHeadedBy(db, head.id))[0] : undefined;
  const station = stationId ? await findVenue(db, stationId) : undefined;
  if (!station) return;
  const ctx = systemContext('seed');
  const campaign = await createCampaign(db, ctx, {
    title: '物业服务协商议事月',
    theme: '物业服务',
    description: '围绕小区物业服务质量、停车和加装电梯开展系列协商（演示数据）',
    territoryCode: null,
    startsOn: '2026-12-01',
    endsOn: '2026-12-31',
    targetEvents: 12,
    targetSuggestions: 60,
  });
  const base = { mode: 'on_site' as const, venueId: station.id, templateId: DEFAULT_TEMPLATE_ID, topicIds: [], summary: '演示数据：虚构的协商活动' };
  const first = await createConsultation(db, ctx, 'system', { ...base, title: '小区停车难怎么解——驿站微协商', campaignId: campaign.id, startsAt: '2026-12-08T06:30:00.000Z', endsAt: '2026-12-08T08:30:00.000Z' });
  await addArtefact(db, ctx, 'system', first.id, { kind: 'announcement', title: '协商活动公告', body: '12 月 8 日下午 2:30 在驿站协商小区停车问题，欢迎居民参加。' });
  await addArtefact(db, ctx, 'system', first.id, {
    kind: 'agenda',
    title: '议程',
    items: [
      { kind: 'briefing', title: '社区通报停车位现状', speaker: '社区书记' },
      { kind: 'questions', title: '居民提问', speaker: null },
      { kind: 'answers', title: '物业公司答复', speaker: '物业经理' },
      { kind: 'speech', title: '委员发言', speaker: '委员 刘芳' },
    ],
  });
  await createConsultation(db, ctx, 'system', { ...base, title: '加装电梯意见征集', campaignId: campaign.id, startsAt: '2026-12-15T06:30:00.000Z' });
}
