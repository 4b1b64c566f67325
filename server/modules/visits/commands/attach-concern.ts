import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { findVisibleTopic } from '../../topics/index.js';
import { listVisitConcerns, resolveConcern, updateVisit } from '../visits.repository.js';
import { fieldError, ownVisitAt } from './visit-guards.js';

/** Attaches a concern heard on a visit to a consultation topic the member can see (not one rejected). */
export async function attachConcernToTopic(db: Kysely<DB>, ctx: CommandContext, actor: Actor, ids: { visitId: string; concernId: string }, req: { version: number; topicId: string }): Promise<void> {
  await runCommand(db, ctx, async (tx, audit) => {
    await ownVisitAt(tx, actor, ids.visitId, req.version);
    const concern = (await listVisitConcerns(tx, [ids.visitId])).find((c) => c.id === ids.concernId);
    if (!concern) throw new AppError('NOT_FOUND');
    if (concern.status !== 'noted') throw new AppError('ACTION_NOT_ALLOWED', { zh: '这条诉求已经登记为工单或关联了议题', en: 'This concern has already been filed or attached to a topic' });
    const topic = await findVisibleTopic(tx, actor, req.topicId);
    if (!topic || topic.state === 'rejected') throw fieldError('topicId', '议题不存在或不能关联', 'No such topic, or it cannot take concerns');
    const now = new Date().toISOString();
    if (!(await updateVisit(tx, ids.visitId, req.version, { updated_at: now }))) throw new AppError('VERSION_CONFLICT');
    if (!(await resolveConcern(tx, ids.concernId, { status: 'topic', appeal_id: null, topic_id: topic.id, updated_at: now }))) throw new AppError('VERSION_CONFLICT');
    audit.record({ action: 'visit.concern.attach', resourceType: 'visit', resourceId: ids.visitId, after: { concern: ids.concernId, topic: topic.id } });
  });
}
