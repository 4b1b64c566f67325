import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { as, login, type Session } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

interface Moderated {
  id: string;
  trackingNo: string;
  state: string;
  moderation: { flagged: boolean; reasons: string[] };
}

/** Spam submissions are registered like any appeal and flagged, with reasons, for staff. */
describe.each(ENGINES)('spam appeals are flagged for moderation on %s', (engine) => {
  let t: TestApp;
  let dispatcher: Session;
  let categoryId: string;
  beforeAll(async () => {
    t = await createTestApp({ engine });
    dispatcher = await login(t.app, 'dispatcher');
    categoryId = ((await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] }).items.find((c) => c.code === 'environment.noise')!.id;
  });
  afterAll(async () => t?.close());

  const lastCode = async (phone: string) => {
    const row = await t.database.handle.db.selectFrom('outbox').select('payload').where('recipient', '=', phone).where('template', '=', 'otp.code').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    return (JSON.parse(row.payload) as { code: string }).code;
  };

  /** A resident files through the public intake (one-time code), each from an address of its own. */
  const fileAsResident = async (phone: string, description: string) => {
    const ip = `10.30.0.${Number(phone.slice(-2))}`;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/public/otp', remoteAddress: ip, payload: { phone } })).statusCode).toBe(202);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/appeals',
      remoteAddress: ip,
      payload: { phone, code: await lastCode(phone), categoryId, territoryCode: '330106002051', description },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { trackingNo: string; id?: string };
  };

  const staffView = async (trackingNo: string) => {
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/appeals?trackingNo=${trackingNo}`, headers: as(dispatcher) });
    const item = (list.json() as { items: Moderated[] }).items.find((a) => a.trackingNo === trackingNo)!;
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${item.id}`, headers: as(dispatcher) });
    return one.json() as Moderated;
  };

  it('link flooding, repeated text and keyword-stuffed placeholders are kept and flagged, with reasons', async () => {
    const cases: [string, string, string[]][] = [
      ['13900002201', '优惠活动 http://a.example/1 http://b.example/2 http://c.example/3 速来', ['link_flood']],
      ['13900002202', '代开发票'.repeat(10), ['repeated_text']],
      ['13900002203', `欢迎访问${HOSTILE.placeholder}官方网站`, ['placeholder']],
    ];
    for (const [phone, description, reasons] of cases) {
      const filed = await fileAsResident(phone, description);
      const appeal = await staffView(filed.trackingNo);
      expect(appeal.moderation, description).toEqual({ flagged: true, reasons });
      // Never silently dropped: it waits for dispatch like any other appeal.
      expect(appeal.state).toBe('registered');
    }
  });

  it('a real concern is not flagged; staff can list only the flagged ones', async () => {
    const filed = await fileAsResident('13900002204', '楼下广场舞太吵，晚上十点后仍有音乐，影响老人休息。');
    expect((await staffView(filed.trackingNo)).moderation).toEqual({ flagged: false, reasons: [] });
    const flagged = await t.app.inject({ method: 'GET', url: '/api/v1/appeals?flagged=true&limit=100', headers: as(dispatcher) });
    const items = (flagged.json() as { items: Moderated[]; page: { total: number } }).items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((a) => a.moderation.flagged)).toBe(true);
    expect(items.map((a) => a.trackingNo)).not.toContain(filed.trackingNo);
  });

  it('staff intake is checked the same way, and the audit trail records the reasons', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: as(dispatcher),
      payload: { categoryId, territoryCode: '330106002051', description: '专业蜘蛛池出租 {关键词} 快速收录', residentName: '张三', residentPhone: '13900002205' },
    });
    expect(res.statusCode).toBe(201);
    const appeal = res.json() as Moderated;
    expect(appeal.moderation).toEqual({ flagged: true, reasons: ['placeholder'] });
    const audit = await t.database.handle.db.selectFrom('audit_event').select('after_json').where('action', '=', 'appeal.register').where('resource_id', '=', appeal.id).executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.after_json))).toMatchObject({ spam: ['placeholder'] });
  });

  it('the public status page does not show the flag', async () => {
    const filed = await fileAsResident('13900002206', '代开发票'.repeat(10));
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/appeal-status/${filed.trackingNo}?last4=2206`, remoteAddress: '10.30.1.1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('moderation');
    expect(res.body).not.toContain('repeated_text');
  });
});
