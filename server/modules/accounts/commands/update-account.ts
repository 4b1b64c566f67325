import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { forgetTokenActors } from '../authenticator.js';
import { AppError } from '../../../infra/http/errors.js';
import { findAccountById, updateAccount } from '../accounts.repository.js';
import { accountNotFound } from '../accounts.service.js';
import { generatePassword, hashPassword } from '../password.js';
import { deleteSessionsOf } from '../sessions.repository.js';

export interface AccountPatch {
  version: number;
  displayName?: string;
  phone?: string | null;
  status?: 'active' | 'disabled';
}

/** Edits an account; disabling it ends its sessions. */
export async function updateAccountDetails(db: Kysely<DB>, ctx: CommandContext, id: string, patch: AccountPatch) {
  await runCommand(db, ctx, async (tx, audit) => {
    const before = await findAccountById(tx, id);
    if (!before) throw accountNotFound(id);
    if (patch.status === 'disabled' && id === ctx.actorId)
      throw new AppError('FORBIDDEN', { zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
    const changes = {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
    };
    if (!(await updateAccount(tx, id, patch.version, { ...changes, updated_at: new Date().toISOString() }))) throw new AppError('VERSION_CONFLICT');
    if (patch.status === 'disabled') {
      await deleteSessionsOf(tx, id);
      forgetTokenActors();
    }
    audit.record({
      action: 'account.update',
      resourceType: 'account',
      resourceId: id,
      before: { displayName: before.display_name, phone: before.phone ? '(set)' : null, status: before.status },
      after: {
        displayName: patch.displayName ?? before.display_name,
        phone: (patch.phone !== undefined ? patch.phone : before.phone) ? '(set)' : null,
        status: patch.status ?? before.status,
      },
    });
  });
}

/** An administrator resets a password: a temporary one, shown once, to change at next sign-in. */
export async function resetPassword(db: Kysely<DB>, ctx: CommandContext, id: string): Promise<string> {
  const temporary = generatePassword();
  const hash = await hashPassword(temporary);
  await runCommand(db, ctx, async (tx, audit) => {
    const account = await findAccountById(tx, id);
    if (!account) throw accountNotFound(id);
    const now = new Date().toISOString();
    if (!(await updateAccount(tx, id, account.version, { password_hash: hash, must_change_password: 1, failed_logins: 0, locked_until: null, password_changed_at: now, updated_at: now })))
      throw new AppError('VERSION_CONFLICT');
    await deleteSessionsOf(tx, id);
    audit.record({ action: 'account.password_reset', resourceType: 'account', resourceId: id });
  });
  return temporary;
}
