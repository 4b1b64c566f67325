import type { Kysely } from 'kysely';
import type { Config } from '../../../config.js';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { beginSignInAttempt, completeSignIn, findAccountByUsername, lockAccount } from '../accounts.repository.js';
import { verifyPassword } from '../password.js';
import { newSecret, sha256 } from '../secrets.js';
import { deleteExpiredSessions, insertSession } from '../sessions.repository.js';

export type SignInOutcome =
  | { kind: 'ok'; accountId: string; token: string; csrfToken: string; expiresAt: string }
  | { kind: 'invalid' }
  | { kind: 'locked'; until: string };

/**
 * Checks a user name and password. The attempt is counted before the password is verified
 * (so parallel guesses share the limit), failures and lockouts are audited and committed
 * before the caller reports them, and success only lands on an unlocked, unchanged account.
 */
export async function signIn(
  db: Kysely<DB>,
  config: Config,
  ctx: CommandContext,
  input: { username: string; password: string; userAgent: string | null },
): Promise<SignInOutcome> {
  const username = input.username.toLowerCase();
  const label = username.slice(0, 64);
  const account = await findAccountByUsername(db, username);
  const now = new Date();
  const lockedFor = (until: string) =>
    runCommand(db, { ...ctx, actorLabel: label }, async (_tx, audit) => {
      audit.record({ action: 'auth.sign_in_refused', resourceType: 'account', resourceId: account?.id ?? null, after: { reason: 'locked' } });
      return { kind: 'locked' as const, until };
    });

  if (!account || account.status !== 'active') {
    await verifyPassword(input.password, null); // same work as a real check
    return runCommand(db, { ...ctx, actorLabel: label }, async (_tx, audit) => {
      audit.record({ action: 'auth.sign_in_failed', resourceType: 'account', resourceId: account?.id ?? null, after: { username: label } });
      return { kind: 'invalid' as const };
    });
  }

  const attempts = await beginSignInAttempt(db, account.id, config.loginMaxFailures, now.toISOString());
  if (attempts === null) {
    const fresh = await findAccountByUsername(db, username);
    const until =
      fresh?.locked_until && fresh.locked_until > now.toISOString()
        ? fresh.locked_until
        : new Date(now.getTime() + config.loginLockMinutes * 60_000).toISOString();
    if (!(fresh?.locked_until && fresh.locked_until > now.toISOString())) await lockAccount(db, account.id, until);
    return lockedFor(until);
  }

  const ok = await verifyPassword(input.password, account.password_hash);
  if (!ok) {
    return runCommand(db, { ...ctx, actorLabel: label }, async (tx, audit) => {
      if (attempts >= config.loginMaxFailures) {
        const until = new Date(now.getTime() + config.loginLockMinutes * 60_000).toISOString();
        await lockAccount(tx, account.id, until);
        audit.record({ action: 'auth.locked', resourceType: 'account', resourceId: account.id, after: { lockedUntil: until } });
        return { kind: 'locked' as const, until };
      }
      audit.record({ action: 'auth.sign_in_failed', resourceType: 'account', resourceId: account.id, after: { failedLogins: attempts } });
      return { kind: 'invalid' as const };
    });
  }

  return runCommand(db, { ...ctx, actorId: account.id, actorLabel: account.username }, async (tx, audit) => {
    if (!(await completeSignIn(tx, account.id, account.password_hash as string, new Date().toISOString()))) {
      audit.record({ action: 'auth.sign_in_refused', resourceType: 'account', resourceId: account.id, after: { reason: 'locked or changed' } });
      const current = await findAccountByUsername(tx, username);
      return current?.locked_until && current.locked_until > now.toISOString() ? { kind: 'locked' as const, until: current.locked_until } : { kind: 'invalid' as const };
    }
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
    audit.record({ action: 'auth.sign_in', resourceType: 'account', resourceId: account.id });
    return { kind: 'ok' as const, accountId: account.id, token, csrfToken, expiresAt };
  });
}
