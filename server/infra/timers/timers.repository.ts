import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../db/schema.js';
import type { Writes } from '../db/write-batch.js';

export interface NewTimer {
  kind: string;
  resourceId: string;
  dueAt: string;
  payload: Record<string, unknown>;
}

/** Schedules timers; the same (kind, resource, due time) twice is one timer. */
export async function scheduleTimers(writes: Writes, timers: NewTimer[]): Promise<void> {
  if (timers.length === 0) return;
  const now = new Date().toISOString();
  await writes.insert(
    'timer',
    timers.map((t) => ({ id: uuidv7(), kind: t.kind, resource_id: t.resourceId, due_at: t.dueAt, payload: JSON.stringify(t.payload), created_at: now, fired_at: null, outcome: null })),
    { ignoreConflictOn: ['kind', 'resource_id', 'due_at'] },
  );
}

export async function listDueTimers(db: Kysely<DB>, now: string, limit: number) {
  return db.selectFrom('timer').selectAll().where('fired_at', 'is', null).where('due_at', '<=', now).orderBy('due_at').limit(limit).execute();
}

/**
 * Marks a timer fired if nobody has: the compare-and-set that makes a timer fire once. On
 * PostgreSQL a second process blocks on the row until the first commits, then finds it fired.
 */
export async function markTimerFired(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const r = await db.updateTable('timer').set({ fired_at: now }).where('id', '=', id).where('fired_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setTimerOutcome(db: Kysely<DB>, id: string, outcome: string): Promise<void> {
  await db.updateTable('timer').set({ outcome }).where('id', '=', id).execute();
}

export async function listTimersFor(db: Kysely<DB>, resourceId: string) {
  return db.selectFrom('timer').selectAll().where('resource_id', '=', resourceId).orderBy('due_at').execute();
}
