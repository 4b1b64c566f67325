import { seedDemoShowcase } from './showcase.seed.js';
import type { Kysely } from 'kysely';
import { systemContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { findAccountByUsername } from '../accounts/index.js';
import {
  DEFAULT_TEMPLATE_ID,
  addArtefact,
  addAttendee,
  createCampaign,
  createConsultation,
  listCampaigns,
} from '../consultations/index.js';
import { seedFiledTopic } from '../topics/index.js';
import { createVenue, searchVenues } from '../venues/index.js';
import { CAMPAIGN, EXTRA_STATIONS, SUGGESTIONS, TOPICS, seededRandom } from './campaign.data.js';
import { advanceEvent, seedCampaignSuggestions, type SeededEvent } from './campaign-suggestions.seed.js';

/** The district's twelve towns and streets (Xihu, NBS 2023 codes). */
export const DEMO_TOWNS = ['330106002', '330106004', '330106005', '330106007', '330106008', '330106009', '330106010', '330106011', '330106012', '330106013', '330106109', '330106110'];

const RESIDENT_NAMES = ['张阿姨', '李大伯', '王师傅', '陈女士', '刘先生', '赵阿婆', '孙老师', '周先生', '吴女士', '郑大爷', '冯女士', '褚先生'];

export interface CampaignMonthReport {
  campaignId: string;
  events: number;
  stationsAdded: number;
}

/**
 * A consultation month (协商议事月) across the district's twelve towns, for `npm start` in demo
 * mode: a station in every town, two events per town on filed topics, each taken through its
 * procedure with real documents and attendance, then its suggestions decided, assigned,
 * answered and rated (campaign-suggestions.seed.ts). Every figure the pages show is computed
 * from these rows. Added once: nothing happens when the month's campaign exists.
 * `onProgress` hears each event as it is written (the start-up log shows it).
 */
export async function seedDemoCampaignMonth(db: Kysely<DB>, onProgress?: (done: number, total: number) => void): Promise<CampaignMonthReport | null> {
  const existing = await listCampaigns(db, 100, 0);
  if (existing.rows.some((c) => c.title === CAMPAIGN.title)) return null;
  const staff = await findAccountByUsername(db, 'staff');
  const town = await findAccountByUsername(db, 'town');
  if (!staff) return null;
  const ctx = systemContext('seed');
  const random = seededRandom(20261102);

  // A station in every town (the venues seed covers six of the twelve).
  let stationsAdded = 0;
  const stationsByTown = new Map<string, { id: string; name: string }[]>();
  for (const code of DEMO_TOWNS) {
    const found = (await searchVenues(db, { kind: 'station', territoryPrefix: code, active: true }, 10, 0)).rows;
    stationsByTown.set(code, found.map((v) => ({ id: v.id, name: v.name })));
  }
  for (const s of EXTRA_STATIONS) {
    if ((stationsByTown.get(s.town) ?? []).length > 0) continue;
    const v = await createVenue(db, ctx, 'system', {
      kind: 'station',
      stationKind: s.kind,
      name: s.name,
      territoryCode: s.town,
      address: `杭州市西湖区${s.street}${10 + stationsAdded}号（虚构地址）`,
      openingHours: { ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' })), note: '演示数据' },
    });
    stationsByTown.set(s.town, [{ id: v.id, name: v.name }]);
    stationsAdded += 1;
  }

  const campaign = await createCampaign(db, ctx, {
    title: CAMPAIGN.title,
    theme: CAMPAIGN.theme,
    description: CAMPAIGN.description,
    territoryCode: null,
    startsOn: CAMPAIGN.startsOn,
    endsOn: CAMPAIGN.endsOn,
    targetEvents: CAMPAIGN.targetEvents,
    targetSuggestions: CAMPAIGN.targetSuggestions,
  });

  const members = [];
  for (let i = 1; i <= 19; i++) {
    const m = await findAccountByUsername(db, `weiyuan${String(i).padStart(2, '0')}`);
    if (m) members.push(m);
  }
  const member = await findAccountByUsername(db, 'member');
  if (member) members.unshift(member);

  const events: SeededEvent[] = [];
  const total = DEMO_TOWNS.length * 2;
  let n = 0;
  for (const [t, code] of DEMO_TOWNS.entries()) {
    const stations = stationsByTown.get(code) ?? [];
    for (let k = 0; k < 2; k++) {
      const station = stations[k % stations.length];
      if (!station) continue;
      const topicTitle = TOPICS[(t + k * 5) % TOPICS.length] as string;
      // Weekdays through the month: the first of each town's two events early, the second late.
      const day = 3 + ((t * 2 + k * 13) % 24);
      const date = `2026-11-${String(day).padStart(2, '0')}`;
      const proposedAt = `2026-10-${String(10 + (t % 15)).padStart(2, '0')}T02:00:00.000Z`;
      const proposer = code === '330106002' && town ? town : staff;
      const topic = await seedFiledTopic(db, ctx, {
        title: `${topicTitle}（演示）`,
        description: `居民多次反映${topicTitle}问题，镇街点题，拟在协商驿站开展协商。（演示数据，纯属虚构）`,
        source: 'committee',
        territoryCode: code,
        proposer: { id: proposer.id, label: proposer.username },
        reviewer: { id: staff.id, label: staff.username },
        at: proposedAt,
      });
      const event = await createConsultation(db, ctx, 'system', {
        title: `${topicTitle}——${station.name}协商`,
        summary: `围绕“${topicTitle}”听取居民、委员和相关单位意见。（演示数据）`,
        mode: 'on_site',
        venueId: station.id,
        campaignId: campaign.id,
        templateId: DEFAULT_TEMPLATE_ID,
        topicIds: [topic.id],
        startsAt: `${date}T06:30:00.000Z`,
        endsAt: `${date}T08:30:00.000Z`,
      });
      const invited = [members[(t * 2 + k) % members.length], members[(t * 2 + k + 7) % members.length]].filter((m) => m !== undefined);
      // Collect, propose, review: nothing required; research needs its report.
      await advanceEvent(db, ctx, event.id, 3);
      await addArtefact(db, ctx, 'system', event.id, { kind: 'research_report', title: '调研报告', body: `走访${station.name}周边小区住户${20 + Math.floor(random() * 40)}户，梳理出主要问题三项。（演示数据）` });
      await advanceEvent(db, ctx, event.id, 1);
      await addArtefact(db, ctx, 'system', event.id, { kind: 'announcement', title: '协商活动公告', body: `${date.slice(5, 7)}月${day}日下午2:30在${station.name}协商“${topicTitle}”，欢迎居民参加。（演示数据）` });
      await addArtefact(db, ctx, 'system', event.id, {
        kind: 'agenda',
        title: '议程',
        items: [
          { kind: 'briefing', title: `通报${topicTitle}情况`, speaker: '社区书记' },
          { kind: 'questions', title: '居民提问', speaker: null },
          { kind: 'answers', title: '相关单位答复', speaker: '单位代表' },
          { kind: 'speech', title: '委员发言', speaker: invited[0]?.display_name ?? null },
        ],
      });
      await addArtefact(db, ctx, 'system', event.id, {
        kind: 'invitations',
        title: '邀请名单',
        invitees: [
          ...invited.map((m) => ({ kind: 'member' as const, accountId: m.id })),
          { kind: 'resident' as const, name: RESIDENT_NAMES[t % RESIDENT_NAMES.length] as string, affiliation: '居民代表' },
          { kind: 'sector_representative' as const, name: '物业公司代表', affiliation: '物业服务企业' },
        ],
      });
      for (const m of invited) await addAttendee(db, ctx, 'system', event.id, { roleKind: 'member', accountId: m.id, speaker: true });
      const residents = 5 + Math.floor(random() * 9);
      for (let r = 0; r < residents; r++) {
        await addAttendee(db, ctx, 'system', event.id, { roleKind: 'resident', name: RESIDENT_NAMES[(t + r) % RESIDENT_NAMES.length] as string, speaker: r < 2 });
      }
      if (random() < 0.5) await addAttendee(db, ctx, 'system', event.id, { roleKind: 'leader', name: '镇街分管领导', affiliation: '镇街', speaker: true });
      await addArtefact(db, ctx, 'system', event.id, { kind: 'minutes', title: '会议纪要', body: `与会居民、委员围绕“${topicTitle}”发言，形成意见建议若干条，会后整理成意见清单。（演示数据）` });
      await addArtefact(db, ctx, 'system', event.id, { kind: 'photos', title: '活动照片', body: '现场照片三张（演示数据，未附图片）' });
      await advanceEvent(db, ctx, event.id, 1);
      events.push({ id: event.id, territoryCode: code, index: n, suggestionTexts: pickSuggestions(random, 3 + Math.floor(random() * 3)), authors: invited.map((m) => m.id) });
      n += 1;
      onProgress?.(n, total);
    }
  }
  await seedCampaignSuggestions(db, ctx, events, random);
  await seedDemoShowcase(db, ctx);
  return { campaignId: campaign.id, events: events.length, stationsAdded };
}

function pickSuggestions(random: () => number, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(SUGGESTIONS[Math.floor(random() * SUGGESTIONS.length)] as string);
  return [...out];
}
