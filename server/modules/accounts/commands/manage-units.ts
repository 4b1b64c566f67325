import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { getTerritory } from '../../territories/index.js';
import type { UnitTable } from '../accounts.table.js';
import { findUnit, findUnitByName, insertUnit, updateUnit } from '../units.repository.js';
import { presentUnit } from '../accounts.presenter.js';

export interface UnitInput {
  name: string;
  kind: UnitTable['kind'];
  territoryCode?: string | null;
  phone?: string | null;
  address?: string | null;
}

const taken = (name: string) => new AppError('ALREADY_EXISTS', { zh: `单位“${name}”已存在`, en: `A unit named “${name}” exists` });

/** Registers a responsible unit (a department or a non-government body such as a bus company). */
export async function createUnit(db: Kysely<DB>, ctx: CommandContext, input: UnitInput) {
  try {
    return await runCommand(db, ctx, async (tx, audit) => {
      if (await findUnitByName(tx, input.name)) throw taken(input.name);
      const territory = input.territoryCode ? (await getTerritory(tx, input.territoryCode)).code : null;
      const now = new Date().toISOString();
      const row: UnitTable = {
        id: uuidv7(),
        name: input.name,
        kind: input.kind,
        territory_code: territory,
        phone: input.phone ?? null,
        address: input.address ?? null,
        active: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await insertUnit(tx, row);
      audit.record({ action: 'unit.create', resourceType: 'unit', resourceId: row.id, after: presentUnit(row) });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'unit')) throw taken(input.name);
    throw err;
  }
}

/** Edits a unit (compare-and-set on its version). */
export async function updateUnitDetails(db: Kysely<DB>, ctx: CommandContext, id: string, patch: Partial<UnitInput> & { version: number; active?: boolean }) {
  try {
    return await runCommand(db, ctx, async (tx, audit) => {
      const before = await findUnit(tx, id);
      if (!before) throw new AppError('NOT_FOUND');
      const changes: Partial<UnitTable> = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.territoryCode !== undefined ? { territory_code: patch.territoryCode ? (await getTerritory(tx, patch.territoryCode)).code : null } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
        ...(patch.address !== undefined ? { address: patch.address } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      };
      if (!(await updateUnit(tx, id, patch.version, { ...changes, updated_at: new Date().toISOString() }))) throw new AppError('VERSION_CONFLICT');
      const after = (await findUnit(tx, id)) as UnitTable;
      audit.record({ action: 'unit.update', resourceType: 'unit', resourceId: id, before: presentUnit(before), after: presentUnit(after) });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'unit')) throw taken(patch.name ?? '');
    throw err;
  }
}
