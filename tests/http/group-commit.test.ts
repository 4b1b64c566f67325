import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { openDatabase } from '../../server/infra/db/database.js';
import { GroupCommitter } from '../../server/infra/group-commit.js';
import { systemContext } from '../../server/infra/commands.js';
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

  it('a command failing after its own statements rolls back alone; the batch around it commits', async () => {
    const db = t.database.handle.db;
    const committer = new GroupCommitter(db, pino({ level: 'silent' }));
    const day = (i: number) => `2099-01-${String(i + 1).padStart(2, '0')}`;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        committer.submit(systemContext('test'), async (tx, audit, writes) => {
          await tx.insertInto('tracking_counter').values({ day: day(i), last: 7 }).execute();
          await writes.insert('tracking_counter', [{ day: `2098-01-${String(i + 1).padStart(2, '0')}`, last: 1 }]);
          audit.record({ action: 'test.batch', resourceType: 'test', resourceId: String(i) });
          if (i === 3) throw new Error('refused after writing');
          return i;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const days = (await db.selectFrom('tracking_counter').select('day').where('day', '>=', '2098').orderBy('day').execute()).map((r) => r.day);
    expect(days).toEqual([0, 1, 2, 4, 5].flatMap((i) => [`2098-01-0${i + 1}`]).concat([0, 1, 2, 4, 5].map((i) => day(i))));
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('two app instances on one database number concurrent intake uniquely and store every 201', async () => {
    // A second instance with its own connection (pool), as a second process would have.
    const handle = openDatabase(t.database.config, { poolSize: 5 });
    const second = await createApp({ ...t.config, database: t.database.config }, handle, pino({ level: 'silent' }));
    await second.ready();
    try {
      const before = await countAppeals(t.database.handle.db);
      const other = await login(second, 'dispatcher');
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (i % 2 ? second : t.app).inject({
            method: 'POST',
            url: '/api/v1/appeals',
            headers: as(i % 2 ? other : dispatcher),
            payload: { categoryId, territoryCode: '330106002051', description: `第${i}号：两个进程同时受理` },
          }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(60).fill(201));
      const numbers = results.map((r) => (r.json() as { trackingNo: string }).trackingNo);
      expect(new Set(numbers).size).toBe(60);
      expect(numbers.every((n) => /^\d{8}-\d{5}$/.test(n))).toBe(true);
      expect(await countAppeals(t.database.handle.db)).toBe(before + 60);
      expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
    } finally {
      await second.close();
      await handle.close();
    }
  });
});
