import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { AppError } from '../../infra/http/errors.js';
import { findTerritory, listTerritoriesByCodes, updateTerritory, type TerritoryRow } from './territories.repository.js';
import { referenceCache } from '../../infra/reference-cache.js';
import { ancestorCodesOf, normalizeCode } from './territory-code.js';

const notFound = (code: string) =>
  new AppError('NOT_FOUND', { zh: `没有代码为 ${code} 的行政区划`, en: `No territory with code ${code}` });

/** Resolves a short or 12-digit code to the territory, or throws NOT_FOUND. */
export async function getTerritory(db: Kysely<DB>, input: string): Promise<TerritoryRow> {
  const code = normalizeCode(input);
  const row = code ? await findTerritory(db, code) : undefined;
  if (!row) throw notFound(input);
  return row;
}

const territoryCache = referenceCache<string, TerritoryRow | undefined>();

/**
 * Like getTerritory, from a short-lived per-process cache: for the intake path, where the
 * territory is only checked and named. Never inside a transaction that changes territories.
 */
export async function getTerritoryCached(db: Kysely<DB>, input: string): Promise<TerritoryRow> {
  const code = normalizeCode(input);
  const row = code ? await territoryCache.get(db, code, () => findTerritory(db, code)) : undefined;
  if (!row) throw notFound(input);
  return row;
}

/** The chain from the province down to the territory's parent. */
export async function getAncestors(db: Kysely<DB>, input: string): Promise<TerritoryRow[]> {
  const t = await getTerritory(db, input);
  return listTerritoriesByCodes(db, ancestorCodesOf(t.code));
}

export interface TerritoryPatch {
  name?: string;
  validFrom?: string | null;
  validTo?: string | null;
}

/** Renames a territory or changes its validity (e.g. a street merged into another). */
export async function patchTerritory(db: Kysely<DB>, ctx: CommandContext, input: string, patch: TerritoryPatch) {
  const result = await runCommand(db, ctx, async (tx, audit) => {
    const before = await getTerritory(tx, input);
    const changes = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.validFrom !== undefined ? { valid_from: patch.validFrom } : {}),
      ...(patch.validTo !== undefined ? { valid_to: patch.validTo } : {}),
    };
    if (Object.keys(changes).length === 0) return before;
    await updateTerritory(tx, before.code, changes, new Date().toISOString());
    const after = await getTerritory(tx, before.code);
    audit.record({
      action: 'territory.update',
      resourceType: 'territory',
      resourceId: before.code,
      before: { name: before.name, validFrom: before.valid_from, validTo: before.valid_to },
      after: { name: after.name, validFrom: after.valid_from, validTo: after.valid_to },
    });
    return after;
  });
  territoryCache.clear(db);
  return result;
}
