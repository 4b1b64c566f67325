import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../tests/support/db.js';
import { precompiled } from './precompiled.js';

const counterOf = precompiled(['day', 'min'], (db, p) => db.selectFrom('tracking_counter').selectAll().where('day', '=', p.day).where('last', '>=', p.min as unknown as number));

describe.each(ENGINES)('precompiled queries on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await t.handle.db.insertInto('tracking_counter').values([{ day: '2026-10-01', last: 5 }, { day: '2026-10-02', last: 9 }]).execute();
  });
  afterAll(async () => t?.drop());

  it('binds new values on every run, outside and inside a transaction', async () => {
    expect((await counterOf(t.handle.db, { day: '2026-10-01', min: 1 })).map((r) => Number(r.last))).toEqual([5]);
    expect((await counterOf(t.handle.db, { day: '2026-10-02', min: 1 })).map((r) => Number(r.last))).toEqual([9]);
    expect(await counterOf(t.handle.db, { day: '2026-10-02', min: 10 })).toEqual([]);
    expect(await counterOf(t.handle.db, { day: "2026-10-01' or '1'='1", min: 0 })).toEqual([]);
    await t.handle.db.transaction().execute(async (tx) => {
      await tx.updateTable('tracking_counter').set({ last: 6 }).where('day', '=', '2026-10-01').execute();
      expect((await counterOf(tx, { day: '2026-10-01', min: 0 })).map((r) => Number(r.last))).toEqual([6]);
    });
  });

  it('refuses a query that does not bind a declared parameter', async () => {
    const broken = precompiled(['day'], (db) => db.selectFrom('tracking_counter').selectAll().where('day', '=', 'fixed'));
    await expect(broken(t.handle.db, { day: 'x' })).rejects.toThrow(/does not bind day/);
  });
});
