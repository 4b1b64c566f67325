import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { venueAuditView } from '../venues.presenter.js';
import { findActiveHallOfTown, findVenue, updateVenue } from '../venues.repository.js';
import type { VenueTable } from '../venues.table.js';
import { hallExists, requireManage, venueNotFound, type Caller } from './venue-guards.js';

/**
 * Closes a venue (it leaves the public pages and the duty board; its records stay) or opens it
 * again. A deactivated hall frees its town for a new one; reopening it needs the town free.
 */
export async function setVenueActive(db: Kysely<DB>, ctx: CommandContext, caller: Caller, id: string, version: number, active: boolean): Promise<VenueTable> {
  try {
    return await runCommand(db, ctx, async (tx, audit) => {
      const before = await findVenue(tx, id);
      if (!before) throw venueNotFound();
      requireManage(caller, before.territory_code);
      if (before.version !== version) throw new AppError('VERSION_CONFLICT');
      if ((before.active === 1) === active) return before;
      if (active && before.kind === 'hall' && (await findActiveHallOfTown(tx, before.territory_code as string))) throw hallExists();
      const changes: Partial<VenueTable> = {
        active: active ? 1 : 0,
        hall_town_code: active && before.kind === 'hall' ? before.territory_code : null,
        updated_at: new Date().toISOString(),
      };
      if (!(await updateVenue(tx, id, version, changes))) throw new AppError('VERSION_CONFLICT');
      const after: VenueTable = { ...before, ...changes, version: version + 1 };
      audit.record({ action: active ? 'venue.reactivate' : 'venue.deactivate', resourceType: 'venue', resourceId: id, before: venueAuditView(before), after: venueAuditView(after) });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'venue')) throw hallExists();
    throw err;
  }
}
