import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login } from '../support/http.js';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';

describe('sign-in, sessions and passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { MINHU_LOGIN_MAX_FAILURES: '3', MINHU_LOGIN_RATE_PER_MINUTE: '1000' } });
  });
  afterAll(async () => t?.close());

  it('sign-in attempts are rate-limited per address', async () => {
    const limited = await createTestApp({ env: { MINHU_LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('a wrong password gets a 401 problem in Chinese, or English when asked', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'member', password: 'nope' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', title: '用户名或密码错误', status: 401 });
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en' }, payload: { username: 'nobody', password: 'nope' } });
    expect(en.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', title: 'Wrong user name or password' });
  });

  it('the session cookie is HttpOnly and SameSite; the session tells roles and permissions', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'Staff', password: 'Minhu@2026' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'minhu_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json() as { account: { username: string }; permissions: string[]; grants: { role: string }[] };
    expect(body.account.username).toBe('staff');
    expect(body.grants.map((g) => g.role)).toEqual(['district_staff']);
    expect(body.permissions).toContain('audit:read');
    expect(body.permissions).not.toContain('accounts:manage');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dispatcher', password: 'wrong' } })).statusCode).toBe(401);
    }
    const third = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dispatcher', password: 'wrong' } });
    expect(third.statusCode).toBe(423);
    expect(third.headers['retry-after']).toBeDefined();
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dispatcher', password: 'Minhu@2026' } });
    expect(right.statusCode).toBe(423);
    expect(right.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=auth.locked', headers: as(await login(t.app, 'admin')) });
    expect((audit.json() as { page: { total: number } }).page.total).toBe(1);
  });

  it('simultaneous guesses share the limit: no more than the limit are ever checked', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'station', password: 'guess-Guess1' } })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(2);
    expect(codes.filter((c) => c === 423).length).toBeGreaterThanOrEqual(10);
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'station', password: 'Minhu@2026' } });
    expect(right.statusCode).toBe(423);
  });

  it('rejects NUL and control characters in the user name; other Authorization schemes are ignored', async () => {
    const nul = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'adm\u0000in', password: 'x' } });
    expect(nul.statusCode).toBe(400);
    const basic = await t.app.inject({ method: 'GET', url: '/api/v1/territories/330106', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.statusCode).toBe(200);
  });

  it('an admin reset unlocks with a temporary password that must be changed first', async () => {
    const admin = await login(t.app, 'admin');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/accounts?q=dispatcher', headers: as(admin) });
    const account = (list.json() as { items: { id: string; lockedUntil: string | null }[] }).items[0]!;
    expect(account.lockedUntil).not.toBeNull();
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/accounts/${account.id}/password-reset`, headers: as(admin) });
    const { temporaryPassword } = reset.json() as { temporaryPassword: string };
    const s = await login(t.app, 'dispatcher', temporaryPassword);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: as(s) });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: as(s), payload: { currentPassword: temporaryPassword, newPassword: 'dispatcher1' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect((weak.json() as { errors: { field: string }[] }).errors[0]?.field).toBe('newPassword');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: as(s), payload: { currentPassword: temporaryPassword, newPassword: 'Xihu#Hall-2026' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: as(s) })).statusCode).toBe(200);
  });

  it('cookie-authenticated writes need the CSRF header', async () => {
    const s = await login(t.app, 'admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: s.cookie }, payload: { name: '测试单位', kind: 'government' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CSRF_REJECTED' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload: { name: '测试单位', kind: 'government' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('idle sessions expire and sign-out ends the session', async () => {
    const s = await login(t.app, 'member');
    expect(((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: as(s) })).json() as { authenticated: boolean }).authenticated).toBe(true);
    await sql`update session set last_seen_at = ${new Date(Date.now() - 31 * 60_000).toISOString()}`.execute(t.database.handle.db);
    expect(((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: as(s) })).json() as { authenticated: boolean }).authenticated).toBe(false);
    const s2 = await login(t.app, 'member');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: as(s2) })).statusCode).toBe(204);
    expect(((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: as(s2) })).json() as { authenticated: boolean }).authenticated).toBe(false);
  });

  it('every change above is on a verifying audit chain', async () => {
    const report = await verifyAuditChain(t.database.handle.db);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(20);
  });
});
