import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefersTraditional } from '../../server/infra/text/hant.js';
import { as, login } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

describe('problem+json in Traditional Chinese', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { MINHU_LOGIN_RATE_PER_MINUTE: '1000' } });
  });
  afterAll(async () => t?.close());

  it('reads zh-TW, zh-HK, zh-MO and zh-Hant as Traditional; zh-CN, zh and en are not', () => {
    for (const h of ['zh-TW', 'zh-tw,zh;q=0.9', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW,en;q=0.5']) expect(prefersTraditional(h), h).toBe(true);
    for (const h of [undefined, '', 'zh-CN', 'zh', 'zh-Hans', 'en-US,zh-TW;q=0.8']) expect(prefersTraditional(h), String(h)).toBe(false);
  });

  it('titles and details follow the request: Simplified by default, Traditional for zh-TW and zh-HK', async () => {
    const payload = { username: 'nobody', password: 'nope' };
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
    expect(zh.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', title: '用户名或密码错误' });
    for (const lang of ['zh-TW', 'zh-HK,zh;q=0.8', 'zh-Hant']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': lang }, payload });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json(), lang).toMatchObject({ code: 'INVALID_CREDENTIALS', title: '使用者名稱或密碼錯誤' });
    }
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route', headers: { 'accept-language': 'zh-TW' } });
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', title: '介面不存在' });
  });

  it('field messages are converted too, placeholders and numbers intact', async () => {
    const admin = await login(t.app, 'admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { ...as(admin), 'accept-language': 'zh-TW' }, payload: { name: '单'.repeat(101), kind: 'government' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', title: '提交的內容有誤，請檢查標出的欄位', errors: [{ field: 'name', message: '不能超過 100 個字元' }] });
  });
});
