import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../tests/support/db.js';
import { runCommand, systemContext } from '../commands.js';
import { GENESIS_HASH, listAuditEvents, verifyAuditChain } from './audit.repository.js';

describe.each(ENGINES)('audit chain on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t?.drop());

  const record = (i: number) =>
    runCommand(t.handle.db, { ...systemContext('test'), requestId: `r${i}` }, async (_tx, audit) => {
      audit.record({ action: 'test.touch', resourceType: 'thing', resourceId: String(i), before: { n: i }, after: { n: i + 1, text: '<script>x</script>𣵦' } });
    });

  it('links every event to the previous one and verifies', async () => {
    for (let i = 0; i < 5; i++) await record(i);
    const report = await verifyAuditChain(t.handle.db);
    expect(report).toEqual({ ok: true, checked: 5, lastSeq: 5 });
    const { rows } = await listAuditEvents(t.handle.db, {}, 10, 0);
    expect(rows[rows.length - 1]?.prev_hash).toBe(GENESIS_HASH);
    expect(JSON.parse(rows[0]?.after_json ?? '{}')).toEqual({ n: 5, text: '<script>x</script>𣵦' });
  });

  it('a command that fails writes neither its change nor its audit event', async () => {
    await expect(
      runCommand(t.handle.db, systemContext('test'), async (_tx, audit) => {
        audit.record({ action: 'test.fail', resourceType: 'thing', resourceId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await listAuditEvents(t.handle.db, { action: 'test.fail' }, 10, 0)).total).toBe(0);
  });

  it('concurrent commands all land, in one unbroken chain', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => record(100 + i)));
    const report = await verifyAuditChain(t.handle.db);
    expect(report).toEqual({ ok: true, checked: 25, lastSeq: 25 });
  });

  it('detects an edited event, a forged hash and a deleted event', async () => {
    const db = t.handle.db;
    await sql`update audit_event set after_json = ${'{"n":999}'} where seq = 3`.execute(db);
    expect((await verifyAuditChain(db)).broken).toEqual({ seq: 3, reason: 'hash' });
    // Recomputing the edited row's own hash still breaks the link to the next event.
    const { hashEvent } = await import('./audit.repository.js');
    const row = await db.selectFrom('audit_event').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    const { hash: _old, ...rest } = row;
    await sql`update audit_event set hash = ${hashEvent(rest)} where seq = 3`.execute(db);
    expect((await verifyAuditChain(db)).broken).toEqual({ seq: 4, reason: 'link' });
    await sql`delete from audit_event where seq = 2`.execute(db);
    expect((await verifyAuditChain(db)).broken).toEqual({ seq: 2, reason: 'gap' });
  });
});
