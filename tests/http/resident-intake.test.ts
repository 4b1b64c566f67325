import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';

describe.each(ENGINES)('a resident files with a one-time code on %s', (engine) => {
  let t: TestApp;
  let categoryId: string;
  beforeAll(async () => {
    t = await createTestApp({ engine });
    categoryId = ((await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] }).items.find((c) => c.code === 'environment.noise')!.id;
  });
  afterAll(async () => t?.close());

  const requestCode = (phone: string) => t.app.inject({ method: 'POST', url: '/api/v1/public/otp', payload: { phone } });
  /** The code as the SMS adapter would send it: read from the outbox. */
  const lastCode = async (phone: string) => {
    const row = await t.database.handle.db.selectFrom('outbox').select('payload').where('recipient', '=', phone).where('template', '=', 'otp.code').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    return (JSON.parse(row.payload) as { code: string }).code;
  };
  // Each phone files from its own address: the per-address limit (30 a minute) is not under test here.
  const file = (phone: string, code: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/public/appeals',
      remoteAddress: `127.0.0.${Number(phone.slice(-2))}`,
      payload: { phone, code, categoryId, territoryCode: '330106002051', description: `楼下广场舞太吵，晚上十点后仍有音乐。${HOSTILE.script}`, ...extra },
    });

  it('sends a code, refuses a second one within a minute', async () => {
    expect((await requestCode('13900000001')).statusCode).toBe(202);
    const again = await requestCode('13900000001');
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(await lastCode('13900000001')).toMatch(/^\d{6}$/);
  });

  it('files with the right code once; a wrong code or a replay is refused', async () => {
    const phone = '13900000002';
    await requestCode(phone);
    const code = await lastCode(phone);
    const wrong = await file(phone, code === '000000' ? '000001' : '000000');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'OTP_INVALID' });
    const ok = await file(phone, code);
    expect(ok.statusCode, ok.body).toBe(201);
    const receipt = ok.json() as { trackingNo: string; statusPath: string };
    expect(receipt.statusPath).toBe(`/status?no=${receipt.trackingNo}`);
    expect((await file(phone, code)).json()).toMatchObject({ code: 'OTP_INVALID' });
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/appeal-status/${receipt.trackingNo}?last4=0002` });
    expect(status.json()).toMatchObject({ state: 'registered' });
    const stored = await t.database.handle.db.selectFrom('appeal').select(['description', 'phone_verified', 'channel']).where('tracking_no', '=', receipt.trackingNo).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ phone_verified: 1, channel: 'web' });
    expect(stored.description).toContain(HOSTILE.script);
  });

  it('a bad field keeps the code usable; five wrong tries or expiry end it', async () => {
    const phone = '13900000003';
    await requestCode(phone);
    const code = await lastCode(phone);
    const badTerritory = await file(phone, code, { territoryCode: '330199999999' });
    expect(badTerritory.statusCode).toBe(400);
    expect((await file(phone, code)).statusCode).toBe(201);

    const phone2 = '13900000004';
    await requestCode(phone2);
    const code2 = await lastCode(phone2);
    for (let i = 0; i < 5; i++) await file(phone2, code2 === '999999' ? '999998' : '999999');
    expect((await file(phone2, code2)).json()).toMatchObject({ code: 'OTP_INVALID' });

    const phone3 = '13900000005';
    await requestCode(phone3);
    await sql`update otp_challenge set expires_at = ${new Date(Date.now() - 1000).toISOString()} where phone = ${phone3}`.execute(t.database.handle.db);
    expect((await file(phone3, await lastCode(phone3))).json()).toMatchObject({ code: 'OTP_INVALID' });
  });

  it('limits filings per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/public/appeals', remoteAddress: '127.0.9.9', payload: { phone: '13900000099', code: '123456', categoryId, territoryCode: '330106002051', description: '测试频率限制的诉求' } })).statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 400)).toBe(true);
    expect(codes[30]).toBe(429);
  });

  it('refuses numbers that are not mobile numbers', async () => {
    for (const phone of ['12345', '23900000000', '1390000000x', "1' or '1'='1"]) expect((await requestCode(phone)).statusCode).toBe(400);
  });
});
