import type { Kysely } from 'kysely';
import type { DB } from '../../server/infra/db/schema.js';
import type { ZodApp } from '../../server/infra/http/app.js';
import { insertTestConsultation } from './consultations.js';
import { HOSTILE } from './hostile.js';
import { DEMO_PASSWORD } from './http.js';
import { smallPng } from './photos.js';

export interface Reply {
  status: number;
  body: any;
}
/** One API call as a demo account (or anonymously): `url` is relative to /api/v1. */
export type Call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, raw?: { type: string; data: Buffer }) => Promise<Reply>;

/** Calls through Fastify's inject(), signing each demo account in once. */
export function injectCaller(app: ZodApp): Call {
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const session = async (who: string) => {
    let s = sessions.get(who);
    if (!s) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: who, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${who}: ${res.statusCode} ${res.body}`);
      s = { cookie: `minhu_sid=${res.cookies.find((c) => c.name === 'minhu_sid')!.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
      sessions.set(who, s);
    }
    return s;
  };
  return async (who, method, url, body, raw) => {
    const s = who ? await session(who) : null;
    const headers: Record<string, string> = s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {};
    if (raw) headers['content-type'] = raw.type;
    const res = await app.inject({ method, url: `/api/v1${url}`, headers, ...(raw ? { payload: raw.data } : body !== undefined ? { payload: body as object } : {}) });
    let parsed: unknown = null;
    try {
      parsed = res.json();
    } catch {
      parsed = res.body;
    }
    return { status: res.statusCode, body: parsed };
  };
}

