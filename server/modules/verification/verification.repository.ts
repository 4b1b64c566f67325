import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { OtpChallengeTable } from './verification.table.js';

export async function insertChallenge(db: Kysely<DB>, row: OtpChallengeTable) {
  await db.insertInto('otp_challenge').values(row).execute();
}

/** How many codes a phone was sent since a time, and when the latest was. */
export async function recentChallenges(db: Kysely<DB>, phone: string, since: string) {
  const rows = await db.selectFrom('otp_challenge').select('created_at').where('phone', '=', phone).where('created_at', '>=', since).orderBy('created_at', 'desc').execute();
  return { count: rows.length, latest: rows[0]?.created_at ?? null };
}

/** How many codes an address asked for since a time (every phone counted). */
export async function challengesFromAddress(db: Kysely<DB>, ip: string, since: string): Promise<number> {
  const row = await db.selectFrom('otp_challenge').select((eb) => eb.fn.countAll<number | string>().as('n')).where('ip', '=', ip).where('created_at', '>=', since).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function latestOpenChallenge(db: Kysely<DB>, phone: string, purpose: OtpChallengeTable['purpose']) {
  return db
    .selectFrom('otp_challenge')
    .selectAll()
    .where('phone', '=', phone)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countFailedAttempt(db: Kysely<DB>, id: string) {
  await db.updateTable('otp_challenge').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
}

/** Uses a code up: compare-and-set, so a replayed or raced code succeeds once. */
export async function consumeChallenge(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const r = await db.updateTable('otp_challenge').set({ consumed_at: now }).where('id', '=', id).where('consumed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes a transaction-scoped lock on a phone's code requests (PostgreSQL; SQLite has one writer
 * already): parallel requests for one phone queue here and each then sees the codes committed
 * before it, while requests for other phones never wait on each other.
 */
export async function lockPhoneRequests(tx: Kysely<DB>, phone: string): Promise<void> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(hashtext(${`otp:${phone}`}))`.execute(tx);
}
