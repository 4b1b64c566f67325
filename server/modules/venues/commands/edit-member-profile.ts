import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { accountWithRole, findMemberProfile, insertMemberProfile, updateMemberProfile } from '../venues.repository.js';
import type { MemberProfileTable } from '../venues.table.js';
import { fieldError } from './venue-guards.js';

export interface MemberProfileInput {
  /** null: the profile is new; otherwise the version the editor saw. */
  version: number | null;
  term: number;
  sector: string;
  committee?: string | null;
}

const view = (p: MemberProfileTable) => ({ term: p.term, sector: p.sector, committee: p.committee, version: p.version });

/** Records or edits a member's term (届), sector (界别) and committee. */
export async function editMemberProfile(db: Kysely<DB>, ctx: CommandContext, accountId: string, input: MemberProfileInput): Promise<MemberProfileTable> {
  try {
    return await runCommand(db, ctx, async (tx, audit) => {
      const account = await accountWithRole(tx, accountId, ['member']);
      if (!account) throw new AppError('NOT_FOUND', { zh: '找不到该账号', en: 'No such account' });
      if (!account.hasRole) throw fieldError('accountId', '该账号不是政协委员', 'the account is not a member');
      const before = await findMemberProfile(tx, accountId);
      const now = new Date().toISOString();
      if (!before) {
        if (input.version !== null) throw new AppError('VERSION_CONFLICT');
        const row: MemberProfileTable = { account_id: accountId, term: input.term, sector: input.sector, committee: input.committee ?? null, created_at: now, updated_at: now, version: 1 };
        await insertMemberProfile(tx, row);
        audit.record({ action: 'member_profile.create', resourceType: 'account', resourceId: accountId, after: view(row) });
        return row;
      }
      if (input.version !== before.version) throw new AppError('VERSION_CONFLICT');
      const changes = { term: input.term, sector: input.sector, committee: input.committee !== undefined ? input.committee : before.committee, updated_at: now };
      if (!(await updateMemberProfile(tx, accountId, before.version, changes))) throw new AppError('VERSION_CONFLICT');
      const after = { ...before, ...changes, version: before.version + 1 };
      audit.record({ action: 'member_profile.update', resourceType: 'account', resourceId: accountId, before: view(before), after: view(after) });
      return after;
    });
  } catch (err) {
    // Two first saves at once: the second finds the row taken.
    if (isUniqueViolation(err, 'member_profile')) throw new AppError('VERSION_CONFLICT');
    throw err;
  }
}
