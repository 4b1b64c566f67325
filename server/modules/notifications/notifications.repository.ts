import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { Writes } from '../../infra/db/write-batch.js';
import type { NotificationTable, OutboxTable } from './notifications.table.js';

export async function insertNotifications(writes: Writes, rows: NotificationTable[]) {
  if (rows.length) await writes.insert('notification', rows);
}

export async function listNotifications(db: Kysely<DB>, accountId: string, unreadOnly: boolean, limit: number, offset: number) {
  let q = db.selectFrom('notification').where('account_id', '=', accountId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), unread: Number(unread.n) };
}

/** Marks the person's own notifications read (all of them when no id is given). */
export async function markNotificationsRead(db: Kysely<DB>, accountId: string, now: string, id?: string): Promise<number> {
  let q = db.updateTable('notification').set({ read_at: now }).where('account_id', '=', accountId).where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export async function insertOutbox(writes: Writes, rows: OutboxTable[]) {
  if (rows.length) await writes.insert('outbox', rows);
}

/** Claims one due message for `leaseMs` (compare-and-set), or returns undefined. */
export async function claimOutboxMessage(db: Kysely<DB>, now: string, leaseUntil: string): Promise<OutboxTable | undefined> {
  const candidates = await db
    .selectFrom('outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_attempt_at')
    .limit(5)
    .execute();
  for (const m of candidates) {
    const r = await db
      .updateTable('outbox')
      .set({ claimed_until: leaseUntil, attempts: sql<number>`attempts + 1` })
      .where('id', '=', m.id)
      .where('attempts', '=', m.attempts)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return { ...m, attempts: m.attempts + 1, claimed_until: leaseUntil };
  }
  return undefined;
}

export async function markOutboxSent(db: Kysely<DB>, id: string, now: string) {
  await db.updateTable('outbox').set({ sent_at: now, claimed_until: null }).where('id', '=', id).execute();
}

export async function markOutboxRetry(db: Kysely<DB>, id: string, error: string, nextAttemptAt: string, giveUp: string | null) {
  await db.updateTable('outbox').set({ last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt, claimed_until: null, failed_at: giveUp }).where('id', '=', id).execute();
}

export async function listOutbox(db: Kysely<DB>, limit = 100) {
  return db.selectFrom('outbox').selectAll().orderBy('created_at').limit(limit).execute();
}
