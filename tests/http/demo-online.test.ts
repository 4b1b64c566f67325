import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOnlineConsultation } from '../../server/modules/demo/index.js';
import { OpinionMapWorker } from '../../server/modules/online-consultations/index.js';
import { ENGINES } from '../support/db.js';
import { createTestApp, type TestApp } from '../support/server.js';

describe.each(ENGINES)('the demo online consultation on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ engine });
  });
  afterAll(async () => t?.close());

  it('seeds statements and synthetic voters in camps once, and the worker draws groups from them', async () => {
    const report = await seedDemoOnlineConsultation(t.database.handle.db, pino({ level: 'silent' }));
    expect(report?.participants).toBe(62);
    expect(await seedDemoOnlineConsultation(t.database.handle.db, pino({ level: 'silent' }))).toBeNull();
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/public/online' })).json() as { items: { id: string; state: string; participants: number; statements: number }[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ state: 'open', participants: 62, statements: 12 });
    expect(await t.workers.opinionMaps.runOnce()).toBe(1);
    const map = (await t.app.inject({ method: 'GET', url: `/api/v1/public/online/${list.items[0]!.id}/map` })).json() as { version: number; groups: { size: number; representative: unknown[] }[]; consensus: { agree: unknown[] } };
    expect(map.version).toBe(1);
    expect(map.groups.length).toBeGreaterThanOrEqual(2);
    for (const g of map.groups) expect(g.representative.length).toBeGreaterThan(0);

    // Reading the votes seven at a time builds the same matrix, hence the same map.
    const db = t.database.handle.db;
    const first = await db.selectFrom('online_map').select('map_json').executeTakeFirstOrThrow();
    await db.updateTable('online_map_job').set((eb) => ({ changes: eb('changes', '+', 1), started_at: null })).execute();
    const paged = new OpinionMapWorker(db, pino({ level: 'silent' }), { pageSize: 7 });
    expect(await paged.recompute(list.items[0]!.id)).toBe(true);
    const second = await db.selectFrom('online_map').select(['map_json', 'version']).executeTakeFirstOrThrow();
    expect(second.version).toBe(2);
    expect(JSON.parse(second.map_json)).toEqual(JSON.parse(first.map_json));
  });
});
