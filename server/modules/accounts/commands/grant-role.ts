import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { forgetTokenActors } from '../authenticator.js';
import { AppError } from '../../../infra/http/errors.js';
import { getTerritory } from '../../territories/index.js';
import { deleteGrant, findAccountById, findGrant, insertGrant } from '../accounts.repository.js';
import { ROLE_SCOPES, type Role, type ScopeType } from '../roles.js';
import { accountNotFound } from '../accounts.service.js';
import { findUnit } from '../units.repository.js';

const badScope = (zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', { zh, en }, { errors: [{ field: 'scopeId', message: zh }] });

/**
 * A role is granted only with a scope it can have, pointing at something that exists.
 * Returns the scope id to store (a territory's short code, however it was typed).
 */
export async function checkScope(db: Kysely<DB>, role: Role, scopeType: ScopeType, scopeId: string): Promise<string> {
  if (!ROLE_SCOPES[role].includes(scopeType))
    throw new AppError('VALIDATION_FAILED', undefined, {
      errors: [{ field: 'scopeType', message: `${role}: ${ROLE_SCOPES[role].join(' / ')}` }],
    });
  if (scopeType === 'district' && scopeId !== '') throw badScope('全区范围不需要范围编号', 'a district-wide grant takes no scope id');
  if (scopeType === 'territory') return (await getTerritory(db, scopeId)).code;
  if (scopeType === 'unit' && !(await findUnit(db, scopeId))) throw badScope('承办单位不存在', 'no such unit');
  if (scopeType === 'venue' && !/^[\w-]{1,64}$/.test(scopeId)) throw badScope('场所编号无效', 'invalid venue id');
  return scopeId;
}

export async function grantRole(
  db: Kysely<DB>,
  ctx: CommandContext,
  accountId: string,
  g: { role: Role; scopeType: ScopeType; scopeId: string },
): Promise<void> {
  try {
    await runCommand(db, ctx, async (tx, audit) => {
      if (!(await findAccountById(tx, accountId))) throw accountNotFound(accountId);
      const scopeId = await checkScope(tx, g.role, g.scopeType, g.scopeId);
      const id = uuidv7();
      await insertGrant(tx, { id, account_id: accountId, role: g.role, scope_type: g.scopeType, scope_id: scopeId, created_at: new Date().toISOString() });
      audit.record({ action: 'account.grant_role', resourceType: 'account', resourceId: accountId, after: { grantId: id, ...g, scopeId } });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'role_grant')) throw new AppError('ALREADY_EXISTS', { zh: '该角色已授予', en: 'This role is already granted' });
    throw err;
  }
}

export async function revokeRole(db: Kysely<DB>, ctx: CommandContext, accountId: string, grantId: string): Promise<void> {
  await runCommand(db, ctx, async (tx, audit) => {
    const grant = await findGrant(tx, grantId);
    if (!grant || grant.account_id !== accountId) throw new AppError('NOT_FOUND');
    if (grant.role === 'admin' && accountId === ctx.actorId)
      throw new AppError('FORBIDDEN', { zh: '不能撤销自己的管理员角色', en: 'You cannot revoke your own admin role' });
    await deleteGrant(tx, grantId);
    forgetTokenActors();
    audit.record({
      action: 'account.revoke_role',
      resourceType: 'account',
      resourceId: accountId,
      before: { grantId, role: grant.role, scopeType: grant.scope_type, scopeId: grant.scope_id },
    });
  });
}
