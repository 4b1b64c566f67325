import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { systemContext } from '../../server/infra/commands.js';
import { findAccountByUsername } from '../../server/modules/accounts/index.js';
import { seedFiledTopic } from '../../server/modules/topics/index.js';
import { insertTestConsultation } from '../support/consultations.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { injectCaller, type Call } from '../support/showcase-chain.js';

interface Statement {
  id: string;
  seq: number;
  text: string;
  status: string;
  meta: boolean;
  votes: number;
  agree: number;
  disagree: number;
  pass: number;
  suggestionId: string | null;
}
interface MapBody {
  version: number;
  participants: number;
  grouped: number;
  votes: number;
  groups: { id: number; label: string; size: number; representative: { statementId: string; text: string; direction: string; agreePercent: number; disagreePercent: number }[] }[];
  consensus: { agree: { statementId: string; agreePercent: number }[]; disagree: { statementId: string }[] };
  statements: { id: string; text: string; meta: boolean; agree: number; votes: number; perGroup: { group: number; votes: number }[] }[];
  points: [number, number, number][];
  me: { x: number; y: number; group: number } | null;
}

const SEEDS = [
  '小区应当增设电动自行车集中充电棚',
  '充电棚应当建在远离住宅楼的空地上',
  '物业费不应因为充电棚而上涨',
  '楼道里禁止停放电动自行车',
  '充电费用应当按电表实际计价',
  '充电棚需要安装烟感和喷淋',
  '老年人需要有人帮忙使用扫码充电',
  '夜间充电应当限时',
  `业主大会应当表决充电棚选址${HOSTILE.link}`,
  `绿化带不能改成停车位${HOSTILE.script}`,
];

