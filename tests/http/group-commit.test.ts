import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { countAppeals } from '../../server/modules/appeals/index.js';
import { ENGINES } from '../support/db.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';

describe.each(ENGINES)('intake under concurrency (group commit) on %s', (engine) => {
  let t: TestApp;
  let dispatcher: Session;
  let categoryId: string;
  beforeAll(async () => {
    t = await createTestApp({ engine });
    dispatcher = await login(t.app, 'dispatcher');
    categoryId = ((await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] }).items.find((c) => c.code === 'city.appearance')!.id;
  });
  afterAll(async () => t?.close());

  it('a failing request in a shared batch rolls back alone; every 201 is stored, once', async () => {
    const before = await countAppeals(t.database.handle.db);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/appeals',
          headers: as(dispatcher),
          payload: { categoryId, territoryCode: i % 5 === 0 ? '330106099999' : '330106002051', description: `第${i}号：街边垃圾未清理` },
        }),
      ),
    );
    const created = results.filter((r) => r.statusCode === 201).map((r) => (r.json() as { trackingNo: string }).trackingNo);
    expect(results.filter((r) => r.statusCode === 400)).toHaveLength(8);
    expect(created).toHaveLength(32);
    expect(new Set(created).size).toBe(32);
    expect(await countAppeals(t.database.handle.db)).toBe(before + 32);
    const report = await verifyAuditChain(t.database.handle.db);
    expect(report.ok).toBe(true);
    const audited = await t.database.handle.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'appeal.register').executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(32);
  });
});
