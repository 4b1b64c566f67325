import type { Kysely } from 'kysely';
import type { Config } from '../../../config.js';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { findAccountByUsername, recordLoginFailure, updateAccount } from '../accounts.repository.js';
import { verifyPassword } from '../password.js';
import { newSecret, sha256 } from '../secrets.js';
import { deleteExpiredSessions, insertSession } from '../sessions.repository.js';

export type SignInOutcome =
  | { kind: 'ok'; accountId: string; token: string; csrfToken: string; expiresAt: string }
  | { kind: 'invalid' }
  | { kind: 'locked'; until: string };

/**
 * Checks a user name and password. Failures are counted and audited (and committed) before
 * the caller reports them; the limit locks the account for a while.
 */
export async function signIn(
  db: Kysely<DB>,
  config: Config,
  ctx: CommandContext,
  input: { username: string; password: string; userAgent: string | null },
): Promise<SignInOutcome> {
  const username = input.username.toLowerCase();
  const account = await findAccountByUsername(db, username);
  const now = new Date();
  if (account?.locked_until && account.locked_until > now.toISOString()) {
    return runCommand(db, { ...ctx, actorLabel: username }, async (_tx, audit) => {
      audit.record({ action: 'auth.sign_in_refused', resourceType: 'account', resourceId: account.id, after: { reason: 'locked' } });
      return { kind: 'locked', until: account.locked_until as string };
    });
  }
  const ok = await verifyPassword(input.password, account?.password_hash ?? null);
  if (!account || account.status !== 'active' || !ok) {
    return runCommand(db, { ...ctx, actorLabel: username.slice(0, 64) }, async (tx, audit) => {
      if (!account) {
        audit.record({ action: 'auth.sign_in_failed', resourceType: 'account', resourceId: null, after: { username: username.slice(0, 64) } });
        return { kind: 'invalid' };
      }
      const lockUntil = new Date(now.getTime() + config.loginLockMinutes * 60_000).toISOString();
      const state = await recordLoginFailure(tx, account.id, config.loginMaxFailures, lockUntil);
      const locked = state.locked_until === lockUntil;
      audit.record({
        action: locked ? 'auth.locked' : 'auth.sign_in_failed',
        resourceType: 'account',
        resourceId: account.id,
        after: locked ? { lockedUntil: lockUntil } : { failedLogins: state.failed_logins },
      });
      return locked ? { kind: 'locked', until: lockUntil } : { kind: 'invalid' };
    });
  }
  return runCommand(db, { ...ctx, actorId: account.id, actorLabel: account.username }, async (tx, audit) => {
    const token = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(now.getTime() + config.sessionMaxHours * 3_600_000).toISOString();
    await deleteExpiredSessions(tx, now.toISOString());
    await insertSession(tx, {
      id: sha256(token),
      account_id: account.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: ctx.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await updateAccount(tx, account.id, account.version, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString(), updated_at: account.updated_at });
    audit.record({ action: 'auth.sign_in', resourceType: 'account', resourceId: account.id });
    return { kind: 'ok', accountId: account.id, token, csrfToken, expiresAt };
  });
}