describe.each(ENGINES)('online consultations (线上微协商) over HTTP on %s', (engine) => {
  let t: TestApp;
  let call: Call;
  let eventId: string;
  let farEventId: string;
  let topicId: string;
  let online: string;
  let topicOnline: string;
  let phoneOnline: string;
  let statements: Statement[];
  const bodies: string[] = [];
  const tokens: string[] = [];
  const deviceIds: string[] = [];

  const url = (path: string) => `/api/v1${path}`;
  /** A participant request with its token header. */
  const p = async (token: string | null, method: 'GET' | 'POST', path: string, body?: object) => {
    const res = await t.app.inject({ method, url: url(path), headers: token ? { 'x-participant-token': token } : {}, ...(body ? { payload: body } : {}) });
    bodies.push(res.body);
    return { status: res.statusCode, body: res.json() as Record<string, unknown> & { code?: string } };
  };
  const organiser = async (who: string | null, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const r = await call(who, method, path, body);
    bodies.push(JSON.stringify(r.body));
    return r as { status: number; body: Record<string, unknown> & { code?: string } };
  };
  const join = async (id: string, deviceId: string) => {
    deviceIds.push(deviceId);
    const r = await p(null, 'POST', `/public/online/${id}/participants`, { deviceId });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    tokens.push(r.body.participantToken as string);
    return r.body.participantToken as string;
  };
  const detail = async () => (await organiser('town', 'GET', `/online-consultations/${online}`)).body as unknown as { statements: Statement[]; pendingCount: number; state: string };

  beforeAll(async () => {
    t = await createTestApp({ engine });
    call = injectCaller(t.app);
    const db = t.database.handle.db;
    eventId = await insertTestConsultation(db, { title: `充电棚选址协商会${HOSTILE.script}`, territoryCode: '330106002' });
    farEventId = await insertTestConsultation(db, { title: '别处的协商会', territoryCode: '330106004' });
    const staff = (await findAccountByUsername(db, 'staff'))!;
    const topic = await seedFiledTopic(db, systemContext(), {
      title: '电动自行车充电难',
      description: '多个小区反映充电难',
      source: 'committee',
      territoryCode: '330106002',
      proposer: { id: staff.id, label: staff.display_name },
      reviewer: { id: staff.id, label: staff.display_name },
      at: new Date().toISOString(),
    });
    topicId = topic.id;
  });
  afterAll(async () => t?.close());

  it('lets an event’s organisers open one, and topic reviewers one on a filed topic', async () => {
    const body = { consultationId: eventId, title: `充电棚怎么建？${HOSTILE.placeholder}`, description: `说说你的看法${HOSTILE.img}`, identity: 'device', moderation: 'pre' };
    expect((await organiser(null, 'POST', '/online-consultations', body)).status).toBe(401);
    for (const who of ['member', 'resident', 'clerk', 'dispatcher']) expect((await organiser(who, 'POST', '/online-consultations', body)).status).toBe(403);
    // A town official runs events in its own town only; the station head runs none of these.
    expect((await organiser('town', 'POST', '/online-consultations', { ...body, consultationId: farEventId })).status).toBe(403);
    expect((await organiser('station', 'POST', '/online-consultations', body)).status).toBe(403);
    expect((await organiser('town', 'POST', '/online-consultations', { ...body, topicId })).status).toBe(400);
    expect((await organiser('town', 'POST', '/online-consultations', { ...body, consultationId: undefined })).status).toBe(400);
    expect((await organiser('town', 'POST', '/online-consultations', { ...body, title: '长'.repeat(81) })).status).toBe(400);
    expect((await organiser('town', 'POST', '/online-consultations', { ...body, identity: 'email' })).status).toBe(400);
    expect((await organiser('town', 'POST', '/online-consultations', { ...body, consultationId: '0190f5c2-7d1e-7000-8000-000000000000' })).status).toBe(404);

    const r = await organiser('town', 'POST', '/online-consultations', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ title: body.title, description: body.description, identity: 'device', moderation: 'pre', state: 'open', eventId, topicId: null, participants: 0, statements: 0 });
    online = r.body.id as string;

    // Topic-only: topics:review (district staff), not the town official.
    expect((await organiser('town', 'POST', '/online-consultations', { title: '议题线上协商', topicId, identity: 'device', moderation: 'post' })).status).toBe(403);
    const tr = await organiser('staff', 'POST', '/online-consultations', { title: '议题线上协商', topicId, identity: 'device', moderation: 'post' });
    expect(tr.status).toBe(201);
    topicOnline = tr.body.id as string;
    const pr = await organiser('staff', 'POST', '/online-consultations', { title: '手机号加入的协商', consultationId: eventId, identity: 'phone', moderation: 'post' });
    expect(pr.status).toBe(201);
    phoneOnline = pr.body.id as string;

    const list = await organiser('town', 'GET', `/online-consultations?consultationId=${eventId}`);
    expect((list.body.items as { id: string }[]).map((i) => i.id).sort()).toEqual([online, phoneOnline].sort());
    // The town official does not review topics: the topic-only one is not theirs to list.
    expect((await organiser('town', 'GET', '/online-consultations')).body.items).toHaveLength(2);
  });

  it('takes seed statements from organisers, 2–140 characters, stored as typed', async () => {
    expect((await organiser('station', 'POST', `/online-consultations/${online}/statements`, { text: SEEDS[0] })).status).toBe(403);
    expect((await organiser('town', 'POST', `/online-consultations/${online}/statements`, { text: '好' })).status).toBe(400);
    expect((await organiser('town', 'POST', `/online-consultations/${online}/statements`, { text: '长'.repeat(141) })).status).toBe(400);
    expect((await organiser('town', 'POST', `/online-consultations/${online}/statements`, { text: '𣵦'.repeat(140) })).status).toBe(201);
    for (const text of SEEDS) {
      const r = await organiser('town', 'POST', `/online-consultations/${online}/statements`, { text });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ text, origin: 'seed', status: 'accepted', meta: false, votes: 0 });
    }
    // The 140 × 𣵦 one is meta: about the consultation, not an opinion.
    const d = await detail();
    const first = d.statements.find((s) => s.seq === 1)!;
    const meta = await organiser('town', 'POST', `/online-consultations/${online}/statements/${first.id}/moderation`, { decision: 'meta' });
    expect(meta.body).toMatchObject({ status: 'accepted', meta: true });
    statements = (await detail()).statements.filter((s) => !s.meta);
    expect(statements).toHaveLength(10);
  });

  it('lists and shows consultations publicly, open ones first', async () => {
    const list = await p(null, 'GET', '/public/online');
    expect(list.status).toBe(200);
    const items = list.body.items as { id: string; state: string; statements: number }[];
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([online, topicOnline, phoneOnline]));
    expect(items.find((i) => i.id === online)).toMatchObject({ state: 'open', statements: 11, eventId });
    const one = await p(null, 'GET', `/public/online/${online}`);
    expect(one.body).toMatchObject({ id: online, identity: 'device', moderation: 'pre', event: { id: eventId, title: `充电棚选址协商会${HOSTILE.script}` }, topic: null });
    expect((await p(null, 'GET', `/public/online/${topicOnline}`)).body).toMatchObject({ event: null, topic: { id: topicId, title: '电动自行车充电难' } });
    expect((await p(null, 'GET', '/public/online/0190f5c2-7d1e-7000-8000-000000000000')).status).toBe(404);
  });

  it('joins by device id; the same device is the same participant', async () => {
    expect((await p(null, 'POST', `/public/online/${online}/participants`, { deviceId: 'short' })).status).toBe(400);
    expect((await p(null, 'POST', `/public/online/${online}/participants`, { deviceId: `${'a'.repeat(20)}<script>` })).status).toBe(400);
    expect((await p(null, 'POST', `/public/online/${online}/participants`, { phone: '13812345678', code: '123456' })).status).toBe(400);
    const token = await join(online, 'device-aaaaaaaaaaaaaaaa');
    const s = statements[0]!;
    expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: s.id, vote: 1 })).status).toBe(200);
    const again = await join(online, 'device-aaaaaaaaaaaaaaaa');
    expect(again).not.toBe(token);
    // The new token is the same participant (the vote is theirs); the old one no longer works.
    expect((await p(again, 'GET', `/public/online/${online}/next`)).body).toMatchObject({ voted: 1, remaining: 9 });
    expect((await p(token, 'GET', `/public/online/${online}/next`)).status).toBe(401);
    expect((await detail()).statements.find((x) => x.id === s.id)).toMatchObject({ votes: 1, agree: 1 });
  });

  it('joins by phone with a one-time code of purpose online', async () => {
    const phone = '13912340001';
    expect((await p(null, 'POST', `/public/online/${phoneOnline}/participants`, { deviceId: 'device-bbbbbbbbbbbbbbbb' })).status).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: url('/public/otp'), payload: { phone, purpose: 'online' } })).statusCode).toBe(202);
    const row = await t.database.handle.db.selectFrom('outbox').select('payload').where('recipient', '=', phone).where('template', '=', 'otp.code').executeTakeFirstOrThrow();
    const code = (JSON.parse(row.payload) as { code: string }).code;
    expect((await p(null, 'POST', `/public/online/${phoneOnline}/participants`, { phone, code: code === '000000' ? '111111' : '000000' })).body.code).toBe('OTP_INVALID');
    const r = await p(null, 'POST', `/public/online/${phoneOnline}/participants`, { phone, code });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    tokens.push(r.body.participantToken as string);
    // A code is used up by the join.
    expect((await p(null, 'POST', `/public/online/${phoneOnline}/participants`, { phone, code })).body.code).toBe('OTP_INVALID');
    // An appeal code does not open an online consultation.
    const phone2 = '13912340002';
    await t.app.inject({ method: 'POST', url: url('/public/otp'), payload: { phone: phone2 } });
    const row2 = await t.database.handle.db.selectFrom('outbox').select('payload').where('recipient', '=', phone2).where('template', '=', 'otp.code').executeTakeFirstOrThrow();
    expect((await p(null, 'POST', `/public/online/${phoneOnline}/participants`, { phone: phone2, code: (JSON.parse(row2.payload) as { code: string }).code })).body.code).toBe('OTP_INVALID');
    const stored = await t.database.handle.db.selectFrom('online_participant').selectAll().where('online_id', '=', phoneOnline).execute();
    expect(JSON.stringify(stored)).not.toContain(phone);
  });

  it('refuses participant routes without a token of this consultation', async () => {
    const other = await join(topicOnline, 'device-cccccccccccccccc');
    for (const token of [null, 'not-a-token', other]) {
      const next = await p(token, 'GET', `/public/online/${online}/next`);
      expect(next.status).toBe(401);
      expect(next.body.code).toBe('PARTICIPANT_REQUIRED');
      expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: statements[0]!.id, vote: 1 })).status).toBe(401);
      expect((await p(token, 'POST', `/public/online/${online}/statements`, { text: '我有一个想法' })).status).toBe(401);
    }
  });

  it('serves unseen statements one at a time and replaces a vote with a later one', async () => {
    const token = await join(online, 'device-dddddddddddddddd');
    const seen = new Set<string>();
    for (;;) {
      const n = await p(token, 'GET', `/public/online/${online}/next`);
      const s = n.body.statement as { id: string; text: string } | null;
      if (!s) break;
      expect(seen.has(s.id)).toBe(false);
      seen.add(s.id);
      expect(n.body.voted).toBe(seen.size - 1);
      expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: s.id, vote: 0 })).body).toEqual({ statementId: s.id, vote: 0 });
    }
    // Only the ten non-meta statements are drawn.
    expect(seen.size).toBe(10);
    const s = statements[1]!;
    const before = (await detail()).statements.find((x) => x.id === s.id)!;
    for (const vote of [1, -1, -1]) expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: s.id, vote })).status).toBe(200);
    const after = (await detail()).statements.find((x) => x.id === s.id)!;
    expect(after.votes).toBe(before.votes);
    expect(after.disagree).toBe(before.disagree + 1);
    expect(after.pass).toBe(before.pass - 1);
    expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: s.id, vote: 2 })).status).toBe(400);
    expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: '0190f5c2-7d1e-7000-8000-000000000000', vote: 1 })).status).toBe(404);
    // A statement of another consultation is not found here.
    const foreign = await organiser('staff', 'POST', `/online-consultations/${topicOnline}/statements`, { text: '别的协商的观点' });
    expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: foreign.body.id as string, vote: 1 })).status).toBe(404);
  });

  it('keeps one vote per participant and consistent counts when votes arrive at once', async () => {
    const voters = await Promise.all(Array.from({ length: 6 }, (_, i) => join(online, `device-burst-${String(i).padStart(10, '0')}`)));
    const s = statements[3]!;
    const before = (await detail()).statements.find((x) => x.id === s.id)!;
    // Each voter sends four votes at once; the last one sent need not be the one kept, but only one is.
    const results = await Promise.all(voters.flatMap((token) => [1, -1, 0, 1].map((vote) => p(token, 'POST', `/public/online/${online}/votes`, { statementId: s.id, vote }))));
    for (const r of results) expect(r.status).toBe(200);
    const after = (await detail()).statements.find((x) => x.id === s.id)!;
    expect(after.votes).toBe(before.votes + 6);
    const rows = await t.database.handle.db.selectFrom('online_vote').select(['vote']).where('statement_id', '=', s.id).execute();
    expect(rows).toHaveLength(after.votes);
    expect(rows.filter((r) => Number(r.vote) === 1)).toHaveLength(after.agree);
    expect(rows.filter((r) => Number(r.vote) === -1)).toHaveLength(after.disagree);
    expect(rows.filter((r) => Number(r.vote) === 0)).toHaveLength(after.pass);
  });

  it('holds participants’ statements for moderation under pre, shows them at once under post', async () => {
    const token = await join(online, 'device-eeeeeeeeeeeeeeee');
    const text = `充电棚旁边要装监控${HOSTILE.script}${HOSTILE.link}`;
    expect((await p(token, 'POST', `/public/online/${online}/statements`, { text: '好' })).status).toBe(400);
    expect((await p(token, 'POST', `/public/online/${online}/statements`, { text: '长'.repeat(141) })).status).toBe(400);
    const r = await p(token, 'POST', `/public/online/${online}/statements`, { text });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('pending');
    const id = r.body.id as string;
    // Pending: not voted on, not drawn, not on the map, but in the organiser's queue.
    expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: id, vote: 1 })).body.code).toBe('STATEMENT_NOT_OPEN');
    const d = await detail();
    expect(d.pendingCount).toBe(1);
    expect(d.statements.find((s) => s.id === id)).toMatchObject({ text, origin: 'participant', status: 'pending' });
    expect((await organiser('station', 'POST', `/online-consultations/${online}/statements/${id}/moderation`, { decision: 'accept' })).status).toBe(403);
    expect((await organiser('town', 'POST', `/online-consultations/${online}/statements/${id}/moderation`, { decision: 'publish' })).status).toBe(400);
    expect((await organiser('town', 'POST', `/online-consultations/${online}/statements/0190f5c2-7d1e-7000-8000-000000000000/moderation`, { decision: 'accept' })).status).toBe(404);
    const ok = await organiser('town', 'POST', `/online-consultations/${online}/statements/${id}/moderation`, { decision: 'accept' });
    expect(ok.body).toMatchObject({ id, status: 'accepted', text });
    expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: id, vote: 1 })).status).toBe(200);

    // Post-moderation: accepted at once, may be rejected later, and then cannot be voted on.
    const other = await join(topicOnline, 'device-ffffffffffffffff');
    const post = await p(other, 'POST', `/public/online/${topicOnline}/statements`, { text: `<a href="http://spam.example/">点击领取</a>` });
    expect(post.body.status).toBe('accepted');
    const rej = await organiser('staff', 'POST', `/online-consultations/${topicOnline}/statements/${post.body.id as string}/moderation`, { decision: 'reject' });
    expect(rej.body.status).toBe('rejected');
    expect((await p(other, 'POST', `/public/online/${topicOnline}/votes`, { statementId: post.body.id as string, vote: 1 })).status).toBe(409);
  });

  it('computes the map in the background after votes: two camps, the viewer’s own point, no ids on the points', async () => {
    const empty = await p(null, 'GET', `/public/online/${online}/map`);
    expect(empty.body).toMatchObject({ version: 0, groups: [], statements: [], points: [], me: null });
    // Two camps of 20: for the first five statements and against the rest, and the reverse.
    const camp: string[] = [];
    for (let i = 0; i < 40; i++) {
      const token = await join(online, `camp-voter-${String(i).padStart(8, '0')}`);
      camp.push(token);
      for (const [k, s] of statements.entries()) {
        const agree = k < 5 === i < 20;
        const vote = (i + k) % 7 === 0 ? 0 : agree ? 1 : -1;
        expect((await p(token, 'POST', `/public/online/${online}/votes`, { statementId: s.id, vote })).status).toBe(200);
      }
    }
    // This one and the topic's (a vote there too).
    expect(await t.workers.opinionMaps.runOnce()).toBe(2);
    // Nothing changed since: nothing to do.
    expect(await t.workers.opinionMaps.runOnce()).toBe(0);
    const m = (await p(camp[0]!, 'GET', `/public/online/${online}/map`)).body as unknown as MapBody;
    expect(m.version).toBe(1);
    expect(m.groups.length).toBeGreaterThanOrEqual(2);
    expect(m.groups.map((g) => g.label).slice(0, 2)).toEqual(['A', 'B']);
    expect(m.grouped).toBeGreaterThanOrEqual(40);
    expect(m.points.length).toBe(m.participants);
    for (const pt of m.points) expect(pt).toHaveLength(3);
    expect(m.me).not.toBeNull();
    expect((await p(null, 'GET', `/public/online/${online}/map`)).body.me).toBeNull();
    // The two camps land in different groups.
    const groupOf = async (token: string) => ((await p(token, 'GET', `/public/online/${online}/map`)).body as unknown as MapBody).me!.group;
    expect(await groupOf(camp[0]!)).not.toBe(await groupOf(camp[39]!));
    // Every accepted statement is listed (meta flagged), with its text as typed and per-group counts.
    expect(m.statements).toHaveLength(12);
    expect(m.statements.filter((s) => s.meta)).toHaveLength(1);
    expect(m.statements.map((s) => s.text)).toEqual(expect.arrayContaining([SEEDS[9]]));
    for (const s of m.statements) if (!s.meta && s.votes > 0) expect(s.perGroup.length).toBe(m.groups.length);
    for (const g of m.groups) for (const r of g.representative) expect(r.agreePercent + r.disagreePercent).toBeLessThanOrEqual(100);
  });

  it('drops a rejected statement from the map at once and recomputes', async () => {
    const s = statements[9]!;
    const rej = await organiser('town', 'POST', `/online-consultations/${online}/statements/${s.id}/moderation`, { decision: 'reject' });
    expect(rej.body.status).toBe('rejected');
    const m = (await p(null, 'GET', `/public/online/${online}/map`)).body as unknown as MapBody;
    expect(m.statements.map((x) => x.id)).not.toContain(s.id);
    for (const g of m.groups) expect(g.representative.map((r) => r.statementId)).not.toContain(s.id);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await t.workers.opinionMaps.runOnce()).toBe(1);
    expect(((await p(null, 'GET', `/public/online/${online}/map`)).body as unknown as MapBody).version).toBe(2);
  });

  it('sends `map` over a real event stream when a newer map is stored', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const probe = await fetch(`http://127.0.0.1:${port}/api/v1/public/online/${online}/stream`);
    expect(await probe.text()).toContain('event: ready');
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/public/online/${online}/stream`, { headers: { accept: 'text/event-stream' }, signal: ac.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (needle: string) => {
      const deadline = Date.now() + 5000;
      while (!text.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no ${needle} in ${text}`);
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += decoder.decode(value);
      }
    };
    await until('event: ready');
    const token = await join(online, 'device-stream-0000000000');
    for (const s of statements.slice(0, 8)) await p(token, 'POST', `/public/online/${online}/votes`, { statementId: s.id, vote: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await t.workers.opinionMaps.runOnce()).toBe(1);
    await until('event: map\ndata: {"version":3}');
    ac.abort();
  });

  it('promotes a statement to a suggestion on the event’s list, once', async () => {
    const s = statements[2]!;
    expect((await organiser('station', 'POST', `/online-consultations/${online}/statements/${s.id}/promote`)).status).toBe(403);
    const r = await organiser('town', 'POST', `/online-consultations/${online}/statements/${s.id}/promote`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const suggestionId = r.body.suggestionId as string;
    const again = await organiser('town', 'POST', `/online-consultations/${online}/statements/${s.id}/promote`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_PROMOTED');
    expect((await detail()).statements.find((x) => x.id === s.id)!.suggestionId).toBe(suggestionId);
    const list = await organiser('town', 'GET', `/consultations/${eventId}/suggestions`);
    const item = (list.body.items as { id: string; text: string; authors?: { name: string }[] }[]).find((i) => i.id === suggestionId)!;
    expect(item.text).toBe(s.text);
    // A rejected statement, and any statement of a topic-only consultation, is not promoted.
    expect((await organiser('town', 'POST', `/online-consultations/${online}/statements/${statements[9]!.id}/promote`)).body.code).toBe('STATEMENT_NOT_OPEN');
    const topicStatement = await organiser('staff', 'POST', `/online-consultations/${topicOnline}/statements`, { text: '议题上的观点' });
    const refused = await organiser('staff', 'POST', `/online-consultations/${topicOnline}/statements/${topicStatement.body.id as string}/promote`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ACTION_NOT_ALLOWED');
  });

  it('closes: no more votes or statements, the map stays', async () => {
    const token = await join(online, 'device-closing-000000000');
    expect((await organiser('station', 'POST', `/online-consultations/${online}/close`)).status).toBe(403);
    const r = await organiser('town', 'POST', `/online-consultations/${online}/close`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'closed' });
    expect((await organiser('town', 'POST', `/online-consultations/${online}/close`)).body.code).toBe('ONLINE_CLOSED');
    const vote = await p(token, 'POST', `/public/online/${online}/votes`, { statementId: statements[0]!.id, vote: 1 });
    expect(vote.status).toBe(409);
    expect(vote.body.code).toBe('ONLINE_CLOSED');
    expect((await p(token, 'POST', `/public/online/${online}/statements`, { text: '关闭以后的观点' })).body.code).toBe('ONLINE_CLOSED');
    expect((await p(token, 'GET', `/public/online/${online}/next`)).body).toEqual({ statement: null, voted: 0, remaining: 0 });
    expect((await p(null, 'POST', `/public/online/${online}/participants`, { deviceId: 'device-late-0000000000' })).body.code).toBe('ONLINE_CLOSED');
    expect((await organiser('town', 'POST', `/online-consultations/${online}/statements`, { text: '关闭以后的种子' })).body.code).toBe('ONLINE_CLOSED');
    expect(((await p(null, 'GET', `/public/online/${online}/map`)).body as unknown as MapBody).version).toBe(3);
    const list = (await p(null, 'GET', '/public/online')).body.items as { id: string; state: string }[];
    expect(list.at(-1)).toMatchObject({ id: online, state: 'closed' });
  });

  it('never answers with a phone, a device id, a token or a hash, and keeps the audit chain whole', async () => {
    const all = bodies.join('\n');
    for (const token of tokens.slice(0, -1)) {
      // A token appears only in the answer that issued it.
      expect(all.split(token).length - 1, token).toBe(1);
    }
    for (const d of deviceIds) expect(all).not.toContain(d);
    expect(all).not.toContain('13912340001');
    expect(all).not.toMatch(/identity_?[Hh]ash|token_?[Hh]ash|identity_?[Ss]alt/);
    const audit = await t.database.handle.db.selectFrom('audit_event').select(['before_json', 'after_json']).where('action', 'like', 'online.%').execute();
    const trail = JSON.stringify(audit);
    for (const d of deviceIds) expect(trail).not.toContain(d);
    expect(trail).not.toContain('13912340001');
    expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
  });
});
