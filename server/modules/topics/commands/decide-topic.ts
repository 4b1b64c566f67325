import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { immediateWrites } from '../../../infra/db/write-batch.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { listAccountIdsWithRole } from '../../accounts/index.js';
import { notifyAccounts } from '../../notifications/index.js';
import { decideTopic, type TopicAction } from '../topic.workflow.js';
import { maySeeTopic, sidesOf } from '../topics.policy.js';
import { findTopic, insertTopicEvent, updateTopic } from '../topics.repository.js';
import type { TopicTable } from '../topics.table.js';

/**
 * One step of review and filing: the proposer submits (or withdraws), the district committee
 * approves (files), sends back with comments, or rejects with a reason. Compare-and-set on the
 * version: of two people deciding at once, one succeeds and the other gets a conflict.
 */
export async function decideTopicAction(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor,
  id: string,
  req: { action: TopicAction; version: number; comment?: string | null },
): Promise<TopicTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const topic = await findTopic(tx, id);
    if (!topic || !maySeeTopic(actor, topic)) throw new AppError('NOT_FOUND');
    if (topic.version !== req.version) throw new AppError('VERSION_CONFLICT');
    const sides = sidesOf(actor, topic);
    const decisions = sides.map((side) => decideTopic(topic.state, req.action, side, req.comment));
    const ok = decisions.find((d) => d.ok);
    if (!ok || !ok.ok) {
      const reasons = decisions.map((d) => (d.ok ? '' : d.reason));
      if (reasons.includes('COMMENT_REQUIRED'))
        throw new AppError('VALIDATION_FAILED', { zh: '退回或不予采纳须写明意见或理由', en: 'Sending back or rejecting needs comments or a reason' }, { errors: [{ field: 'comment', message: '请填写意见或理由' }] });
      if (reasons.length === 0 || reasons.every((r) => r === 'NOT_YOURS')) throw new AppError('FORBIDDEN');
      throw new AppError('ACTION_NOT_ALLOWED');
    }
    const now = new Date().toISOString();
    if (!(await updateTopic(tx, id, topic.version, { state: ok.to, updated_at: now }))) throw new AppError('VERSION_CONFLICT');
    const comment = req.comment?.trim() ? req.comment : null;
    await insertTopicEvent(tx, { id: uuidv7(), topic_id: id, action: req.action, from_state: topic.state, to_state: ok.to, actor_id: actor.id, actor_label: actor.label, comment, created_at: now });
    // The other side hears of it: reviewers of a submission, the proposer of a decision.
    const recipients = req.action === 'submit' ? [...(await listAccountIdsWithRole(tx, 'district_staff'))] : topic.proposed_by ? [topic.proposed_by] : [];
    await notifyAccounts(
      immediateWrites(tx),
      recipients.filter((r) => r !== actor.id),
      { kind: `topic.${req.action}`, resourceType: 'topic', resourceId: id, payload: { title: topic.title, state: ok.to } },
    );
    audit.record({
      action: `topic.${req.action}`,
      resourceType: 'topic',
      resourceId: id,
      before: { state: topic.state, version: topic.version },
      after: { state: ok.to, version: topic.version + 1, ...(comment ? { comment } : {}) },
    });
    return { ...topic, state: ok.to, updated_at: now, version: topic.version + 1 };
  });
}
