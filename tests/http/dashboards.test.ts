import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';

interface Appeal {
  id: string;
  trackingNo: string;
  version: number;
  state: string;
}
interface Figure {
  key: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  kind: string;
  records: string;
}
interface Dashboard {
  filters: Record<string, string | null>;
  scope: { code: string; level: string; name: string };
  figures: Figure[];
  byCategory: { id: string; count: number }[];
  byTerritory: { code: string; count: number }[];
  byMonth: { month: string; appeals: number; closed: number }[];
  dataVersion: number;
}
interface Records {
  total: number;
  kind: string;
  items: { kind: string; trackingNo?: string; counted: boolean; id?: string }[];
}

const RESIDENT_NAME = `王${HOSTILE.extB}`;
const PHONE = '13812349876';
const ADDRESS = `保俶北路${HOSTILE.placeholder}`;

describe.each(ENGINES)('public dashboards over HTTP on %s', (engine) => {
  let t: TestApp;
  let dispatcher: Session;
  let clerk: Session;
  let bus: string;
  let traffic: string;
  let noise: string;
  let unitId: string;
  let otherUnitId: string;
  const ids: Record<string, Appeal> = {};
  const bodies: string[] = [];

  const get = async (url: string, status = 200) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
    bodies.push(res.body);
    return res;
  };
  const dash = async (q = '') => (await get(`/api/v1/public/dashboard${q}`)).json() as Dashboard;
  const fig = (d: Dashboard, key: string) => d.figures.find((f) => f.key === key) as Figure;

  const register = async (extra: Record<string, unknown> = {}) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: as(dispatcher),
      payload: {
        categoryId: bus,
        territoryCode: '330106002051',
        description: `公交站台破损${HOSTILE.script}${HOSTILE.link}${HOSTILE.img}`,
        residentName: RESIDENT_NAME,
        residentPhone: PHONE,
        address: ADDRESS,
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Appeal;
  };
  const ok = async (session: Session, a: Appeal, action: string, body: Record<string, unknown> = {}) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${a.id}/actions`, headers: as(session), payload: { action, version: a.version, ...body } });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json() as Appeal;
  };

  beforeAll(async () => {
    t = await createTestApp({ engine });
    dispatcher = await login(t.app, 'dispatcher');
    clerk = await login(t.app, 'clerk');
    const cats = (await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] };
    const cat = (code: string) => cats.items.find((c) => c.code === code)!.id;
    bus = cat('traffic.bus');
    traffic = cat('traffic');
    noise = cat('environment.noise');
    const admin = await login(t.app, 'admin');
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: as(admin) })).json() as { items: { id: string; name: string }[] };
    unitId = units.items.find((u) => u.name === '西湖区城市管理局')!.id;
    otherUnitId = units.items.find((u) => u.name === '杭州市公共交通集团有限公司')!.id;

    // A: dispatched, signed, replied, accepted, rated satisfied, closed.
    let a = await register();
    a = await ok(dispatcher, a, 'dispatch', { leadUnitId: unitId });
    a = await ok(clerk, a, 'sign');
    a = await ok(clerk, a, 'reply', { text: '已修复' });
    a = await ok(dispatcher, a, 'review_accept');
    a = await ok(dispatcher, a, 'rate', { rating: 'satisfied' });
    ids.A = await ok(dispatcher, a, 'close');
    // B: the same, rated unsatisfied and reopened (now in progress again).
    let b = await register();
    b = await ok(dispatcher, b, 'dispatch', { leadUnitId: unitId });
    b = await ok(clerk, b, 'sign');
    b = await ok(clerk, b, 'reply', { text: '处理中' });
    b = await ok(dispatcher, b, 'review_accept');
    b = await ok(dispatcher, b, 'rate', { rating: 'unsatisfied' });
    ids.B = await ok(dispatcher, b, 'reopen');
    // C: dispatched, return requested and approved to another unit (waiting for its signature).
    let c = await register();
    c = await ok(dispatcher, c, 'dispatch', { leadUnitId: unitId });
    c = await ok(clerk, c, 'request_return', { reason: '不属于本单位' });
    ids.C = await ok(dispatcher, c, 'approve_return', { leadUnitId: otherUnitId });
    // D: another town and category, only registered.
    ids.D = await register({ categoryId: noise, territoryCode: '330106008205' });
    // E: anonymous, answered directly and closed without a rating.
    let e = await register({ anonymous: true, residentName: undefined, residentPhone: undefined });
    e = await ok(dispatcher, e, 'answer_directly', { text: '已答复' });
    ids.E = await ok(dispatcher, e, 'close');
    await t.workers.dashboards.runOnce();
    await t.workers.dashboards.runOnce();
  });
  afterAll(async () => t?.close());

  it('counts every appeal figure with its numerator and denominator', async () => {
    const d = await dash();
    expect(d.scope).toMatchObject({ code: '330106', level: 'county' });
    expect(d.figures.map((f) => f.key)).toEqual([
      'appeals', 'appeals_closed', 'sign_on_time_rate', 'completion_on_time_rate', 'return_rate', 'reopen_rate', 'satisfaction_rate', 'resolution_rate',
      'topics_filed', 'events', 'events_completed', 'suggestions', 'adoption_rate', 'implementation_rate',
    ]);
    const nd = (key: string) => [fig(d, key).numerator, fig(d, key).denominator];
    expect(nd('appeals')).toEqual([5, null]);
    expect(nd('appeals_closed')).toEqual([2, null]);
    expect(nd('sign_on_time_rate')).toEqual([2, 2]);
    expect(nd('completion_on_time_rate')).toEqual([2, 2]);
    expect(nd('return_rate')).toEqual([1, 3]);
    expect(nd('reopen_rate')).toEqual([1, 2]);
    expect(nd('satisfaction_rate')).toEqual([1, 2]);
    expect(nd('resolution_rate')).toEqual([2, 2]);
    expect(fig(d, 'return_rate').value).toBeCloseTo(1 / 3, 3);
    expect(fig(d, 'appeals').records).toMatch(/^\/api\/v1\/public\/records\?figure=appeals&from=\d{4}-\d\d&to=\d{4}-\d\d&territory=330106$/);
    expect(d.byMonth).toHaveLength(12);
    expect(d.byMonth.at(-1)).toMatchObject({ appeals: 5, closed: 2 });
    expect(d.byTerritory.find((x) => x.code === '330106002')?.count).toBe(4);
    expect(d.byTerritory.find((x) => x.code === '330106008')?.count).toBe(1);
    expect(d.byCategory.find((x) => x.id === traffic)?.count).toBe(4);
  });

  it('lists exactly the denominator’s rows as records, marking the numerator', async () => {
    const d = await dash();
    for (const f of d.figures.filter((x) => x.key !== 'topics_filed' && !['events', 'events_completed', 'suggestions', 'adoption_rate', 'implementation_rate'].includes(x.key))) {
      const r = (await get(f.records)).json() as Records;
      expect(r.kind).toBe('appeal');
      expect(r.total, f.key).toBe(f.denominator ?? f.numerator);
      expect(r.items).toHaveLength(r.total);
      expect(r.items.filter((i) => i.counted)).toHaveLength(f.numerator);
    }
    const returns = (await get(fig(d, 'return_rate').records)).json() as Records;
    expect(returns.items.map((i) => i.trackingNo).sort()).toEqual([ids.A, ids.B, ids.C].map((a) => a!.trackingNo).sort());
    expect(returns.items.find((i) => i.trackingNo === ids.C!.trackingNo)?.counted).toBe(true);
    const page = (await get(`${fig(d, 'appeals').records}&page=2&pageSize=2`)).json() as Records;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(5);
  });

  it('filters by town, community, category subtree and period', async () => {
    expect(fig(await dash('?territory=330106002'), 'appeals').numerator).toBe(4);
    const town = await dash('?territory=330106002');
    expect(town.scope.level).toBe('town');
    expect(town.byTerritory.find((x) => x.code === '330106002051')?.count).toBe(4);
    expect(fig(await dash('?territory=330106008'), 'appeals').numerator).toBe(1);
    const village = await dash('?territory=330106002051');
    expect(village.scope.level).toBe('village');
    expect(fig(village, 'return_rate')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(fig(await dash(`?category=${traffic}`), 'appeals').numerator).toBe(4);
    expect(fig(await dash(`?category=${noise}`), 'appeals').numerator).toBe(1);
    const old = await dash('?from=2020-01&to=2020-12');
    expect(fig(old, 'appeals').numerator).toBe(0);
    expect(fig(old, 'satisfaction_rate').value).toBeNull();
    expect(old.byMonth.map((m) => m.month)).toHaveLength(12);
    const recs = (await get(`/api/v1/public/records?figure=appeals&category=${noise}`)).json() as Records;
    expect(recs.items.map((i) => i.trackingNo)).toEqual([ids.D!.trackingNo]);
  });

  it('answers unknown territories, venues, categories and campaigns with 404 in both languages', async () => {
    for (const q of ['territory=330106999', 'territory=110101', `campaign=0190a0a0-0000-7000-8000-000000000000`, 'venue=nope', `category=0190a0a0-0000-7000-8000-000000000000`]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/dashboard?${q}` });
      expect(res.statusCode, q).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().detail).toMatch(/找不到/);
      const en = await t.app.inject({ method: 'GET', url: `/api/v1/public/dashboard?${q}`, headers: { 'accept-language': 'en' } });
      expect(en.json().detail).toMatch(/^No /);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/dashboard?from=2026-13' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/records?figure=nope' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/records?figure=appeals&pageSize=101' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/campaigns/0190a0a0-0000-7000-8000-000000000000/progress' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/coverage?territory=330106999' })).statusCode).toBe(404);
  });

  it('counts halls, stations and studios per town against the seeded venues', async () => {
    const cov = (await get('/api/v1/public/coverage')).json() as {
      towns: { code: string; halls: number; stations: number; studios: number; members: number; events: number }[];
      summary: Record<string, number>;
      stations: { id: string; kind: string; townCode: string; members: number; events: number; href: string }[];
    };
    const db = t.database.handle.db;
    const venues = await db.selectFrom('venue').select(['id', 'kind', 'territory_code']).where('active', '=', 1).where('public', '=', 1).execute();
    const towns = await db.selectFrom('territory').select('code').where('parent_code', '=', '330106').execute();
    expect(cov.summary.towns).toBe(towns.length);
    expect(cov.summary.stations).toBe(venues.filter((v) => v.kind === 'station').length);
    expect(cov.summary.townsWithHall).toBe(new Set(venues.filter((v) => v.kind === 'hall').map((v) => v.territory_code!.slice(0, 9))).size);
    expect(cov.stations).toHaveLength(venues.length);
    const members = await db.selectFrom('venue_member').select('venue_id').execute();
    expect(cov.summary.members).toBe(members.filter((m) => venues.some((v) => v.id === m.venue_id)).length);
    const events = await db.selectFrom('consultation').select('venue_id').where('venue_id', 'is not', null).execute();
    expect(cov.summary.events).toBe(events.length);
    const withEvents = cov.stations.find((s) => s.events > 0)!;
    expect(withEvents.href).toBe(`/venues/${withEvents.id}`);
    expect(cov.towns.find((x) => x.code === withEvents.townCode)!.events).toBeGreaterThanOrEqual(withEvents.events);
    const one = (await get(`/api/v1/public/coverage?territory=${withEvents.townCode}`)).json() as { towns: unknown[] };
    expect(one.towns).toHaveLength(1);
  });

  it('shows a campaign’s progress and its events as figures', async () => {
    const db = t.database.handle.db;
    const campaign = await db.selectFrom('campaign').selectAll().executeTakeFirstOrThrow();
    const p = (await get(`/api/v1/public/campaigns/${campaign.id}/progress`)).json() as { campaign: { id: string; targetEvents: number }; totals: Record<string, number>; days: { date: string }[] };
    const events = await db.selectFrom('consultation').select('id').where('campaign_id', '=', campaign.id).execute();
    expect(p.campaign).toMatchObject({ id: campaign.id, targetEvents: campaign.target_events });
    expect(p.totals.events).toBe(events.length);
    expect(p.totals.townsCovered).toBeLessThanOrEqual(p.totals.towns);
    for (const d of p.days) expect(d.date >= campaign.starts_on && d.date <= campaign.ends_on).toBe(true);
    const months = `from=${campaign.starts_on.slice(0, 7)}&to=${campaign.ends_on.slice(0, 7)}`;
    const d = await dash(`?campaign=${campaign.id}&${months}`);
    expect(fig(d, 'events').numerator).toBe(events.length);
    const recs = (await get(`${fig(d, 'events').records}`)).json() as Records;
    expect(recs.kind).toBe('event');
    expect(recs.items.map((i) => i.id).sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('keeps personal data out of every public response', async () => {
    const all = bodies.join('\n');
    for (const s of [HOSTILE.script, HOSTILE.link, HOSTILE.img, HOSTILE.placeholder, RESIDENT_NAME, PHONE, '公交站台破损', '保俶北路']) expect(all).not.toContain(s);
    expect(all).not.toMatch(/"(description|residentName|residentPhone|address|lat|lng)"/);
  });

  it('updates the cube when an appeal changes and bumps the data version', async () => {
    const before = await dash();
    let b = ids.B!;
    b = await ok(clerk, b, 'reply', { text: '已处理完毕' });
    b = await ok(dispatcher, b, 'review_accept');
    b = await ok(dispatcher, b, 'rate', { rating: 'basically_satisfied' });
    ids.B = await ok(dispatcher, b, 'close');
    await t.workers.dashboards.runOnce();
    const after = await dash();
    expect(after.dataVersion).not.toBe(before.dataVersion);
    expect(fig(after, 'appeals_closed').numerator).toBe(3);
    expect([fig(after, 'satisfaction_rate').numerator, fig(after, 'satisfaction_rate').denominator]).toEqual([2, 2]);
    expect([fig(after, 'reopen_rate').numerator, fig(after, 'reopen_rate').denominator]).toEqual([1, 2]);
    expect([fig(after, 'resolution_rate').numerator, fig(after, 'resolution_rate').denominator]).toEqual([3, 3]);
    // Re-running changes nothing (re-deriving an unchanged appeal writes nothing).
    expect(await t.workers.dashboards.runOnce()).toBe(0);
  });

  it('streams `ready`, then `changed` after an appeal is registered (real HTTP)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    t.workers.dashboards.start(100);
    try {
      const { port } = t.app.server.address() as AddressInfo;
      const ac = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/public/dashboard/stream`, { headers: { accept: 'text/event-stream' }, signal: ac.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let pending: ReturnType<typeof reader.read> | null = null;
      const until = async (needle: string, ms: number) => {
        const deadline = Date.now() + ms;
        while (!text.includes(needle)) {
          if (Date.now() > deadline) throw new Error(`no ${needle} in ${text}`);
          pending ??= reader.read();
          const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), 200))]);
          if (chunk) {
            pending = null;
            if (!chunk.done) text += decoder.decode(chunk.value);
          }
        }
      };
      await until('event: ready', 5000);
      await register();
      await until('event: changed', 5000);
      expect(text).toMatch(/event: changed\ndata: \{"dataVersion":\d+\}/);
      ac.abort();
      // A probe without Accept: text/event-stream gets `ready` and the end of the response.
      const probe = await t.app.inject({ method: 'GET', url: '/api/v1/public/dashboard/stream' });
      expect(probe.body).toMatch(/^event: ready/);
    } finally {
      await t.workers.dashboards.stop();
    }
  });
});
