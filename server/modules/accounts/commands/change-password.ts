import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { findAccountById, updateAccount } from '../accounts.repository.js';
import { hashPassword, passwordProblems, verifyPassword } from '../password.js';
import { deleteSessionsOf } from '../sessions.repository.js';

export function weakPassword(problems: { zh: string; en: string }[], lang: 'zh-CN' | 'en' = 'zh-CN') {
  return new AppError(
    'WEAK_PASSWORD',
    { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') },
    { errors: problems.map((p) => ({ field: 'newPassword', message: lang === 'en' ? p.en : p.zh })) },
  );
}

/** A signed-in person changes their own password; their other sessions end. */
export async function changePassword(
  db: Kysely<DB>,
  ctx: CommandContext,
  input: { accountId: string; sessionId?: string; currentPassword: string; newPassword: string; lang: 'zh-CN' | 'en' },
): Promise<void> {
  const account = await findAccountById(db, input.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(input.currentPassword, account.password_hash)))
    throw new AppError('INVALID_CREDENTIALS', { zh: '当前密码不正确', en: 'The current password is wrong' });
  const problems = passwordProblems(input.newPassword, account.username);
  if (input.newPassword === input.currentPassword) problems.push({ zh: '新密码不能与当前密码相同', en: 'must differ from the current password' });
  if (problems.length) throw weakPassword(problems, input.lang);
  const hash = await hashPassword(input.newPassword);
  await runCommand(db, ctx, async (tx, audit) => {
    const now = new Date().toISOString();
    const ok = await updateAccount(tx, account.id, account.version, {
      password_hash: hash,
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    await deleteSessionsOf(tx, account.id, input.sessionId);
    audit.record({ action: 'account.password_changed', resourceType: 'account', resourceId: account.id });
  });
}
