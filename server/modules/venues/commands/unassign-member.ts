import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { countRulesOfMemberAtVenue, deleteVenueMember, findVenue } from '../venues.repository.js';
import { requireManage, venueNotFound, type Caller } from './venue-guards.js';

/** Ends a member's assignment to a venue; their duty rules there must go first. */
export async function unassignMember(db: Kysely<DB>, ctx: CommandContext, caller: Caller, venueId: string, accountId: string): Promise<void> {
  await runCommand(db, ctx, async (tx, audit) => {
    const venue = await findVenue(tx, venueId);
    if (!venue) throw venueNotFound();
    requireManage(caller, venue.territory_code);
    if ((await countRulesOfMemberAtVenue(tx, venueId, accountId)) > 0)
      throw new AppError('ACTION_NOT_ALLOWED', { zh: '该委员在此场所还有排班，请先删除其排班规则', en: 'The member still has duty rules here; delete them first' });
    if (!(await deleteVenueMember(tx, venueId, accountId))) throw new AppError('NOT_FOUND', { zh: '该委员不在此场所', en: 'The member does not serve here' });
    audit.record({ action: 'venue.unassign_member', resourceType: 'venue', resourceId: venueId, before: { accountId } });
  });
}
