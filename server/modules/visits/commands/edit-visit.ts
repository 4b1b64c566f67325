import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { visitAuditView } from '../visits.presenter.js';
import { updateVisit } from '../visits.repository.js';
import type { VisitTable } from '../visits.table.js';
import { checkVillage, checkVisitDate, ownVisitAt } from './visit-guards.js';

export interface VisitPatch {
  version: number;
  visitedOn?: string;
  territoryCode?: string;
  place?: string;
  summary?: string;
}

/** The member corrects their record of a visit; compare-and-set on its version. */
export async function editVisit(db: Kysely<DB>, ctx: CommandContext, actor: Actor, id: string, patch: VisitPatch): Promise<VisitTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const before = await ownVisitAt(tx, actor, id, patch.version);
    if (patch.visitedOn !== undefined) checkVisitDate(patch.visitedOn);
    const changes = {
      ...(patch.visitedOn !== undefined ? { visited_on: patch.visitedOn } : {}),
      ...(patch.territoryCode !== undefined ? { territory_code: await checkVillage(tx, patch.territoryCode) } : {}),
      ...(patch.place !== undefined ? { place: patch.place } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
      updated_at: new Date().toISOString(),
    };
    if (!(await updateVisit(tx, id, before.version, changes))) throw new AppError('VERSION_CONFLICT');
    const after: VisitTable = { ...before, ...changes, version: before.version + 1 };
    audit.record({ action: 'visit.edit', resourceType: 'visit', resourceId: id, before: visitAuditView(before), after: visitAuditView(after) });
    return after;
  });
}
