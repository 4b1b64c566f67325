import type { Kysely } from 'kysely';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { msg } from '../../../infra/http/fields.js';
import { getTerritory } from '../../territories/index.js';
import { mayManageAt, mayManageRoster } from '../venues.policy.js';
import { accountWithRole } from '../venues.repository.js';
import type { VenueKind, VenueTable } from '../venues.table.js';

/** Who runs a command: a person through the API, or the system itself (seeding). */
export type Caller = Actor | 'system';

/** A refused field, in both languages. */
export const fieldError = (name: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', { zh, en }, { errors: [{ field: name, message: msg(zh, en) }] });

export const venueNotFound = () => new AppError('NOT_FOUND', { zh: '找不到该场所', en: 'No such venue' });

const outOfReach = () => new AppError('FORBIDDEN', { zh: '该场所不在您的管辖范围内', en: 'This venue is outside your area' });

export function requireManage(caller: Caller, territoryCode: string | null): void {
  if (caller !== 'system' && !mayManageAt(caller, territoryCode)) throw outOfReach();
}

export function requireRoster(caller: Caller, venue: VenueTable): void {
  if (caller !== 'system' && !mayManageRoster(caller, venue)) throw outOfReach();
}

/**
 * The territory a venue is placed in, as stored (the short code): a hall's is a town or street
 * (9 digits) and required; stations and studios may have any territory, or none.
 */
export async function checkTerritory(db: Kysely<DB>, kind: VenueKind, input: string | null | undefined): Promise<string | null> {
  if (!input) {
    if (kind === 'hall') throw fieldError('territoryCode', '民生议事堂须属于一个镇（街道）', 'a hall belongs to a town or street');
    return null;
  }
  const t = await getTerritory(db, input);
  if (kind === 'hall' && t.level !== 'town') throw fieldError('territoryCode', '民生议事堂须属于一个镇（街道）', 'a hall belongs to a town or street');
  return t.code;
}

/** Only stations have a station kind, and every station has one. */
export function checkStationKind(kind: VenueKind, stationKind: string | null | undefined): void {
  if (kind === 'station' && !stationKind) throw fieldError('stationKind', '请选择驿站类型', 'choose the kind of station');
  if (kind !== 'station' && stationKind) throw fieldError('stationKind', '只有协商驿站有驿站类型', 'only stations have a station kind');
}

/** The head of a venue: an active account; a studio's is the member whose studio it is. */
export async function checkHead(db: Kysely<DB>, kind: VenueKind, accountId: string, field = 'headAccountId'): Promise<void> {
  const roles = kind === 'studio' ? ['member'] : ['station_head', 'member', 'town_official', 'district_staff'];
  const account = await accountWithRole(db, accountId, roles);
  if (!account?.hasRole)
    throw kind === 'studio'
      ? fieldError(field, '委员工作室的负责人须为政协委员', 'the head of a studio is a member')
      : fieldError(field, '负责人须为站长、委员、镇街或区政协人员', 'the head is a station head, member, town official or district staff');
}

export const hallExists = () => new AppError('HALL_EXISTS');
