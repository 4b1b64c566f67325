import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { msg } from '../../infra/http/fields.js';
import { venueIdsHeadedBy } from '../venues/index.js';
import { manageReach, reaches, type ManageReach } from './consultations.policy.js';
import { findCampaign, findConsultation, findTemplate } from './consultations.repository.js';
import type { CampaignTable, ConsultationTable, ProcedureTemplateTable } from './consultations.table.js';

export const consultationNotFound = () => new AppError('NOT_FOUND', { zh: '找不到该协商活动', en: 'No such consultation event' });

/** A refused field, in both languages. */
export const fieldError = (field: string, zh: string, en: string) => new AppError('VALIDATION_FAILED', { zh, en }, { errors: [{ field, message: msg(zh, en) }] });

export async function getConsultation(db: Kysely<DB>, id: string): Promise<ConsultationTable> {
  const c = await findConsultation(db, id);
  if (!c) throw consultationNotFound();
  return c;
}

export async function getCampaign(db: Kysely<DB>, id: string): Promise<CampaignTable> {
  const c = await findCampaign(db, id);
  if (!c) throw new AppError('NOT_FOUND', { zh: '找不到该协商议事月', en: 'No such campaign' });
  return c;
}

export async function getTemplate(db: Kysely<DB>, id: string): Promise<ProcedureTemplateTable> {
  const t = await findTemplate(db, id);
  if (!t) throw new AppError('NOT_FOUND', { zh: '找不到该规程', en: 'No such procedure template' });
  return t;
}

/** Which events the actor runs (reads the venues they head). */
export async function reachOf(db: Kysely<DB>, actor: Actor | null): Promise<ManageReach> {
  if (!actor?.permissions.has('consultations:manage')) return { territoryPrefixes: [], venueIds: [] };
  return manageReach(actor, await venueIdsHeadedBy(db, actor.id));
}

/** Whether the actor runs this event. */
export async function mayManage(db: Kysely<DB>, actor: Actor | null, c: Pick<ConsultationTable, 'venue_id' | 'territory_code'>): Promise<boolean> {
  return reaches(await reachOf(db, actor), c);
}

export async function requireManage(db: Kysely<DB>, actor: Actor, c: Pick<ConsultationTable, 'venue_id' | 'territory_code'>): Promise<void> {
  if (!(await mayManage(db, actor, c))) throw new AppError('FORBIDDEN', { zh: '该协商活动不在您的管辖范围内', en: 'This consultation event is outside your area' });
}

/** Whether a presented sign-in token is the event's (constant time). */
export function tokenMatches(c: ConsultationTable, token: string): boolean {
  if (!c.sign_in_token) return false;
  const a = Buffer.from(c.sign_in_token);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
