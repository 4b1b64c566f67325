import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { getTerritory } from '../../territories/index.js';
import { EDITABLE_STATES } from '../topic.workflow.js';
import { maySeeTopic } from '../topics.policy.js';
import { findTopic, updateTopic } from '../topics.repository.js';
import type { TopicTable } from '../topics.table.js';

export interface TopicEdit {
  version: number;
  title?: string;
  description?: string;
  territoryCode?: string | null;
}

/** The proposer revises a draft or a topic sent back for changes. */
export async function editTopic(db: Kysely<DB>, ctx: CommandContext, actor: Actor, id: string, edit: TopicEdit): Promise<TopicTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const topic = await findTopic(tx, id);
    if (!topic || !maySeeTopic(actor, topic)) throw new AppError('NOT_FOUND');
    if (topic.proposed_by !== actor.id) throw new AppError('FORBIDDEN', { zh: '只有提出人可以修改议题', en: 'Only the proposer may edit a topic' });
    if (!EDITABLE_STATES.includes(topic.state)) throw new AppError('ACTION_NOT_ALLOWED', { zh: '议题已提交或已有结论，不能修改', en: 'The topic is under review or decided and cannot be edited' });
    if (topic.version !== edit.version) throw new AppError('VERSION_CONFLICT');
    const territory = edit.territoryCode ? await getTerritory(tx, edit.territoryCode).catch(() => null) : null;
    if (edit.territoryCode && !territory)
      throw new AppError('VALIDATION_FAILED', { zh: '所在地不存在', en: 'No such territory' }, { errors: [{ field: 'territoryCode', message: '所在地不存在' }] });
    const patch = {
      ...(edit.title !== undefined ? { title: edit.title } : {}),
      ...(edit.description !== undefined ? { description: edit.description } : {}),
      ...(edit.territoryCode !== undefined ? { territory_code: territory?.code ?? null } : {}),
      updated_at: new Date().toISOString(),
    };
    if (!(await updateTopic(tx, id, edit.version, patch))) throw new AppError('VERSION_CONFLICT');
    audit.record({
      action: 'topic.edit',
      resourceType: 'topic',
      resourceId: id,
      before: { title: topic.title, description: topic.description, territory: topic.territory_code },
      after: { title: patch.title ?? topic.title, description: patch.description ?? topic.description, territory: patch.territory_code ?? topic.territory_code },
    });
    return { ...topic, ...patch, version: edit.version + 1 };
  });
}
