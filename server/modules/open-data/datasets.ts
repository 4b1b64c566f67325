/**
 * The open datasets: their documented fields (the same list drives the catalogue, the CSV header,
 * the JSON and docs/OPEN-DATA.md) and how their rows are read, a page at a time. Personal data
 * never appears: no resident's name, phone, address or text; authors only when they are members
 * named publicly; appeals only as suppressed aggregates.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { aggregateAppealStats, SUPPRESS_BELOW } from './appeal-stats.js';
import * as repo from './open-data.repository.js';

export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';
export interface Field {
  name: string;
  type: FieldType;
  description: { zh: string; en: string };
}
export type Row = Record<string, string | number | boolean | null>;

export interface Dataset {
  id: string;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  fields: Field[];
  stats(db: Kysely<DB>): Promise<{ rows: number; at: string | null }>;
  rows(db: Kysely<DB>): AsyncGenerator<Row>;
}

const PAGE = 1000;
const f = (name: string, type: FieldType, zh: string, en: string): Field => ({ name, type, description: { zh, en } });
const town = (code: string | null) => (code && code.length >= 9 ? code.slice(0, 9) : null);

/** Reads pages by id until the last one; `map` turns a page into rows. */
async function* paged<T extends { id: string }>(read: (after: string) => Promise<T[]>, map: (page: T[]) => Promise<Row[]>): AsyncGenerator<Row> {
  let after = '';
  for (;;) {
    const page = await read(after);
    if (!page.length) return;
    yield* await map(page);
    if (page.length < PAGE) return;
    after = (page.at(-1) as T).id;
  }
}

const withTownNames = async (db: Kysely<DB>, codes: (string | null)[]) => repo.territoryNamesOf(db, codes.map((c) => town(c) ?? ''));

