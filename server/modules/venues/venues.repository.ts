import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { DutyExceptionTable, DutyRuleTable, MemberProfileTable, VenueKind, VenueTable } from './venues.table.js';

export async function findVenue(db: Kysely<DB>, id: string): Promise<VenueTable | undefined> {
  return db.selectFrom('venue').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findActiveHallOfTown(db: Kysely<DB>, townCode: string): Promise<VenueTable | undefined> {
  return db.selectFrom('venue').selectAll().where('hall_town_code', '=', townCode).executeTakeFirst();
}

export async function insertVenue(db: Kysely<DB>, row: VenueTable): Promise<void> {
  await db.insertInto('venue').values(row).execute();
}

/** Compare-and-set on (id, version): a stale version updates nothing. */
export async function updateVenue(db: Kysely<DB>, id: string, version: number, patch: Partial<Omit<VenueTable, 'id' | 'version' | 'created_at'>>): Promise<boolean> {
  const r = await db.updateTable('venue').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface VenueSearch {
  kind?: VenueKind;
  /** Venues in this territory subtree (short-code prefix). */
  territoryPrefix?: string;
  /** Only venues reachable by one of these territory prefixes (a town official's reach); undefined: all. */
  reach?: string[];
  q?: string;
  active?: boolean;
  publicOnly?: boolean;
}

/** A LIKE pattern matching the text anywhere, its own % and _ taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

function searchQuery(db: Kysely<DB>, s: VenueSearch) {
  let q = db.selectFrom('venue');
  if (s.kind) q = q.where('kind', '=', s.kind);
  if (s.territoryPrefix) q = q.where('territory_code', 'like', `${s.territoryPrefix}%`);
  if (s.reach) {
    const reach = s.reach;
    q = reach.length ? q.where((eb) => eb.or(reach.map((p) => eb('territory_code', 'like', `${p}%`)))) : q.where(sql<boolean>`1 = 0`);
  }
  if (s.q) {
    const like = likePattern(s.q);
    q = q.where((eb) => eb.or([sql<boolean>`name like ${like} escape '\\'`, sql<boolean>`address like ${like} escape '\\'`]));
  }
  if (s.active !== undefined) q = q.where('active', '=', s.active ? 1 : 0);
  if (s.publicOnly) q = q.where('public', '=', 1).where('active', '=', 1);
  return q;
}

export async function searchVenues(db: Kysely<DB>, s: VenueSearch, limit: number, offset: number): Promise<{ rows: VenueTable[]; total: number }> {
  const [rows, count] = await Promise.all([
    searchQuery(db, s).selectAll().orderBy('territory_code').orderBy('kind').orderBy('name').orderBy('id').limit(limit).offset(offset).execute(),
    searchQuery(db, s).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Active public venues, for today's duty board. */
export async function listPublicVenues(db: Kysely<DB>): Promise<VenueTable[]> {
  return db.selectFrom('venue').selectAll().where('public', '=', 1).where('active', '=', 1).orderBy('territory_code').orderBy('kind').orderBy('name').execute();
}

/** Display names of accounts (people are named in the venue pages; nothing else of theirs is read). */
export async function accountNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** An active account and whether it holds a role (any scope). */
export async function accountWithRole(db: Kysely<DB>, id: string, roles: string[]): Promise<{ id: string; display_name: string; hasRole: boolean } | undefined> {
  const account = await db.selectFrom('account').select(['id', 'display_name']).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
  if (!account) return undefined;
  const grant = await db.selectFrom('role_grant').select('id').where('account_id', '=', id).where('role', 'in', roles as never).limit(1).executeTakeFirst();
  return { ...account, hasRole: grant !== undefined };
}

/** Active accounts holding one of the roles, with their member profile when they have one. */
export async function listPeopleWithRoles(db: Kysely<DB>, roles: string[], q?: string) {
  let query = db
    .selectFrom('account')
    .leftJoin('member_profile', 'member_profile.account_id', 'account.id')
    .select([
      'account.id',
      'account.display_name',
      'member_profile.term',
      'member_profile.sector',
      'member_profile.committee',
      'member_profile.version',
      'member_profile.updated_at',
    ])
    .where('account.status', '=', 'active')
    .where((eb) => eb.exists(eb.selectFrom('role_grant').select('role_grant.id').whereRef('role_grant.account_id', '=', 'account.id').where('role_grant.role', 'in', roles as never)));
  if (q) query = query.where(sql<boolean>`account.display_name like ${likePattern(q)} escape '\\'`);
  return query.orderBy('account.display_name').orderBy('account.id').limit(500).execute();
}

export async function findMemberProfile(db: Kysely<DB>, accountId: string): Promise<MemberProfileTable | undefined> {
  return db.selectFrom('member_profile').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export async function listMemberProfiles(db: Kysely<DB>, accountIds: string[]): Promise<MemberProfileTable[]> {
  if (accountIds.length === 0) return [];
  return db.selectFrom('member_profile').selectAll().where('account_id', 'in', [...new Set(accountIds)]).execute();
}

export async function insertMemberProfile(db: Kysely<DB>, row: MemberProfileTable): Promise<void> {
  await db.insertInto('member_profile').values(row).execute();
}

export async function updateMemberProfile(db: Kysely<DB>, accountId: string, version: number, patch: Partial<Omit<MemberProfileTable, 'account_id' | 'version' | 'created_at'>>): Promise<boolean> {
  const r = await db.updateTable('member_profile').set({ ...patch, version: version + 1 }).where('account_id', '=', accountId).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listVenueMembers(db: Kysely<DB>, venueIds: string[]) {
  if (venueIds.length === 0) return [];
  return db.selectFrom('venue_member').selectAll().where('venue_id', 'in', venueIds).orderBy('created_at').execute();
}

export async function listVenuesOfMember(db: Kysely<DB>, accountId: string): Promise<VenueTable[]> {
  return db
    .selectFrom('venue_member')
    .innerJoin('venue', 'venue.id', 'venue_member.venue_id')
    .selectAll('venue')
    .where('venue_member.account_id', '=', accountId)
    .orderBy('venue.name')
    .execute();
}

export async function findVenueMember(db: Kysely<DB>, venueId: string, accountId: string) {
  return db.selectFrom('venue_member').selectAll().where('venue_id', '=', venueId).where('account_id', '=', accountId).executeTakeFirst();
}

export async function insertVenueMember(db: Kysely<DB>, venueId: string, accountId: string, now: string): Promise<void> {
  await db.insertInto('venue_member').values({ venue_id: venueId, account_id: accountId, created_at: now }).execute();
}

export async function deleteVenueMember(db: Kysely<DB>, venueId: string, accountId: string): Promise<boolean> {
  const r = await db.deleteFrom('venue_member').where('venue_id', '=', venueId).where('account_id', '=', accountId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function findDutyRule(db: Kysely<DB>, id: string): Promise<DutyRuleTable | undefined> {
  return db.selectFrom('duty_rule').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rules of some venues, or of one member (their own schedule). */
export async function listDutyRules(db: Kysely<DB>, by: { venueIds: string[] } | { accountId: string }): Promise<DutyRuleTable[]> {
  let q = db.selectFrom('duty_rule').selectAll();
  if ('venueIds' in by) {
    if (by.venueIds.length === 0) return [];
    q = q.where('venue_id', 'in', by.venueIds);
  } else q = q.where('account_id', '=', by.accountId);
  return q.orderBy('start_time').orderBy('id').execute();
}

export async function countRulesOfMemberAtVenue(db: Kysely<DB>, venueId: string, accountId: string): Promise<number> {
  const r = await db.selectFrom('duty_rule').select((eb) => eb.fn.countAll<number>().as('n')).where('venue_id', '=', venueId).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertDutyRule(db: Kysely<DB>, row: DutyRuleTable): Promise<void> {
  await db.insertInto('duty_rule').values(row).execute();
}

export async function updateDutyRule(db: Kysely<DB>, id: string, version: number, patch: Partial<Omit<DutyRuleTable, 'id' | 'venue_id' | 'version' | 'created_at'>>): Promise<boolean> {
  const r = await db.updateTable('duty_rule').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Compare-and-set delete; its exceptions go with it. */
export async function deleteDutyRule(db: Kysely<DB>, id: string, version: number): Promise<boolean> {
  await db.deleteFrom('duty_exception').where('rule_id', '=', id).where((eb) => eb.exists(eb.selectFrom('duty_rule').select('id').where('id', '=', id).where('version', '=', version))).execute();
  const r = await db.deleteFrom('duty_rule').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function listDutyExceptions(db: Kysely<DB>, ruleIds: string[]): Promise<DutyExceptionTable[]> {
  if (ruleIds.length === 0) return [];
  return db.selectFrom('duty_exception').selectAll().where('rule_id', 'in', ruleIds).orderBy('date').orderBy('id').execute();
}

export async function findDutyException(db: Kysely<DB>, id: string): Promise<DutyExceptionTable | undefined> {
  return db.selectFrom('duty_exception').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDutyException(db: Kysely<DB>, row: DutyExceptionTable): Promise<void> {
  await db.insertInto('duty_exception').values(row).execute();
}

export async function deleteDutyException(db: Kysely<DB>, id: string): Promise<boolean> {
  const r = await db.deleteFrom('duty_exception').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The venues each of these people serves at (进站), with the venue's name and kind. */
export async function listMemberships(db: Kysely<DB>, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('venue_member')
    .innerJoin('venue', 'venue.id', 'venue_member.venue_id')
    .select(['venue_member.account_id', 'venue.id', 'venue.name', 'venue.kind', 'venue.active'])
    .where('venue_member.account_id', 'in', [...new Set(accountIds)])
    .orderBy('venue.name')
    .execute();
}

/** The venues a person heads (站长, a hall's lead, a studio's member). */
export async function venueIdsHeadedBy(db: Kysely<DB>, accountId: string): Promise<string[]> {
  return (await db.selectFrom('venue').select('id').where('head_account_id', '=', accountId).execute()).map((r) => r.id);
}

/** Venues by id (those that exist). */
export async function listVenuesByIds(db: Kysely<DB>, ids: string[]): Promise<VenueTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('venue').selectAll().where('id', 'in', ids).execute();
}
