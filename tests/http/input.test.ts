import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db.js';
import { HOSTILE, HOSTILE_NAME, HOSTILE_UNIT } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';
import { countAccounts } from '../../server/modules/accounts/index.js';

describe.each(ENGINES)('bad and hostile input on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ engine });
    admin = await login(t.app, 'admin');
  });
  afterAll(async () => t?.close());

  it('stores markup, placeholders and 4-byte names verbatim', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: as(admin),
      payload: { username: 'hostile', displayName: HOSTILE_NAME, phone: '13812341234', grants: [{ role: 'member', scopeType: 'district' }] },
    });
    expect(res.statusCode).toBe(201);
    const { account, initialPassword } = res.json() as { account: { id: string; displayName: string; phone: string }; initialPassword: string };
    expect(account.displayName).toBe(HOSTILE_NAME);
    expect(account.phone).toBe('13812341234');
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    const unit = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: as(admin), payload: { name: HOSTILE_UNIT, kind: 'non_government', address: `${HOSTILE.img} 文三路 𣵦 号` } });
    expect(unit.statusCode).toBe(201);
    expect((unit.json() as { name: string }).name).toBe(HOSTILE_UNIT);
    const again = await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${account.id}`, headers: as(admin) });
    expect((again.json() as { displayName: string }).displayName).toBe(HOSTILE_NAME);
  });

  it('normalises: trims and composes to NFC', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: as(admin),
      payload: { name: '  Cafe\u0301 服务中心  ', kind: 'non_government' },
    });
    expect(res.statusCode).toBe(201);
    expect((res.json() as { name: string }).name).toBe('Café 服务中心');
  });

  it('names the field that is too long, counting 𣵦 as one character', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: as(admin), payload: { name: '𣵦'.repeat(100), kind: 'government' } });
    expect(ok.statusCode).toBe(201);
    const long = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: as(admin), payload: { name: '单'.repeat(101), kind: 'government' } });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'name', message: '不能超过 100 个字符' }] });
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { ...as(admin), 'accept-language': 'en' }, payload: { name: '', kind: 'ministry' } });
    const fields = (en.json() as { errors: { field: string; message: string }[] }).errors;
    expect(fields.map((f) => f.field).sort()).toEqual(['kind', 'name']);
    expect(fields.find((f) => f.field === 'kind')?.message).toContain('government');
  });

  it('refuses control characters, unknown fields, bad codes and bad enums', async () => {
    const cases = [
      { name: '单位\u0000名', kind: 'government' },
      { name: '单位\u202E名', kind: 'government' },
      { name: '单位', kind: 'government', admin: true },
      { name: '单位', kind: 'government', territoryCode: "330106' or '1'='1" },
    ];
    for (const payload of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: as(admin), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const unknownTerritory = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: as(admin), payload: { name: '某单位', kind: 'government', territoryCode: '330199' } });
    expect(unknownTerritory.statusCode).toBe(404);
  });

  it('nothing is half-written: a failing grant leaves no account behind', async () => {
    const before = await countAccounts(t.database.handle.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: as(admin),
      payload: { username: 'halfway', displayName: '半途', grants: [{ role: 'town_official', scopeType: 'territory', scopeId: '330199999' }] },
    });
    expect(res.statusCode).toBe(404);
    expect(await countAccounts(t.database.handle.db)).toBe(before);
  });

  it('malformed JSON, wrong content type and oversize bodies get problem answers', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'MALFORMED_REQUEST' });
    const type = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<x/>' });
    expect(type.statusCode).toBe(415);
    const big = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('SQL-injection strings in filters are plain text', async () => {
    for (const q of ["' OR '1'='1", '%', '_', "西湖'; drop table territory; --"]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/territories?q=${encodeURIComponent(q)}` });
      expect(res.statusCode).toBe(200);
      expect((res.json() as { page: { total: number } }).page.total).toBe(0);
    }
    const still = await t.app.inject({ method: 'GET', url: '/api/v1/territories/330106/children' });
    expect((still.json() as { page: { total: number } }).page.total).toBe(12);
  });

  it('unknown API routes are problem+json 404s; unknown codes are NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    const code = await t.app.inject({ method: 'GET', url: '/api/v1/territories/330199' });
    expect(code.json()).toMatchObject({ code: 'NOT_FOUND', detail: '没有代码为 330199 的行政区划' });
    const traversal = await t.app.inject({ method: 'GET', url: '/api/v1/territories/..%2F..%2Fetc%2Fpasswd' });
    expect(traversal.statusCode).toBe(400);
  });

  it('version conflicts are detected, not overwritten', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/units?q=城市管理', headers: as(admin) });
    const unit = (list.json() as { items: { id: string; version: number }[] }).items[0]!;
    const first = await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${unit.id}`, headers: as(admin), payload: { version: unit.version, phone: '0571-12345' } });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${unit.id}`, headers: as(admin), payload: { version: unit.version, phone: '0571-99999' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
  });
});