/** Calls a running server over HTTP (browser tests' setup), signing each demo account in once. */
export function fetchCaller(base: string): Call {
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const session = async (who: string) => {
    let s = sessions.get(who);
    if (!s) {
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: who, password: DEMO_PASSWORD }) });
      if (res.status !== 200) throw new Error(`login ${who}: ${res.status}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
      s = { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
      sessions.set(who, s);
    }
    return s;
  };
  return async (who, method, url, body, raw) => {
    const s = who ? await session(who) : null;
    const headers: Record<string, string> = s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {};
    let payload: BodyInit | undefined;
    if (raw) {
      headers['content-type'] = raw.type;
      payload = new Uint8Array(raw.data);
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${base}/api/v1${url}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  };
}

const must = async (p: Promise<Reply>, status: number, what: string): Promise<any> => {
  const r = await p;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

export const CHAIN = {
  resident: '孙阿姨',
  phone: '13900005566',
  appealText: `保俶路公交站台顶棚破损漏雨，居民孙阿姨每天在此候车${HOSTILE.script}`,
  solvedText: '文三路人行道地砖松动，老人容易绊倒，住在文三路 88 号',
  topic: '保俶路公交站台顶棚维修',
  event: `保俶路公交站台协商会${HOSTILE.link}`,
  suggestion: `保俶路站台加装雨棚并增设座椅${HOSTILE.img}`,
  reply: '已加装雨棚两处并增设座椅四个',
  milestone: '雨棚钢架安装完成',
};

export interface SeededChain {
  appealId: string;
  trackingNo: string;
  solvedAppealId: string;
  solvedTrackingNo: string;
  photoId: string;
  solvedPhotoId: string;
  topicId: string;
  eventId: string;
  suggestionId: string;
}

/**
 * A consultation's whole chain through the API, each step as the demo account whose job it is:
 * a hotline appeal with a photo → a filed topic → an announced event at the station → a
 * suggestion linked to the appeal, adopted, issued, assigned to the city unit, signed, 60 %
 * progress, answered A → the member rates it satisfied. Plus a second appeal answered directly,
 * rated satisfied and closed. The event itself is inserted (as the suggestions tests do).
 */
export async function seedShowcaseChain(call: Call, db: Kysely<DB>): Promise<SeededChain> {
  const cats = await must(call(null, 'GET', '/categories'), 200, 'categories');
  const categoryId = cats.items.find((c: { code: string }) => c.code === 'traffic.bus').id as string;
  const photo = await must(call(null, 'POST', '/photos', undefined, { type: 'image/png', data: await smallPng() }), 201, 'photo');
  const appeal = await must(
    call('dispatcher', 'POST', '/appeals', { categoryId, territoryCode: '330106002051', description: CHAIN.appealText, residentName: CHAIN.resident, residentPhone: CHAIN.phone, photoIds: [photo.id] }),
    201,
    'appeal',
  );
  const photo2 = await must(call(null, 'POST', '/photos', undefined, { type: 'image/png', data: await smallPng(240, 160) }), 201, 'photo 2');
  let solved = await must(
    call('dispatcher', 'POST', '/appeals', { categoryId, territoryCode: '330106002051', description: CHAIN.solvedText, residentName: '钱大伯', residentPhone: '13900006677', photoIds: [photo2.id] }),
    201,
    'solved appeal',
  );
  for (const [action, extra] of [
    ['answer_directly', { text: '已安排养护单位更换地砖' }],
    ['rate', { rating: 'satisfied' }],
    ['close', {}],
  ] as const) {
    solved = await must(call('dispatcher', 'POST', `/appeals/${solved.id}/actions`, { action, version: solved.version, ...extra }), 200, action);
  }

  let topic = await must(call('town', 'POST', '/topics', { title: CHAIN.topic, description: '居民反映保俶路公交站台顶棚破损漏雨，建议协商解决。', source: 'committee', territoryCode: '330106002' }), 201, 'topic');
  topic = await must(call('town', 'POST', `/topics/${topic.id}/actions`, { action: 'submit', version: topic.version }), 200, 'submit topic');
  topic = await must(call('staff', 'POST', `/topics/${topic.id}/actions`, { action: 'approve', version: topic.version }), 200, 'file topic');

  const stationHead = await db.selectFrom('account').select('id').where('username', '=', 'station').executeTakeFirstOrThrow();
  const venue = await db.selectFrom('venue').select('id').where('head_account_id', '=', stationHead.id).executeTakeFirstOrThrow();
  const eventId = await insertTestConsultation(db, { title: CHAIN.event, venueId: venue.id, territoryCode: '330106002', topicIds: [topic.id] });
  await must(call('staff', 'POST', `/consultations/${eventId}/artefacts`, { kind: 'announcement', title: '活动公告', body: '欢迎居民参加保俶路公交站台协商会。' }), 201, 'announcement');

  const member = await db.selectFrom('account').select('id').where('username', '=', 'member').executeTakeFirstOrThrow();
  let s = await must(call('town', 'POST', `/consultations/${eventId}/suggestions`, { text: CHAIN.suggestion, authors: [{ accountId: member.id }, { name: '居民 周' }], appealIds: [appeal.id] }), 201, 'suggestion');
  s = await must(call('town', 'POST', `/suggestions/${s.id}/decision`, { version: s.version, decision: 'adopted' }), 200, 'decide');
  await must(call('town', 'POST', `/consultations/${eventId}/suggestion-list`, {}), 201, 'issue');
  s = await must(call('town', 'GET', `/suggestions/${s.id}`), 200, 'reload');
  const clerkUnit = await db.selectFrom('role_grant').innerJoin('account', 'account.id', 'role_grant.account_id').select('role_grant.scope_id').where('account.username', '=', 'clerk').executeTakeFirstOrThrow();
  s = await must(call('staff', 'POST', `/suggestions/${s.id}/assignment`, { version: s.version, leadUnitId: clerkUnit.scope_id, deadlineDays: 5 }), 200, 'assign');
  s = await must(call('clerk', 'POST', `/suggestions/${s.id}/response`, { version: s.version, response: 'sign' }), 200, 'sign');
  s = await must(call('clerk', 'POST', `/suggestions/${s.id}/progress`, { version: s.version, percent: 60, milestone: CHAIN.milestone, onDate: '2026-12-01' }), 200, 'progress');
  s = await must(call('clerk', 'POST', `/suggestions/${s.id}/replies`, { version: s.version, grade: 'A', text: CHAIN.reply, evidence: '12月5日完工验收' }), 200, 'reply');
  s = await must(call('member', 'POST', `/suggestions/${s.id}/feedback`, { version: s.version, replyRating: 'satisfied', resultRating: 'satisfied', comment: '孙阿姨说很满意' }), 200, 'feedback');

  return {
    appealId: appeal.id,
    trackingNo: appeal.trackingNo,
    solvedAppealId: solved.id,
    solvedTrackingNo: solved.trackingNo,
    photoId: photo.id,
    solvedPhotoId: photo2.id,
    topicId: topic.id,
    eventId,
    suggestionId: s.id,
  };
}
