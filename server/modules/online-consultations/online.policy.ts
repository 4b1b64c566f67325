import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { mayManage } from '../consultations/index.js';
import { eventPlace } from './online.repository.js';
import type { OnlineConsultationTable } from './online.table.js';

const outside = () => new AppError('FORBIDDEN', { zh: '您不负责该线上协商', en: 'You do not run this online consultation' });

/**
 * Who organises an online consultation: on an event, whoever runs the event
 * (`consultations:manage` and consultations.policy's reach); on a filed topic alone, the
 * district's topic reviewers (`topics:review`).
 */
export async function mayOrganise(db: Kysely<DB>, actor: Actor | null, at: { consultationId: string | null; topicId: string | null }, event?: { venue_id: string | null; territory_code: string | null }): Promise<boolean> {
  if (!actor) return false;
  if (at.consultationId) return !!event && (await mayManage(db, actor, event));
  return actor.permissions.has('topics:review');
}

/** Whether the actor organises this online consultation (reads where its event is held). */
export async function organises(db: Kysely<DB>, actor: Actor | null, online: Pick<OnlineConsultationTable, 'consultation_id' | 'topic_id'>): Promise<boolean> {
  const event = online.consultation_id ? await eventPlace(db, online.consultation_id) : undefined;
  return mayOrganise(db, actor, { consultationId: online.consultation_id, topicId: online.topic_id }, event);
}

export async function requireOrganiser(db: Kysely<DB>, actor: Actor | null, online: Pick<OnlineConsultationTable, 'consultation_id' | 'topic_id'>): Promise<void> {
  if (!(await organises(db, actor, online))) throw outside();
}
