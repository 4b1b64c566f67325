import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db.js';
import { HOSTILE, HOSTILE_NAME } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';

interface Category {
  id: string;
  code: string;
  parentId: string | null;
  nameZh: string;
  nameEn: string;
  deadlineClass: string;
  active: boolean;
  sort: number;
  inUse: boolean;
  version: number;
}
interface DeadlineClass {
  code: string;
  amount: number;
  unit: 'wd' | 'minutes';
  maxCount: number | null;
  usage: 'step' | 'reply';
  version: number;
}
interface Appeal {
  id: string;
  createdAt: string;
  version: number;
  category: { id: string; nameZh: string };
  clocks: { kind: string; dueAt: string | null }[];
}

describe.each(ENGINES)('appeal categories and deadline classes over HTTP on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let dispatcher: Session;

  beforeAll(async () => {
    t = await createTestApp({ engine });
    admin = await login(t.app, 'admin');
    dispatcher = await login(t.app, 'dispatcher');
  });
  afterAll(async () => t?.close());

  const categories = async () =>
    ((await t.app.inject({ method: 'GET', url: '/api/v1/appeal-categories', headers: as(admin) })).json() as { items: Category[] }).items;
  const offered = async () => ((await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] }).items;
  const byCode = async (code: string) => (await categories()).find((c) => c.code === code)!;
  const classes = async () =>
    ((await t.app.inject({ method: 'GET', url: '/api/v1/deadline-classes', headers: as(admin) })).json() as { items: DeadlineClass[] }).items;
  const create = (payload: Record<string, unknown>, lang?: 'en') =>
    t.app.inject({ method: 'POST', url: '/api/v1/appeal-categories', headers: as(admin, lang), payload });
  const patch = (id: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/appeal-categories/${id}`, headers: as(admin), payload });
  const register = async (categoryId: string, extra: Record<string, unknown> = {}) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: as(dispatcher),
      payload: { categoryId, territoryCode: '330106002051', description: '小区门口夜间噪声扰民，已持续一周。', ...extra },
    });
    return res;
  };
  const deadline = async (from: string, workingDays: number) =>
    ((await t.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?from=${encodeURIComponent(from)}&workingDays=${workingDays}` })).json() as { due: string }).due;

  it('lists the seeded tree and classes for administrators only', async () => {
    const all = await categories();
    expect(all.find((c) => c.code === 'traffic.bus')).toMatchObject({ active: true, inUse: false, deadlineClass: 'general', version: 1 });
    const cls = await classes();
    expect(cls.find((c) => c.code === 'extension')).toMatchObject({ amount: 3, unit: 'wd', maxCount: 3, usage: 'step' });
    expect(cls.find((c) => c.code === 'general')).toMatchObject({ amount: 5, unit: 'wd', maxCount: null, usage: 'reply' });
    expect(cls.find((c) => c.code === 'urgent')).toMatchObject({ amount: 30, unit: 'minutes' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/appeal-categories', headers: as(dispatcher) });
    expect(res.statusCode).toBe(403);
  });

  it('creates a sub-category with a hostile name stored verbatim, offered for new appeals at once, with an audit record', async () => {
    const parent = await byCode('traffic');
    const res = await create({ parentId: parent.id, code: 'traffic.night-bus', nameZh: HOSTILE_NAME, nameEn: `${HOSTILE.link}${HOSTILE.placeholder}`, deadlineClass: 'consultation' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as Category;
    expect(created).toMatchObject({ parentId: parent.id, nameZh: HOSTILE_NAME, nameEn: `${HOSTILE.link}${HOSTILE.placeholder}`, active: true, version: 1 });
    expect(created.nameZh).toContain('𣵦');
    // Within the 5-second cache: the intake sees the new category immediately.
    expect((await offered()).map((c) => c.code)).toContain('traffic.night-bus');
    const appeal = await register(created.id);
    expect(appeal.statusCode, appeal.body).toBe(201);
    expect((appeal.json() as Appeal).category.nameZh).toBe(HOSTILE_NAME);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?resourceType=category', headers: as(admin) });
    expect((audit.json() as { items: { action: string; resourceId: string }[] }).items[0]).toMatchObject({ action: 'category.create', resourceId: created.id });
  });

  it('refuses bad codes, duplicate codes, step classes and over-long names, in the request language', async () => {
    const parent = await byCode('city');
    const base = { parentId: parent.id, nameZh: '测试', nameEn: 'Test', deadlineClass: 'general' };
    for (const code of ['City.X', 'city..x', 'city.<b>', '-city', 'city.x y', 'c'.repeat(65)]) {
      const res = await create({ ...base, code });
      expect(res.statusCode, code).toBe(400);
      expect((res.json() as { errors: { field: string }[] }).errors[0]?.field).toBe('code');
    }
    const dup = await create({ ...base, code: 'city.stalls' }, 'en');
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'ALREADY_EXISTS', title: 'The record already exists' });
    const step = await create({ ...base, code: 'city.step', deadlineClass: 'dispatch' }, 'en');
    expect(step.statusCode).toBe(400);
    expect(step.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'deadlineClass', message: 'choose a reply deadline class' }] });
    const zh = await create({ ...base, code: 'city.step', deadlineClass: 'nope' });
    expect(zh.json()).toMatchObject({ errors: [{ field: 'deadlineClass', message: '请选择答复时限类别' }] });
    expect((await create({ ...base, code: 'city.long', nameZh: '𣵦'.repeat(65) })).statusCode).toBe(400);
    expect((await create({ ...base, code: 'city.ok', nameZh: '𣵦'.repeat(64) })).statusCode).toBe(201);
    expect((await create({ ...base, code: 'city.ctl', nameZh: 'a\u202Eb' })).statusCode).toBe(400);
  });

  it('renames, re-classes and moves; refuses cycles and a fourth level', async () => {
    const bus = await byCode('traffic.bus');
    let res = await patch(bus.id, { version: bus.version, nameZh: '公交线路与站点', nameEn: 'Bus routes and stops', deadlineClass: 'complaint' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nameZh: '公交线路与站点', deadlineClass: 'complaint', version: bus.version + 1 });

    const traffic = await byCode('traffic');
    const nightBus = await byCode('traffic.night-bus');
    // traffic under its own grandchild… and under itself.
    expect((await patch(traffic.id, { version: traffic.version, parentId: nightBus.id })).json()).toMatchObject({ code: 'CATEGORY_CYCLE', status: 409 });
    expect((await patch(traffic.id, { version: traffic.version, parentId: traffic.id })).json()).toMatchObject({ code: 'CATEGORY_CYCLE' });
    // A third level is fine, a fourth is not.
    const parking = await byCode('traffic.parking');
    res = await patch(parking.id, { version: parking.version, parentId: bus.id });
    expect(res.statusCode, res.body).toBe(200);
    const deep = await create({ parentId: parking.id, code: 'traffic.parking.x', nameZh: '四级', nameEn: 'Fourth', deadlineClass: 'general' });
    expect(deep.json()).toMatchObject({ code: 'CATEGORY_TOO_DEEP', status: 409 });
    // A subtree of two levels cannot go under a second-level category.
    const city = await byCode('city');
    const appearance = await byCode('city.appearance');
    expect((await patch(traffic.id, { version: traffic.version, parentId: appearance.id })).json()).toMatchObject({ code: 'CATEGORY_TOO_DEEP' });
    // Moving a whole branch under another top-level category works when the depth allows.
    const env = await byCode('environment');
    expect((await patch(env.id, { version: env.version, parentId: city.id })).statusCode).toBe(200);
    expect((await byCode('environment.noise')).parentId).toBe(env.id);
    const back = await byCode('environment');
    expect((await patch(back.id, { version: back.version, parentId: null })).statusCode).toBe(200);
  });

  it('two concurrent moves cannot close a cycle', async () => {
    const a = (await create({ parentId: null, code: 'race-a', nameZh: '甲', nameEn: 'A', deadlineClass: 'general' })).json() as Category;
    const b = (await create({ parentId: null, code: 'race-b', nameZh: '乙', nameEn: 'B', deadlineClass: 'general' })).json() as Category;
    const [ab, ba] = await Promise.all([patch(a.id, { version: a.version, parentId: b.id }), patch(b.id, { version: b.version, parentId: a.id })]);
    expect([ab.statusCode, ba.statusCode].sort()).toEqual([200, 409]);
    expect([ab, ba].find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'CATEGORY_CYCLE' });
    const [ra, rb] = [await byCode('race-a'), await byCode('race-b')];
    expect(ra.parentId === b.id && rb.parentId === a.id).toBe(false);
  });

  it('the second of two admins editing the same row gets a 409 VERSION_CONFLICT problem', async () => {
    const c = await byCode('property.elevator');
    const first = await patch(c.id, { version: c.version, nameZh: '电梯' });
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject({ method: 'PATCH', url: `/api/v1/appeal-categories/${c.id}`, headers: as(admin, 'en'), payload: { version: c.version, nameZh: '加装电梯' } });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(second.json()).toMatchObject({ code: 'VERSION_CONFLICT', title: 'Someone else changed the record; reload and try again' });
    expect((await byCode('property.elevator')).nameZh).toBe('电梯');
    const cls = (await classes()).find((x) => x.code === 'sign')!;
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/deadline-classes/sign', headers: as(admin), payload: { version: cls.version, amount: 1.5 } })).statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'PATCH', url: '/api/v1/deadline-classes/sign', headers: as(admin), payload: { version: cls.version, amount: 2 } });
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', status: 409 });
  });

  it('deactivates a branch: not offered, refused for new appeals, old appeals keep their category name', async () => {
    const noise = await byCode('environment.noise');
    const old = (await register(noise.id)).json() as Appeal;
    const env = await byCode('environment');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/appeal-categories/${env.id}/deactivate`, headers: as(admin), payload: { version: env.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: env.version + 1 });
    expect((await byCode('environment.noise')).active).toBe(false);
    expect((await byCode('environment.water')).active).toBe(false);
    const codes = (await offered()).map((c) => c.code);
    expect(codes).not.toContain('environment');
    expect(codes).not.toContain('environment.noise');
    expect((await register(noise.id)).statusCode).toBe(400);
    const seen = (await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${old.id}`, headers: as(dispatcher) })).json() as Appeal;
    expect(seen.category.nameZh).toBe('噪声扰民');

    // Nothing new goes under a deactivated parent; a child comes back only after its parent.
    const under = await create({ parentId: env.id, code: 'environment.dust', nameZh: '扬尘', nameEn: 'Dust', deadlineClass: 'general' });
    expect(under.json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    const child = await byCode('environment.noise');
    const early = await t.app.inject({ method: 'POST', url: `/api/v1/appeal-categories/${child.id}/reactivate`, headers: as(admin), payload: { version: child.version } });
    expect(early.json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    const envNow = await byCode('environment');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/appeal-categories/${env.id}/reactivate`, headers: as(admin), payload: { version: envNow.version } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/appeal-categories/${child.id}/reactivate`, headers: as(admin), payload: { version: child.version } })).statusCode).toBe(200);
    expect((await offered()).map((c) => c.code)).toContain('environment.noise');
    expect((await offered()).map((c) => c.code)).not.toContain('environment.water');
  });

  it('deletes an unused leaf; refuses one that appeals use or that has sub-categories', async () => {
    const noise = await byCode('environment.noise');
    expect(noise.inUse).toBe(true);
    const used = await t.app.inject({ method: 'DELETE', url: `/api/v1/appeal-categories/${noise.id}?version=${noise.version}`, headers: as(admin, 'en') });
    expect(used.statusCode).toBe(409);
    expect(used.json()).toMatchObject({ code: 'CATEGORY_IN_USE', detail: 'Appeals use this category; it can only be deactivated' });
    const env = await byCode('environment');
    const parent = await t.app.inject({ method: 'DELETE', url: `/api/v1/appeal-categories/${env.id}?version=${env.version}`, headers: as(admin) });
    expect(parent.json()).toMatchObject({ code: 'CATEGORY_IN_USE' });
    const ok = await byCode('city.ok');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/appeal-categories/${ok.id}?version=${ok.version + 1}`, headers: as(admin) })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/appeal-categories/${ok.id}?version=${ok.version}`, headers: as(admin) })).statusCode).toBe(204);
    expect((await categories()).some((c) => c.code === 'city.ok')).toBe(false);
  });

  it('a class edit moves the next appeal’s deadline, not the clocks already running', async () => {
    const cat = await byCode('public.community');
    const before = (await register(cat.id)).json() as Appeal;
    const dueBefore = before.clocks.find((c) => c.kind === 'dispatch')!.dueAt!;
    expect(dueBefore).toBe(await deadline(before.createdAt, 0.5));

    const dispatch = (await classes()).find((c) => c.code === 'dispatch')!;
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/deadline-classes/dispatch', headers: as(admin), payload: { version: dispatch.version, amount: 2 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ amount: 2, unit: 'wd', version: dispatch.version + 1 });

    const after = (await register(cat.id)).json() as Appeal;
    expect(after.clocks.find((c) => c.kind === 'dispatch')!.dueAt).toBe(await deadline(after.createdAt, 2));
    const again = (await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${before.id}`, headers: as(dispatcher) })).json() as Appeal;
    expect(again.clocks.find((c) => c.kind === 'dispatch')!.dueAt).toBe(dueBefore);

    // Urgent in minutes; a category's reply class feeds the reply clock of appeals filed after.
    const urgent = (await classes()).find((c) => c.code === 'urgent')!;
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/deadline-classes/urgent', headers: as(admin), payload: { version: urgent.version, amount: 45 } })).statusCode).toBe(200);
    const u = (await register(cat.id, { urgent: true })).json() as Appeal;
    expect(Date.parse(u.clocks[0]!.dueAt!) - Date.parse(u.createdAt)).toBe(45 * 60_000);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?resourceType=deadline_class', headers: as(admin) });
    expect((audit.json() as { items: { action: string; before: { amount: number }; after: { amount: number } }[] }).items[0]).toMatchObject({
      action: 'deadline_class.update',
      before: { amount: 30 },
      after: { amount: 45 },
    });
  });

  it('keeps deadline classes within sane bounds and edits the extension cap', async () => {
    const get = async (code: string) => (await classes()).find((c) => c.code === code)!;
    const put = async (code: string, body: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/deadline-classes/${code}`, headers: as(admin), payload: { version: (await get(code)).version, ...body } });
    for (const body of [{ amount: 0 }, { amount: 61 }, { amount: 1.1 }, { amount: -1 }, { unit: 'minutes', amount: 2 }, { unit: 'minutes', amount: 1441 }, { unit: 'minutes', amount: 7.5 }, { unit: 'hours' }]) {
      const res = await put('general', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await put('general', { maxCount: 2 })).json()).toMatchObject({ errors: [{ field: 'maxCount' }] });
    expect((await put('extension', { maxCount: 11 })).statusCode).toBe(400);
    expect((await put('general', { amount: 7.25 })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/deadline-classes/nope', headers: as(admin), payload: { version: 1, amount: 1 } })).statusCode).toBe(404);
    const res = await put('extension', { maxCount: 1, amount: 2, nameZh: `延期${HOSTILE.script}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ maxCount: 1, amount: 2, nameZh: `延期${HOSTILE.script}` });
  });

  it('the new extension cap governs the next extension request', async () => {
    const clerk = await login(t.app, 'clerk');
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: as(admin) })).json() as { items: { id: string; name: string }[] };
    const unitId = units.items.find((u) => u.name === '西湖区城市管理局')!.id;
    const cat = await byCode('city.appearance');
    let a = (await register(cat.id)).json() as Appeal;
    const act = async (s: Session, action: string, body: Record<string, unknown> = {}) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${a.id}/actions`, headers: as(s), payload: { action, version: a.version, ...body } });
      if (res.statusCode === 200) a = res.json() as Appeal;
      return res;
    };
    expect((await act(dispatcher, 'dispatch', { leadUnitId: unitId })).statusCode).toBe(200);
    expect((await act(clerk, 'sign')).statusCode).toBe(200);
    const reply = () => a.clocks.find((c) => c.kind === 'reply')!.dueAt!;
    const until = () => new Date(Date.parse(reply()) + 3_600_000).toISOString();
    expect((await act(clerk, 'request_extension', { reason: '需协调', until: until() })).statusCode).toBe(200);
    expect((await act(dispatcher, 'approve_extension')).statusCode).toBe(200);
    const second = await act(clerk, 'request_extension', { reason: '仍需协调', until: until() });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED', detail: '延期次数已达上限（1 次）' });
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
  });
});
