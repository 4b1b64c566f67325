import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { listTerritoriesByCodes } from './territories.repository.js';
import type { HttpModule } from '../../infra/http/app.js';
import { territoriesRoutes } from './territories.routes.js';

export { importTerritories, openTerritoryFile, TerritoryImportError, type ImportReport } from './import-territories.js';
export { countByLevel, countTerritories } from './territories.repository.js';
export { getTerritory, getTerritoryCached } from './territories.service.js';
export { normalizeCode, statCodeOf } from './territory-code.js';

export const territoriesModule: HttpModule = { name: 'territories', routes: territoriesRoutes };

/** Names of the given territories, by short code. */
export async function territoryNames(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  return new Map((await listTerritoriesByCodes(db, codes)).map((t) => [t.code, t.name]));
}
