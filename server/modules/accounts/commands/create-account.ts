import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { findAccountByUsername, insertAccount, insertGrant } from '../accounts.repository.js';
import { generatePassword, hashPassword, passwordProblems } from '../password.js';
import type { Role, ScopeType } from '../roles.js';
import { weakPassword } from './change-password.js';
import { checkScope } from './grant-role.js';

export interface NewAccount {
  username: string;
  displayName: string;
  phone?: string | null;
  /**
   * Omitted: a temporary password is generated and must be changed at first sign-in.
   * null: no password at all — the account cannot sign in until an administrator resets it
   * (people who are only named, such as the demo's members; it also skips the costly hash).
   */
  password?: string | null;
  grants?: { role: Role; scopeType: ScopeType; scopeId: string }[];
}

/** Creates an account with its role grants; returns the generated password, if any, once. */
export async function createAccount(db: Kysely<DB>, ctx: CommandContext, input: NewAccount, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const username = input.username.toLowerCase();
  const generated = input.password === undefined ? generatePassword() : null;
  const password = input.password === null ? null : (input.password ?? (generated as string));
  const problems = password === null ? [] : passwordProblems(password, username);
  if (problems.length) throw weakPassword(problems, lang);
  const hash = password === null ? null : await hashPassword(password);
  try {
    return await runCommand(db, ctx, async (tx, audit) => {
      if (await findAccountByUsername(tx, username))
        throw new AppError('ALREADY_EXISTS', { zh: `用户名 ${username} 已被使用`, en: `The user name ${username} is taken` });
      const now = new Date().toISOString();
      const id = uuidv7();
      await insertAccount(tx, {
        id,
        username,
        display_name: input.displayName,
        phone: input.phone ?? null,
        password_hash: hash,
        status: 'active',
        must_change_password: generated ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now,
        last_login_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      const grants = [];
      for (const g of input.grants ?? []) {
        const scopeId = await checkScope(tx, g.role, g.scopeType, g.scopeId);
        const grant = { id: uuidv7(), account_id: id, role: g.role, scope_type: g.scopeType, scope_id: scopeId, created_at: now };
        await insertGrant(tx, grant);
        grants.push({ role: g.role, scopeType: g.scopeType, scopeId });
      }
      audit.record({
        action: 'account.create',
        resourceType: 'account',
        resourceId: id,
        after: { username, displayName: input.displayName, phone: input.phone ? '(set)' : null, grants },
      });
      return { id, initialPassword: generated };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'account'))
      throw new AppError('ALREADY_EXISTS', { zh: `用户名 ${username} 已被使用`, en: `The user name ${username} is taken` });
    throw err;
  }
}
