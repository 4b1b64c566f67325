import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AuditEventTable } from './audit.table.js';
import { immediateWrites } from '../db/write-batch.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What a command records about one change. */
export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who caused a change and through which request. */
export interface CommandContext {
  actorId: string | null;
  actorLabel: string;
  requestId: string | null;
  ip: string | null;
}

/** The hash of one event: it covers every stored column and the previous event's hash. */
export function hashEvent(e: Omit<AuditEventTable, 'hash'>): string {
  const material = JSON.stringify([
    e.prev_hash,
    e.seq,
    e.occurred_at,
    e.actor_id,
    e.actor_label,
    e.action,
    e.resource_type,
    e.resource_id,
    e.before_json,
    e.after_json,
    e.request_id,
    e.ip,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/**
 * Appends events to the chain inside the caller's transaction. It first advances the head row
 * by one atomic update, which on PostgreSQL holds that row until commit: concurrent commands
 * queue here (only for the end of their transaction) instead of racing for sequence numbers.
 */
export async function appendAuditEvents(tx: Kysely<DB>, ctx: CommandContext, entries: AuditEntry[]): Promise<void> {
  await appendAuditBatch(tx, [{ ctx, entries }]);
}

/** Appends the events of several commands (a group-commit batch) with one head update and one insert. */
export async function appendAuditBatch(tx: Kysely<DB>, groups: { ctx: CommandContext; entries: AuditEntry[] }[]): Promise<void> {
  const count = groups.reduce((n, g) => n + g.entries.length, 0);
  if (count === 0) return;
  const head = await tx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', count) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  let seq = Number(head.seq) - count;
  let prev = head.hash;
  const now = new Date().toISOString();
  const rows: AuditEventTable[] = [];
  for (const { ctx, entries } of groups) {
    for (const entry of entries) {
      seq += 1;
      const row: Omit<AuditEventTable, 'hash'> = {
        seq,
        occurred_at: now,
        actor_id: ctx.actorId,
        actor_label: ctx.actorLabel,
        action: entry.action,
        resource_type: entry.resourceType,
        resource_id: entry.resourceId,
        before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
        after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
        request_id: ctx.requestId,
        ip: ctx.ip,
        prev_hash: prev,
      };
      const hash = hashEvent(row);
      rows.push({ ...row, hash });
      prev = hash;
    }
  }
  await immediateWrites(tx).insert('audit_event', rows);
  await tx.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  lastSeq: number;
  /** The first event that does not verify, and why. */
  broken?: { seq: number; reason: 'hash' | 'link' | 'gap' | 'head' };
}

/** Walks the whole chain in sequence order and recomputes every hash. */
export async function verifyAuditChain(db: Kysely<DB>, batch = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, lastSeq: expectedSeq - 1, broken: { seq: expectedSeq, reason: 'gap' } };
      if (row.prev_hash !== prev) return { ok: false, checked, lastSeq: row.seq, broken: { seq: row.seq, reason: 'link' } };
      const { hash, ...rest } = row;
      if (hashEvent(rest) !== hash) return { ok: false, checked, lastSeq: row.seq, broken: { seq: row.seq, reason: 'hash' } };
      prev = hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  // The head row must point at the last event: events cut off the end show up here.
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prev))
    return { ok: false, checked, lastSeq: expectedSeq - 1, broken: { seq: expectedSeq, reason: 'head' } };
  return { ok: true, checked, lastSeq: expectedSeq - 1 };
}

export interface AuditFilter {
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  action?: string;
}

/** Newest first, paginated. */
export async function listAuditEvents(db: Kysely<DB>, f: AuditFilter, limit: number, offset: number) {
  let q = db.selectFrom('audit_event');
  if (f.resourceType) q = q.where('resource_type', '=', f.resourceType);
  if (f.resourceId) q = q.where('resource_id', '=', f.resourceId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
