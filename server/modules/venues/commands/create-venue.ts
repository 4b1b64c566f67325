import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { venueAuditView } from '../venues.presenter.js';
import { findActiveHallOfTown, insertVenue } from '../venues.repository.js';
import type { OpeningHours } from '../venues.schemas.js';
import type { StationKind, VenueKind, VenueTable } from '../venues.table.js';
import { checkHead, checkStationKind, checkTerritory, hallExists, requireManage, type Caller } from './venue-guards.js';

export interface NewVenue {
  kind: VenueKind;
  stationKind?: StationKind | null;
  name: string;
  territoryCode?: string | null;
  address: string;
  openingHours: OpeningHours;
  headAccountId?: string | null;
  public?: boolean;
}

/** Opens a hall (one per town or street), a station or a member studio. */
export async function createVenue(db: Kysely<DB>, ctx: CommandContext, caller: Caller, input: NewVenue): Promise<VenueTable> {
  try {
    return await runCommand(db, ctx, async (tx, audit) => {
      checkStationKind(input.kind, input.stationKind);
      const territory = await checkTerritory(tx, input.kind, input.territoryCode);
      requireManage(caller, territory);
      if (input.kind === 'hall' && (await findActiveHallOfTown(tx, territory as string))) throw hallExists();
      if (input.headAccountId) await checkHead(tx, input.kind, input.headAccountId);
      const now = new Date().toISOString();
      const row: VenueTable = {
        id: uuidv7(),
        kind: input.kind,
        station_kind: input.kind === 'station' ? (input.stationKind ?? null) : null,
        name: input.name,
        territory_code: territory,
        hall_town_code: input.kind === 'hall' ? territory : null,
        address: input.address,
        opening_hours: JSON.stringify(input.openingHours),
        head_account_id: input.headAccountId ?? null,
        public: input.public === false ? 0 : 1,
        active: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await insertVenue(tx, row);
      audit.record({ action: 'venue.create', resourceType: 'venue', resourceId: row.id, after: venueAuditView(row) });
      return row;
    });
  } catch (err) {
    // Two halls for one town created at the same moment: the unique column refuses the second.
    if (isUniqueViolation(err, 'venue')) throw hallExists();
    throw err;
  }
}
