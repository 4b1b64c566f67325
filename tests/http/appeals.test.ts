import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';

interface Appeal {
  id: string;
  trackingNo: string;
  state: string;
  version: number;
  description: string;
  residentPhone: string | null;
  residentName: string | null;
  allowedActions: string[];
  clocks: { kind: string; dueAt: string | null; overdue: boolean }[];
  timeline: { action: string; toState: string; payload: Record<string, unknown> | null }[];
  units: { name: string; role: string }[];
}

describe.each(ENGINES)('appeals lifecycle over HTTP on %s', (engine) => {
  let t: TestApp;
  let dispatcher: Session;
  let clerk: Session;
  let staff: Session;
  let categoryId: string;
  let unitId: string;
  let otherUnitId: string;

  beforeAll(async () => {
    t = await createTestApp({ engine });
    dispatcher = await login(t.app, 'dispatcher');
    clerk = await login(t.app, 'clerk');
    staff = await login(t.app, 'staff');
    const cats = (await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] };
    categoryId = cats.items.find((c) => c.code === 'traffic.bus')!.id;
    const admin = await login(t.app, 'admin');
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: as(admin) })).json() as { items: { id: string; name: string }[] };
    unitId = units.items.find((u) => u.name === '西湖区城市管理局')!.id;
    otherUnitId = units.items.find((u) => u.name === '杭州市公共交通集团有限公司')!.id;
  });
  afterAll(async () => t?.close());

  const register = async (session: Session, extra: Record<string, unknown> = {}) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: as(session),
      payload: {
        categoryId,
        territoryCode: '330106002051',
        description: `文三路公交站台破损，雨天积水。${HOSTILE.script}${HOSTILE.link}`,
        residentName: `王${HOSTILE.extB}`,
        residentPhone: '13812341234',
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Appeal;
  };
  const act = async (session: Session, a: Appeal, action: string, body: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1/appeals/${a.id}/actions`, headers: as(session), payload: { action, version: a.version, ...body } });
  const ok = async (session: Session, a: Appeal, action: string, body: Record<string, unknown> = {}) => {
    const res = await act(session, a, action, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json() as Appeal;
  };

  it('registers with a tracking number, verbatim text and a running dispatch clock', async () => {
    const a = await register(dispatcher);
    expect(a.trackingNo).toMatch(/^\d{8}-\d{5}$/);
    expect(a.state).toBe('registered');
    expect(a.description).toContain(HOSTILE.script);
    expect(a.residentPhone).toBe('13812341234');
    expect(a.clocks[0]).toMatchObject({ kind: 'dispatch', overdue: false });
    expect(a.allowedActions).toEqual(expect.arrayContaining(['dispatch', 'answer_directly', 'merge']));
  });

  it('goes dispatch → sign → return refused → extension → reply → review → 不满意 → reopen → reply → 满意 → close', async () => {
    let a = await register(dispatcher);
    a = await ok(dispatcher, a, 'dispatch', { leadUnitId: unitId, assistingUnitIds: [otherUnitId] });
    expect(a.units.map((u) => u.role)).toEqual(['lead', 'assisting']);
    expect(a.clocks.map((c) => c.kind)).toEqual(['sign', 'reply']);

    // The clerk's view: the allowed actions are the unit's only.
    const seen = (await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${a.id}`, headers: as(clerk) })).json() as Appeal;
    expect(seen.allowedActions.sort()).toEqual(['request_return', 'sign']);
    a = await ok(clerk, a, 'sign');
    expect((await act(clerk, a, 'request_return', {})).statusCode).toBe(400);
    a = await ok(clerk, a, 'request_return', { reason: `站台属公交集团管理${HOSTILE.link}` });
    expect(a.timeline.at(-1)?.payload).toEqual({ reason: `站台属公交集团管理${HOSTILE.link}` });
    a = await ok(dispatcher, a, 'refuse_return', { reason: '站台积水属市政设施' });
    expect(a.state).toBe('signed');
    a = await ok(clerk, a, 'start');
    const replyDue = a.clocks.find((c) => c.kind === 'reply')!.dueAt!;
    const until = new Date(Date.parse(replyDue) + 86_400_000).toISOString();
    a = await ok(clerk, a, 'request_extension', { reason: '需协调公交集团', until });
    expect(a.clocks.find((c) => c.kind === 'requested_extension')?.dueAt).toBe(until);
    a = await ok(dispatcher, a, 'approve_extension');
    expect(a.clocks.find((c) => c.kind === 'reply')?.dueAt).toBe(until);
    a = await ok(clerk, a, 'reply', { text: '已修复站台并疏通排水' });
    a = await ok(dispatcher, a, 'review_accept');
    expect(a.clocks[0]?.kind).toBe('callback');
    a = await ok(dispatcher, a, 'rate', { rating: 'unsatisfied' });
    expect((await act(dispatcher, a, 'close')).statusCode).toBe(409);
    a = await ok(dispatcher, a, 'reopen');
    expect(a.state).toBe('in_progress');
    a = await ok(clerk, a, 'reply', { text: '已加装雨棚' });
    a = await ok(dispatcher, a, 'review_accept');
    a = await ok(dispatcher, a, 'rate', { rating: 'satisfied' });
    a = await ok(dispatcher, a, 'close');
    expect(a.state).toBe('closed');
    expect(a.timeline.map((e) => e.action)).toEqual([
      'register', 'dispatch', 'sign', 'request_return', 'refuse_return', 'start', 'request_extension', 'approve_extension',
      'reply', 'review_accept', 'rate', 'reopen', 'reply', 'review_accept', 'rate', 'close',
    ]);
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/appeal-status/${a.trackingNo}?last4=1234` });
    expect(status.statusCode).toBe(200);
    const body = status.json() as { state: string; steps: { action: string; text: string | null }[]; open311Status: string };
    expect(body.open311Status).toBe('closed');
    expect(body.steps.filter((s) => s.text).map((s) => s.text)).toEqual(['已修复站台并疏通排水', '已加装雨棚']);
    expect(JSON.stringify(body)).not.toContain('13812341234');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/appeal-status/${a.trackingNo}?last4=9999` })).statusCode).toBe(404);
  });

  it('refuses actions by the wrong person, in the wrong state or on a stale version', async () => {
    let a = await register(dispatcher);
    expect((await act(clerk, a, 'dispatch', { leadUnitId: unitId })).statusCode).toBe(403);
    expect((await act(dispatcher, a, 'review_accept')).json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    expect((await act(dispatcher, a, 'dispatch', {})).json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'leadUnitId' }] });
    a = await ok(dispatcher, a, 'dispatch', { leadUnitId: otherUnitId });
    // The clerk of another unit neither sees nor signs it.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${a.id}`, headers: as(clerk) })).statusCode).toBe(404);
    expect((await act(clerk, a, 'sign')).statusCode).toBe(403);
    const stale = await act(dispatcher, { ...a, version: a.version - 1 }, 'remind');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('a raced transition succeeds exactly once', async () => {
    let a = await register(dispatcher);
    a = await ok(dispatcher, a, 'dispatch', { leadUnitId: unitId });
    const results = await Promise.all(Array.from({ length: 6 }, () => act(clerk, a, 'sign')));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(5);
  });

  it('tracking numbers stay unique under concurrent intake', async () => {
    const made = await Promise.all(Array.from({ length: 25 }, () => register(dispatcher)));
    expect(new Set(made.map((a) => a.trackingNo)).size).toBe(25);
  });

  it('masks personal data for viewers who do not handle the appeal; lists follow scope', async () => {
    const a = await register(dispatcher);
    const forStaff = (await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${a.id}`, headers: as(staff) })).json() as Appeal;
    expect(forStaff.residentPhone).toBe('138****1234');
    expect(forStaff.residentName).toBe('王**');
    const clerkList = (await t.app.inject({ method: 'GET', url: '/api/v1/appeals?limit=200', headers: as(clerk) })).json() as { items: Appeal[] };
    expect(clerkList.items.every((x) => x.state !== 'registered')).toBe(true);
  });

  it('refuses unknown categories and territories, and a member files on a resident’s behalf', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: as(dispatcher), payload: { categoryId: '01234567-89ab-7def-8123-456789abcdef', territoryCode: '330106002051', description: '路灯不亮很久了' } });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'categoryId' }] });
    const county = await t.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: as(dispatcher), payload: { categoryId, territoryCode: '330106000000', description: '路灯不亮很久了' } });
    expect(county.statusCode).toBe(400);
    const member = await login(t.app, 'member');
    const visit = await register(member, { channel: 'visit' });
    const mine = (await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${visit.id}`, headers: as(member) })).json() as Appeal & { onBehalf: boolean; channel: string };
    expect(mine.onBehalf).toBe(true);
    expect(mine.allowedActions).toEqual([]);
  });

  it('every transition is on the verifying audit chain', async () => {
    expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
  });
});
