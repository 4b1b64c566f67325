import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { AccountTable, RoleGrantTable } from './accounts.table.js';
import type { Role, ScopeType } from './roles.js';

export type AccountRow = AccountTable;
export type GrantRow = RoleGrantTable;

export async function findAccountById(db: Kysely<DB>, id: string) {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertAccount(db: Kysely<DB>, row: AccountTable) {
  await db.insertInto('account').values(row).execute();
}

/** Compare-and-set on (id, version); returns false when someone else changed the row first. */
export async function updateAccount(
  db: Kysely<DB>,
  id: string,
  version: number,
  patch: Partial<Omit<AccountTable, 'id' | 'version' | 'created_at'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('account')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Counts a sign-in attempt before the password is checked, unless the account is locked or
 * already has `max` attempts in flight: simultaneous guesses cannot outrun the lockout.
 * Returns the new attempt count, or null when the attempt is refused.
 */
export async function beginSignInAttempt(db: Kysely<DB>, id: string, max: number, now: string): Promise<number | null> {
  const row = await db
    .updateTable('account')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .where('failed_logins', '<', max)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('failed_logins')
    .executeTakeFirst();
  return row ? Number(row.failed_logins) : null;
}

/** Locks the account until the given time and clears the attempt count. */
export async function lockAccount(db: Kysely<DB>, id: string, until: string): Promise<void> {
  await db.updateTable('account').set({ failed_logins: 0, locked_until: until }).where('id', '=', id).execute();
}

/**
 * Ends a successful attempt, only if the account is still unlocked and its password is the
 * one just verified (an administrator may have reset it meanwhile). Not a version change.
 */
export async function completeSignIn(db: Kysely<DB>, id: string, passwordHash: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('account')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('id', '=', id)
    .where('password_hash', '=', passwordHash)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface AccountSearch {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
}

export async function searchAccounts(db: Kysely<DB>, s: AccountSearch, limit: number, offset: number) {
  let q = db.selectFrom('account');
  if (s.q) {
    const like = `%${s.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`lower(username) like ${like} escape '\\'`, sql<boolean>`lower(display_name) like ${like} escape '\\'`]));
  }
  if (s.status) q = q.where('status', '=', s.status);
  if (s.role) {
    const role = s.role;
    q = q.where((eb) => eb.exists(eb.selectFrom('role_grant').select('role_grant.id').whereRef('role_grant.account_id', '=', 'account.id').where('role_grant.role', '=', role)));
  }
  const [rows, total] = await Promise.all([
    q.selectAll('account').orderBy('username').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countAccounts(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listGrants(db: Kysely<DB>, accountIds: string[]): Promise<GrantRow[]> {
  if (accountIds.length === 0) return [];
  return db.selectFrom('role_grant').selectAll().where('account_id', 'in', accountIds).orderBy('created_at').execute();
}

export async function findGrant(db: Kysely<DB>, id: string) {
  return db.selectFrom('role_grant').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGrant(db: Kysely<DB>, row: GrantRow) {
  await db.insertInto('role_grant').values(row).execute();
}

export async function deleteGrant(db: Kysely<DB>, id: string) {
  await db.deleteFrom('role_grant').where('id', '=', id).execute();
}

/** Active accounts holding a role, optionally only those whose grant has this scope. */
export async function listAccountIdsWithRole(db: Kysely<DB>, role: Role, scope?: { type: ScopeType; ids: string[] }): Promise<string[]> {
  let q = db
    .selectFrom('role_grant')
    .innerJoin('account', 'account.id', 'role_grant.account_id')
    .select('account.id')
    .where('role_grant.role', '=', role)
    .where('account.status', '=', 'active');
  if (scope) q = q.where('role_grant.scope_type', '=', scope.type).where('role_grant.scope_id', 'in', scope.ids.length ? scope.ids : ['']);
  return [...new Set((await q.execute()).map((r) => r.id))];
}
