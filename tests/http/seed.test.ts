import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/server.js';
import { seed } from '../../server/modules/demo/index.js';
import { loadConfig } from '../../server/config.js';

describe('start-up data without demo accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'none' });
  });
  afterAll(async () => t?.close());

  it('creates one administrator whose generated password must be changed, and nothing twice', async () => {
    const accounts = await t.database.handle.db.selectFrom('account').select(['username', 'must_change_password']).execute();
    expect(accounts).toEqual([{ username: 'admin', must_change_password: 1 }]);
    const again = await seed(t.database.handle.db, 'none');
    expect(again.generatedAdmin).toBeUndefined();
    expect(again.territoriesImported).toBe(0);
    const demo = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Minhu@2026' } });
    expect(demo.statusCode).toBe(401);
  });

  it('production never defaults to demo accounts', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seed).toBe('none');
    expect(loadConfig({}).seed).toBe('demo');
  });
});
