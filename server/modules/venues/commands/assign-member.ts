import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { accountWithRole, findVenue, findVenueMember, insertVenueMember } from '../venues.repository.js';
import { fieldError, requireManage, venueNotFound, type Caller } from './venue-guards.js';

const already = () => new AppError('ALREADY_EXISTS', { zh: '该委员已在此场所', en: 'The member already serves here' });

/** Assigns a member to a venue (委员进站). */
export async function assignMember(db: Kysely<DB>, ctx: CommandContext, caller: Caller, venueId: string, accountId: string): Promise<void> {
  try {
    await runCommand(db, ctx, async (tx, audit) => {
      const venue = await findVenue(tx, venueId);
      if (!venue) throw venueNotFound();
      requireManage(caller, venue.territory_code);
      if (venue.active !== 1) throw new AppError('ACTION_NOT_ALLOWED', { zh: '场所已停用', en: 'The venue is closed' });
      const account = await accountWithRole(tx, accountId, ['member']);
      if (!account?.hasRole) throw fieldError('accountId', '只能安排政协委员进站', 'only members are assigned to venues');
      if (await findVenueMember(tx, venueId, accountId)) throw already();
      await insertVenueMember(tx, venueId, accountId, new Date().toISOString());
      audit.record({ action: 'venue.assign_member', resourceType: 'venue', resourceId: venueId, after: { accountId } });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'venue_member')) throw already();
    throw err;
  }
}
