import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { ApiTokenTable, SessionTable } from './accounts.table.js';

export async function insertSession(db: Kysely<DB>, row: SessionTable) {
  await db.insertInto('session').values(row).execute();
}

export async function findSession(db: Kysely<DB>, id: string) {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, id: string, now: string) {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string) {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Ends every session of an account except, optionally, one. */
export async function deleteSessionsOf(db: Kysely<DB>, accountId: string, except?: string) {
  let q = db.deleteFrom('session').where('account_id', '=', accountId);
  if (except) q = q.where('id', '<>', except);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: string) {
  await db.deleteFrom('session').where('expires_at', '<', now).execute();
}

export async function insertApiToken(db: Kysely<DB>, row: ApiTokenTable) {
  await db.insertInto('api_token').values(row).execute();
}

export async function findApiTokenByHash(db: Kysely<DB>, hash: string) {
  return db.selectFrom('api_token').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function findApiToken(db: Kysely<DB>, id: string) {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listApiTokens(db: Kysely<DB>, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('api_token')
      .innerJoin('account', 'account.id', 'api_token.account_id')
      .selectAll('api_token')
      .select(['account.username as account_username'])
      .orderBy('api_token.created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db.selectFrom('api_token').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function markApiTokenUsed(db: Kysely<DB>, id: string, now: string) {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeApiTokenRow(db: Kysely<DB>, id: string, now: string) {
  await db.updateTable('api_token').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
