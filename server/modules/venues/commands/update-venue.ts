import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { venueAuditView } from '../venues.presenter.js';
import { findActiveHallOfTown, findVenue, updateVenue } from '../venues.repository.js';
import type { OpeningHours } from '../venues.schemas.js';
import type { StationKind, VenueTable } from '../venues.table.js';
import { checkStationKind, checkTerritory, hallExists, requireManage, venueNotFound, type Caller } from './venue-guards.js';

export interface VenuePatch {
  /** The version the editor saw. */
  version: number;
  stationKind?: StationKind | null;
  name?: string;
  territoryCode?: string | null;
  address?: string;
  openingHours?: OpeningHours;
  public?: boolean;
}

/** Edits a venue's details (its kind is fixed once opened); compare-and-set on its version. */
export async function updateVenueDetails(db: Kysely<DB>, ctx: CommandContext, caller: Caller, id: string, patch: VenuePatch): Promise<VenueTable> {
  try {
    return await runCommand(db, ctx, async (tx, audit) => {
      const before = await findVenue(tx, id);
      if (!before) throw venueNotFound();
      requireManage(caller, before.territory_code);
      if (before.version !== patch.version) throw new AppError('VERSION_CONFLICT');
      const changes: Partial<VenueTable> = {};
      if (patch.stationKind !== undefined) {
        checkStationKind(before.kind, patch.stationKind);
        changes.station_kind = patch.stationKind;
      }
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.address !== undefined) changes.address = patch.address;
      if (patch.openingHours !== undefined) changes.opening_hours = JSON.stringify(patch.openingHours);
      if (patch.public !== undefined) changes.public = patch.public ? 1 : 0;
      if (patch.territoryCode !== undefined) {
        const territory = await checkTerritory(tx, before.kind, patch.territoryCode);
        requireManage(caller, territory);
        if (territory !== before.territory_code) {
          changes.territory_code = territory;
          if (before.kind === 'hall' && before.active === 1) {
            if (await findActiveHallOfTown(tx, territory as string)) throw hallExists();
            changes.hall_town_code = territory;
          }
        }
      }
      const after: VenueTable = { ...before, ...changes, updated_at: new Date().toISOString(), version: before.version + 1 };
      if (!(await updateVenue(tx, id, before.version, { ...changes, updated_at: after.updated_at }))) throw new AppError('VERSION_CONFLICT');
      audit.record({ action: 'venue.update', resourceType: 'venue', resourceId: id, before: venueAuditView(before), after: venueAuditView(after) });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'venue')) throw hallExists();
    throw err;
  }
}
