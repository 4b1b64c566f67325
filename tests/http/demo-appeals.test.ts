import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAppeals } from '../../server/modules/demo/index.js';
import { ENGINES } from '../support/db.js';
import { as, login } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

describe.each(ENGINES)('the demo server’s appeals on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ engine });
  });
  afterAll(async () => t?.close());

  it('give candidate topics something to group, once', async () => {
    expect(await seedDemoAppeals(t.database.handle.db)).toBe(9);
    expect(await seedDemoAppeals(t.database.handle.db)).toBe(0);
    const town = await login(t.app, 'town');
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/topics/candidates?from=${day}&to=${day}&territoryCode=330106002`, headers: as(town) });
    expect(r.statusCode).toBe(200);
    expect((r.json() as { clusters: { size: number }[] }).clusters.map((c) => c.size)).toEqual([5, 3]);
  });
});
