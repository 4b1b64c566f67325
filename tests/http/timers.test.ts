import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkers } from '../../server/app.js';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { openDatabase, type DatabaseHandle } from '../../server/infra/db/database.js';
import { listOutbox } from '../../server/modules/notifications/index.js';
import { ENGINES } from '../support/db.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';

describe.each(ENGINES)('timers, inbox and outbox on %s', (engine) => {
  let t: TestApp;
  let second: DatabaseHandle;
  let dispatcher: Session;
  let clerk: Session;
  let categoryId: string;
  let unitId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ engine });
    // A second app instance: its own pool on PostgreSQL. SQLite deployments run one process,
    // so there the second runner shares the connection and races inside the process.
    second = engine === 'postgres' ? openDatabase(t.database.config, { poolSize: 5 }) : t.database.handle;
    dispatcher = await login(t.app, 'dispatcher');
    clerk = await login(t.app, 'clerk');
    categoryId = ((await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] }).items.find((c) => c.code === 'city.appearance')!.id;
    const admin = await login(t.app, 'admin');
    unitId = ((await t.app.inject({ method: 'GET', url: '/api/v1/units?q=城市管理', headers: as(admin) })).json() as { items: { id: string }[] }).items[0]!.id;
    for (let i = 0; i < 6; i++) {
      const a = (await t.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: as(dispatcher), payload: { categoryId, territoryCode: '330106002051', description: `垃圾桶满溢第${i}处`, residentPhone: '13900001111' } })).json() as { id: string; version: number };
      const d = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${a.id}/actions`, headers: as(dispatcher), payload: { action: 'dispatch', version: a.version, leadUnitId: unitId } });
      expect(d.statusCode).toBe(200);
      ids.push(a.id);
    }
  });
  afterAll(async () => {
    if (second && second !== t?.database.handle) await second.close();
    await t?.close();
  });

  it('the unit is told in its inbox and the resident by SMS (log adapter)', async () => {
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/v1/inbox?unread=true', headers: as(clerk) })).json() as { unread: number; items: { kind: string }[] };
    expect(inbox.unread).toBe(6);
    expect(inbox.items.every((n) => n.kind === 'appeal.dispatch')).toBe(true);
    const sent = await t.workers.outbox.runOnce();
    expect(sent).toBe(12); // registered + dispatched, for each of 6 appeals
    expect((await listOutbox(t.database.handle.db)).every((m) => m.sent_at)).toBe(true);
    expect(await t.workers.outbox.runOnce()).toBe(0);
    const read = await t.app.inject({ method: 'POST', url: '/api/v1/inbox/read', headers: as(clerk), payload: {} });
    expect(read.json()).toEqual({ marked: 6 });
  });

  it('two instances firing the same due timers fire each exactly once', async () => {
    const logger = pino({ level: 'silent' });
    const a = createWorkers(t.database.handle, logger);
    const b = createWorkers(second, logger);
    const later = new Date(Date.now() + 30 * 86_400_000);
    const due = await t.database.handle.db.selectFrom('timer').select((eb) => eb.fn.countAll<number>().as('n')).where('due_at', '<=', later.toISOString()).where('fired_at', 'is', null).executeTakeFirstOrThrow();
    const [fa, fb] = await Promise.all([a.timers.runOnce(later), b.timers.runOnce(later)]);
    expect(fa + fb).toBe(Number(due.n));
    expect(fa + fb).toBeGreaterThan(0);
    expect(await a.timers.runOnce(later)).toBe(0);
    const overdue = await sql<{ n: number }>`select count(*) as n from appeal_event where action = 'overdue'`.execute(t.database.handle.db);
    expect(Number(overdue.rows[0]!.n)).toBe(6);
    const escalations = await sql<{ n: number }>`select count(*) as n from audit_event where action = 'appeal.escalate'`.execute(t.database.handle.db);
    expect(Number(escalations.rows[0]!.n)).toBe(6);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${ids[0]}`, headers: as(dispatcher) })).json() as { supervised: boolean; timeline: { action: string }[] };
    expect(detail.supervised).toBe(true);
    expect(detail.timeline.map((e) => e.action)).toEqual(['register', 'dispatch', 'overdue', 'escalate']);
    expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
  });

  it('a timer set for a step the appeal has left does nothing', async () => {
    const fresh = (await t.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: as(dispatcher), payload: { categoryId, territoryCode: '330106002051', description: '路面坑洼需要修补' } })).json() as { id: string; version: number };
    await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${fresh.id}/actions`, headers: as(dispatcher), payload: { action: 'answer_directly', version: fresh.version, text: '已列入本月修补计划' } });
    await t.workers.timers.runOnce(new Date(Date.now() + 60 * 86_400_000));
    const outcomes = await t.database.handle.db.selectFrom('timer').select(['kind', 'outcome', 'payload']).where('resource_id', '=', fresh.id).execute();
    const registeredStage = outcomes.filter((o) => (JSON.parse(o.payload) as { state: string }).state === 'registered');
    expect(registeredStage.map((o) => o.outcome)).toEqual(['stale', 'stale', 'stale']);
  });
});
