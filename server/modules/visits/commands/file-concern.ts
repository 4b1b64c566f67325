import type { Kysely } from 'kysely';
import type { CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { registerAppeal, type deadlineDeps } from '../../appeals/index.js';
import { listVisitConcerns, resolveConcern, updateVisit } from '../visits.repository.js';
import type { VisitConcernTable } from '../visits.table.js';
import { ownVisitAt } from './visit-guards.js';

const notNoted = () => new AppError('ACTION_NOT_ALLOWED', { zh: '这条诉求已经登记为工单或关联了议题', en: 'This concern has already been filed or attached to a topic' });

async function notedConcern(tx: Kysely<DB>, visitId: string, concernId: string): Promise<VisitConcernTable> {
  const concern = (await listVisitConcerns(tx, [visitId])).find((c) => c.id === concernId);
  if (!concern) throw new AppError('NOT_FOUND');
  if (concern.status !== 'noted') throw notNoted();
  return concern;
}

/**
 * Files a concern heard on a visit as an appeal (channel 'visit', on the resident's behalf)
 * through the appeals module's own intake, in one transaction with marking the concern filed.
 */
export async function fileConcernAsAppeal(
  db: Kysely<DB>,
  ctx: CommandContext,
  deps: Awaited<ReturnType<typeof deadlineDeps>>,
  actor: Actor,
  ids: { visitId: string; concernId: string },
  req: { version: number; categoryId: string; address?: string | null },
): Promise<string> {
  if (!actor.permissions.has('appeals:register')) throw new AppError('FORBIDDEN');
  // Read first for the appeal's text and place; checked again inside the transaction.
  const visit = await ownVisitAt(db, actor, ids.visitId, req.version);
  const concern = await notedConcern(db, ids.visitId, ids.concernId);
  const { appeal } = await registerAppeal(
    db,
    ctx,
    deps,
    { channel: 'visit', onBehalf: true, categoryId: req.categoryId, territoryCode: visit.territory_code, address: req.address ?? null, description: concern.text },
    {
      before: async (tx) => {
        await ownVisitAt(tx, actor, ids.visitId, req.version);
        await notedConcern(tx, ids.visitId, ids.concernId);
        if (!(await updateVisit(tx, ids.visitId, req.version, { updated_at: new Date().toISOString() }))) throw new AppError('VERSION_CONFLICT');
      },
      after: async (tx, registered, audit) => {
        if (!(await resolveConcern(tx, ids.concernId, { status: 'appeal', appeal_id: registered.appeal.id, topic_id: null, updated_at: new Date().toISOString() }))) throw notNoted();
        audit.record({ action: 'visit.concern.file', resourceType: 'visit', resourceId: ids.visitId, after: { concern: ids.concernId, appeal: registered.appeal.id, trackingNo: registered.appeal.tracking_no } });
      },
    },
  );
  return appeal.id;
}
