import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { territoryNames } from '../territories/index.js';
import { findAccountById, listGrants, searchAccounts, type AccountSearch, type GrantRow } from './accounts.repository.js';
import { presentAccount } from './accounts.presenter.js';
import { searchUnits } from './units.repository.js';

/** Human names of the territories and units that grants are scoped to. */
export async function scopeNamesFor(db: Kysely<DB>, grants: GrantRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const codes = [...new Set(grants.filter((g) => g.scope_type === 'territory').map((g) => g.scope_id))];
  const unitIds = [...new Set(grants.filter((g) => g.scope_type === 'unit').map((g) => g.scope_id))];
  for (const [code, name] of await territoryNames(db, codes)) names.set(`territory:${code}`, name);
  if (unitIds.length) {
    const { rows } = await searchUnits(db, { ids: unitIds }, unitIds.length, 0);
    for (const u of rows) names.set(`unit:${u.id}`, u.name);
  }
  return names;
}

export const accountNotFound = (id: string) =>
  new AppError('NOT_FOUND', { zh: `账号 ${id} 不存在`, en: `No account ${id}` });

export async function getAccountView(db: Kysely<DB>, id: string, viewer: Actor | null) {
  const account = await findAccountById(db, id);
  if (!account) throw accountNotFound(id);
  const grants = await listGrants(db, [id]);
  return presentAccount(account, grants, await scopeNamesFor(db, grants), viewer);
}

export async function listAccountViews(db: Kysely<DB>, s: AccountSearch, limit: number, offset: number, viewer: Actor | null) {
  const { rows, total } = await searchAccounts(db, s, limit, offset);
  const grants = await listGrants(db, rows.map((r) => r.id));
  const names = await scopeNamesFor(db, grants);
  return {
    items: rows.map((a) => presentAccount(a, grants.filter((g) => g.account_id === a.id), names, viewer)),
    page: { limit, offset, total },
  };
}