export const DATASETS: Dataset[] = [
  {
    id: 'topics',
    title: { zh: '已备案协商议题', en: 'Filed consultation topics' },
    description: { zh: '经区级审核备案的协商议题。', en: 'Consultation topics approved and filed by the district.' },
    fields: [
      f('id', 'string', '议题编号', 'Topic id'),
      f('title', 'string', '议题名称', 'Title'),
      f('description', 'string', '议题说明', 'Description'),
      f('source', 'string', '来源：committee 政协 / member 委员 / appeals 群众诉求', 'Source: committee, member or appeals'),
      f('townCode', 'string', '所属镇街代码（9 位），区级为空', 'Town code (9 digits), empty for the district'),
      f('townName', 'string', '所属镇街', 'Town name'),
      f('filedAt', 'datetime', '备案时间（UTC）', 'When it was filed (UTC)'),
    ],
    stats: repo.topicStats,
    rows: (db) =>
      paged(
        (after) => repo.topicPage(db, after, PAGE),
        async (page) => {
          const names = await withTownNames(db, page.map((t) => t.territory_code));
          return page.map((t) => ({ id: t.id, title: t.title, description: t.description, source: t.source, townCode: town(t.territory_code), townName: names.get(town(t.territory_code) ?? '') ?? null, filedAt: t.updated_at }));
        },
      ),
  },
  {
    id: 'events',
    title: { zh: '协商活动', en: 'Consultation events' },
    description: { zh: '已发布公告的协商活动（不含已取消的）。', en: 'Announced consultation events (cancelled ones left out).' },
    fields: [
      f('id', 'string', '活动编号', 'Event id'),
      f('title', 'string', '活动名称', 'Title'),
      f('summary', 'string', '活动简介', 'Summary'),
      f('mode', 'string', '形式', 'Mode'),
      f('state', 'string', '状态：planned / in_progress / completed', 'State: planned, in_progress or completed'),
      f('startsAt', 'datetime', '开始时间（UTC）', 'Start (UTC)'),
      f('endsAt', 'datetime', '结束时间（UTC）', 'End (UTC)'),
      f('venueId', 'string', '议事场所编号', 'Venue id'),
      f('venueName', 'string', '议事场所', 'Venue name'),
      f('townCode', 'string', '所属镇街代码', 'Town code'),
      f('campaignId', 'string', '所属协商议事月', 'Campaign id'),
      f('url', 'string', '活动公开页面', 'Public page'),
    ],
    stats: repo.eventStats,
    rows: (db) =>
      paged(
        (after) => repo.eventPage(db, after, PAGE),
        async (page) =>
          page.map((e) => ({
            id: e.id,
            title: e.title,
            summary: e.summary,
            mode: e.mode,
            state: e.state,
            startsAt: e.starts_at,
            endsAt: e.ends_at,
            venueId: e.venue_id,
            venueName: e.venue_name,
            townCode: town(e.territory_code),
            campaignId: e.campaign_id,
            url: `/events/${e.id}`,
          })),
      ),
  },
  {
    id: 'suggestions',
    title: { zh: '意见建议及办理结果', en: 'Suggestions and their results' },
    description: {
      zh: '协商活动形成并已印发清单的意见建议：研究结果、承办单位、答复等级和落实进度。提出人只列出公开署名的政协委员，其他提出人不公开。',
      en: 'Suggestions on an issued list: decision, lead unit, reply grade and progress. Only members named publicly are listed as authors; other authors are never published.',
    },
    fields: [
      f('id', 'string', '意见编号', 'Suggestion id'),
      f('eventId', 'string', '协商活动编号', 'Event id'),
      f('eventTitle', 'string', '协商活动', 'Event title'),
      f('seq', 'integer', '清单序号', 'Number on the list'),
      f('text', 'string', '意见建议', 'Text'),
      f('state', 'string', '办理状态', 'State'),
      f('decision', 'string', '研究结果：adopted / partly_adopted / not_adopted / reference', 'Decision'),
      f('leadUnit', 'string', '主办单位', 'Lead unit'),
      f('grade', 'string', '答复等级 A–D', 'Reply grade A–D'),
      f('progress', 'integer', '落实进度（%）', 'Progress (%)'),
      f('members', 'string', '提出的政协委员（公开署名，以“、”分隔）', 'Members who raised it (named publicly, separated by 、)'),
      f('issuedAt', 'datetime', '清单印发时间（UTC）', 'When the list was issued (UTC)'),
      f('url', 'string', '公开页面', 'Public page'),
    ],
    stats: repo.suggestionStats,
    rows: (db) =>
      paged(
        (after) => repo.suggestionPage(db, after, PAGE),
        async (page) => {
          const members = await repo.memberAuthors(db, page.map((s) => s.id));
          return page.map((s) => ({
            id: s.id,
            eventId: s.consultation_id,
            eventTitle: s.event_title,
            seq: s.seq,
            text: s.text,
            state: s.state,
            decision: s.decision,
            leadUnit: s.lead_unit,
            grade: s.grade,
            progress: s.progress,
            members: members.filter((m) => m.suggestion_id === s.id).map((m) => m.name).join('、'),
            issuedAt: s.issued_at,
            url: `/suggestions/${s.id}`,
          }));
        },
      ),
  },
  {
    id: 'venues',
    title: { zh: '议事场所', en: 'Venues' },
    description: { zh: '开放的民生议事堂、协商驿站和委员工作室及其地址。', en: 'Open deliberation halls, stations and member studios with their addresses.' },
    fields: [
      f('id', 'string', '场所编号', 'Venue id'),
      f('kind', 'string', '类型：hall 议事堂 / station 驿站 / studio 工作室', 'Kind: hall, station or studio'),
      f('stationKind', 'string', '驿站类型', 'Station kind'),
      f('name', 'string', '名称', 'Name'),
      f('address', 'string', '地址', 'Address'),
      f('townCode', 'string', '所属镇街代码', 'Town code'),
      f('townName', 'string', '所属镇街', 'Town name'),
      f('url', 'string', '公开页面', 'Public page'),
    ],
    stats: repo.venueStats,
    rows: (db) =>
      paged(
        (after) => repo.venuePage(db, after, PAGE),
        async (page) => {
          const names = await withTownNames(db, page.map((v) => v.territory_code));
          return page.map((v) => ({
            id: v.id,
            kind: v.kind,
            stationKind: v.station_kind,
            name: v.name,
            address: v.address,
            townCode: town(v.territory_code),
            townName: names.get(town(v.territory_code) ?? '') ?? null,
            url: `/venues/${v.id}`,
          }));
        },
      ),
  },
  {
    id: 'appeal-stats',
    title: { zh: '群众诉求统计', en: 'Appeal statistics' },
    description: {
      zh: `按月份（北京时间）× 镇街 × 一级类别 × 状态分组的诉求件数，只有汇总数，不含任何诉求内容或个人信息。少于 ${SUPPRESS_BELOW} 件的格子不公布件数（count 为空，suppressed 为 true），以免识别到个人。`,
      en: `Appeal counts per month (China time) × town × top-level category × state bucket: aggregates only, no appeal text or personal data. Cells with fewer than ${SUPPRESS_BELOW} appeals are published without their count (count empty, suppressed true) so no one can be re-identified.`,
    },
    fields: [
      f('month', 'string', '月份 YYYY-MM（北京时间）', 'Month YYYY-MM (China time)'),
      f('townCode', 'string', '镇街代码（9 位）', 'Town code (9 digits)'),
      f('townName', 'string', '镇街', 'Town name'),
      f('categoryCode', 'string', '一级类别代码', 'Top-level category code'),
      f('category', 'string', '一级类别', 'Top-level category'),
      f('categoryEn', 'string', '一级类别（英文）', 'Top-level category (English)'),
      f('stateBucket', 'string', '状态：open 办理中 / answered 已答复待评价 / closed 已办结', 'State: open, answered (awaiting rating) or closed'),
      f('count', 'integer', `件数；少于 ${SUPPRESS_BELOW} 件时为空`, `Number of appeals; empty below ${SUPPRESS_BELOW}`),
      f('suppressed', 'boolean', '是否因件数过少而隐去', 'Whether the count was withheld because it is small'),
    ],
    stats: async (db) => ({ rows: (await appealStats(db)).length, at: new Date().toISOString() }),
    rows: async function* (db) {
      yield* await appealStats(db);
    },
  },
  {
    id: 'showcase',
    title: { zh: '成果展示', en: 'Showcase of results' },
    description: { zh: '区里公开展示的协商成果和办结诉求（摘要由工作人员撰写）。', en: 'Results of consultations and solved appeals published by the district (summaries written by staff).' },
    fields: [
      f('id', 'string', '成果编号', 'Item id'),
      f('kind', 'string', '类型：consultation 协商成果 / appeal 诉求办理', 'Kind: consultation or appeal'),
      f('title', 'string', '标题', 'Title'),
      f('summary', 'string', '摘要', 'Summary'),
      f('townCode', 'string', '所属镇街代码', 'Town code'),
      f('publishedAt', 'datetime', '发布时间（UTC）', 'Published at (UTC)'),
      f('url', 'string', '公开页面', 'Public page'),
    ],
    stats: repo.showcaseStats,
    rows: (db) =>
      paged(
        (after) => repo.showcasePage(db, after, PAGE),
        async (page) => page.map((i) => ({ id: i.id, kind: i.kind, title: i.title, summary: i.summary, townCode: i.territory_code, publishedAt: i.published_at, url: `/showcase/${i.id}` })),
      ),
  },
];

async function appealStats(db: Kysely<DB>): Promise<Row[]> {
  const [rows, categories] = await Promise.all([repo.appealCounts(db), repo.categoriesAll(db)]);
  const names = await repo.territoryNamesOf(db, rows.map((r) => r.town));
  return aggregateAppealStats(rows, categories, names) as unknown as Row[];
}

export const datasetById = (id: string) => DATASETS.find((d) => d.id === id);
