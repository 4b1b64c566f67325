import type { TerritoryRow } from './territories.repository.js';
import type { TerritoryDto } from './territories.schemas.js';

/** Territories are public records: nothing to redact, only renamed to the API's casing. */
export function presentTerritory(row: TerritoryRow): TerritoryDto {
  return {
    code: row.code,
    statCode: row.stat_code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    ...(row.child_count !== undefined ? { childCount: row.child_count } : {}),
  };
}
