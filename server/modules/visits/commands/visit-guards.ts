import type { Kysely } from 'kysely';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { getTerritory } from '../../territories/index.js';
import { isVisitOwner, maySeeVisit } from '../visits.policy.js';
import { findVisit } from '../visits.repository.js';
import type { VisitTable } from '../visits.table.js';

export const fieldError = (field: string, zh: string, en: string) => new AppError('VALIDATION_FAILED', { zh, en }, { errors: [{ field, message: zh }] });

/** The visit, when this person made it at the version they saw; else the error that says why not. */
export async function ownVisitAt(tx: Kysely<DB>, actor: Actor, id: string, version: number): Promise<VisitTable> {
  const visit = await findVisit(tx, id);
  if (!visit || !maySeeVisit(actor, visit)) throw new AppError('NOT_FOUND');
  if (!isVisitOwner(actor, visit)) throw new AppError('FORBIDDEN', { zh: '只有走访的委员本人可以修改', en: 'Only the member who made the visit may change it' });
  if (visit.version !== version) throw new AppError('VERSION_CONFLICT');
  return visit;
}

/** A village or community that exists. */
export async function checkVillage(tx: Kysely<DB>, code: string): Promise<string> {
  const territory = await getTerritory(tx, code).catch(() => null);
  if (!territory || territory.level !== 'village') throw fieldError('territoryCode', '请选择存在的村或社区', 'Choose an existing village or community');
  return territory.code;
}

/** A visit cannot be dated in the future (China date). */
export function checkVisitDate(day: string): void {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || day > today) throw fieldError('visitedOn', '走访日期不能晚于今天', 'The visit cannot be dated after today');
}
