import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { forgetTokenActors } from '../authenticator.js';
import { AppError } from '../../../infra/http/errors.js';
import { findAccountById, listGrants } from '../accounts.repository.js';
import { permissionsOf, type Permission } from '../roles.js';
import { newSecret, sha256 } from '../secrets.js';
import { findApiToken, insertApiToken, revokeApiTokenRow } from '../sessions.repository.js';

/**
 * Issues an API token for an integration. The token acts as its account, limited to the
 * scopes named here; only its SHA-256 is stored, so the secret is shown once.
 */
export async function createApiToken(
  db: Kysely<DB>,
  ctx: CommandContext,
  input: { name: string; accountId: string; scopes: Permission[]; expiresAt?: string | null },
) {
  return runCommand(db, ctx, async (tx, audit) => {
    const account = await findAccountById(tx, input.accountId);
    if (!account) throw new AppError('NOT_FOUND', { zh: '账号不存在', en: 'No such account' });
    const held = permissionsOf((await listGrants(tx, [account.id])).map((g) => g.role));
    const missing = input.scopes.filter((s) => !held.includes(s));
    if (missing.length)
      throw new AppError('VALIDATION_FAILED', undefined, {
        errors: [{ field: 'scopes', message: `${account.username}: ${missing.join(', ')} ✗` }],
      });
    const secret = `mh_${newSecret()}`;
    const id = uuidv7();
    const row = {
      id,
      name: input.name,
      prefix: secret.slice(0, 10),
      token_hash: sha256(secret),
      account_id: account.id,
      scopes: JSON.stringify(input.scopes),
      created_at: new Date().toISOString(),
      expires_at: input.expiresAt ?? null,
      last_used_at: null,
      revoked_at: null,
    };
    await insertApiToken(tx, row);
    audit.record({
      action: 'api_token.create',
      resourceType: 'api_token',
      resourceId: id,
      after: { name: input.name, prefix: row.prefix, accountId: account.id, scopes: input.scopes, expiresAt: row.expires_at },
    });
    return { row: { ...row, account_username: account.username }, secret };
  });
}

export async function revokeApiToken(db: Kysely<DB>, ctx: CommandContext, id: string): Promise<void> {
  await runCommand(db, ctx, async (tx, audit) => {
    const token = await findApiToken(tx, id);
    if (!token) throw new AppError('NOT_FOUND');
    if (token.revoked_at) return;
    await revokeApiTokenRow(tx, id, new Date().toISOString());
    forgetTokenActors();
    audit.record({ action: 'api_token.revoke', resourceType: 'api_token', resourceId: id, before: { prefix: token.prefix } });
  });
}
