import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { visitAuditView } from '../visits.presenter.js';
import { insertVisit } from '../visits.repository.js';
import type { VisitConcernTable, VisitTable } from '../visits.table.js';
import { checkVillage, checkVisitDate } from './visit-guards.js';

export interface NewVisit {
  visitedOn: string;
  territoryCode: string;
  place: string;
  summary: string;
  concerns: { text: string }[];
}

/** A member records a visit (走访) and the concerns heard, each noted for now. */
export async function recordVisit(db: Kysely<DB>, ctx: CommandContext, actor: Actor, input: NewVisit): Promise<{ visit: VisitTable; concerns: VisitConcernTable[] }> {
  return runCommand(db, ctx, async (tx, audit) => {
    checkVisitDate(input.visitedOn);
    const territory = await checkVillage(tx, input.territoryCode);
    const now = new Date().toISOString();
    const visit: VisitTable = {
      id: uuidv7(),
      member_id: actor.id,
      member_label: actor.label,
      visited_on: input.visitedOn,
      territory_code: territory,
      place: input.place,
      summary: input.summary,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    const concerns: VisitConcernTable[] = input.concerns.map((c, position) => ({ id: uuidv7(), visit_id: visit.id, position, text: c.text, status: 'noted', appeal_id: null, topic_id: null, updated_at: now }));
    await insertVisit(tx, visit, concerns);
    audit.record({ action: 'visit.record', resourceType: 'visit', resourceId: visit.id, after: { ...visitAuditView(visit), concerns: concerns.map((c) => c.text) } });
    return { visit, concerns };
  });
}
