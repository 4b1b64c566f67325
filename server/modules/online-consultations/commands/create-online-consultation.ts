import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { getConsultation } from '../../consultations/index.js';
import { requireOrganiser } from '../online.policy.js';
import { auditOnline } from '../online.presenter.js';
import { insertOnline, topicState } from '../online.repository.js';
import type { OnlineConsultationTable } from '../online.table.js';

export interface NewOnlineConsultation {
  consultationId?: string | undefined;
  topicId?: string | undefined;
  title: string;
  description: string;
  identity: OnlineConsultationTable['identity'];
  moderation: OnlineConsultationTable['moderation'];
}

/** Opens an online consultation on an event (its organisers) or on a filed topic (the district's reviewers). */
export async function createOnlineConsultation(db: Kysely<DB>, ctx: CommandContext, actor: Actor, input: NewOnlineConsultation): Promise<OnlineConsultationTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    if (input.consultationId) await getConsultation(tx, input.consultationId);
    else {
      const state = await topicState(tx, input.topicId as string);
      if (!state) throw new AppError('NOT_FOUND', { zh: '找不到该议题', en: 'No such topic' });
      if (state !== 'filed') throw new AppError('ACTION_NOT_ALLOWED', { zh: '只有已备案的议题才能开展线上协商', en: 'Only a filed topic can be consulted on online' });
    }
    const at = { consultation_id: input.consultationId ?? null, topic_id: input.consultationId ? null : (input.topicId ?? null) };
    await requireOrganiser(tx, actor, at);
    const now = new Date().toISOString();
    const row: OnlineConsultationTable = {
      id: uuidv7(),
      ...at,
      title: input.title,
      description: input.description,
      identity: input.identity,
      moderation: input.moderation,
      state: 'open',
      identity_salt: randomBytes(16).toString('hex'),
      created_by: actor.id,
      created_by_label: actor.label,
      created_at: now,
      updated_at: now,
      closed_at: null,
      version: 1,
    };
    await insertOnline(tx, row);
    audit.record({ action: 'online.create', resourceType: 'online_consultation', resourceId: row.id, after: auditOnline(row) });
    return row;
  });
}
