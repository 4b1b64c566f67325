import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { findVenue, updateVenue } from '../venues.repository.js';
import type { VenueTable } from '../venues.table.js';
import { checkHead, requireManage, venueNotFound, type Caller } from './venue-guards.js';

/** Names the head of a venue (站长 of a station, the member of a studio), or nobody. */
export async function setVenueHead(db: Kysely<DB>, ctx: CommandContext, caller: Caller, id: string, version: number, accountId: string | null): Promise<VenueTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const before = await findVenue(tx, id);
    if (!before) throw venueNotFound();
    requireManage(caller, before.territory_code);
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    if (before.head_account_id === accountId) return before;
    if (accountId) await checkHead(tx, before.kind, accountId, 'accountId');
    const updatedAt = new Date().toISOString();
    if (!(await updateVenue(tx, id, version, { head_account_id: accountId, updated_at: updatedAt }))) throw new AppError('VERSION_CONFLICT');
    audit.record({ action: 'venue.set_head', resourceType: 'venue', resourceId: id, before: { headAccountId: before.head_account_id }, after: { headAccountId: accountId } });
    return { ...before, head_account_id: accountId, updated_at: updatedAt, version: version + 1 };
  });
}
