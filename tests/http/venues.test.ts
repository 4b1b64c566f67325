import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { chinaDate } from '../../server/modules/venues/roster-recurrence.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE, HOSTILE_NAME } from '../support/hostile.js';
import { as, login, type Session } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

interface Person {
  accountId: string;
  name: string;
}
interface Venue {
  id: string;
  kind: string;
  name: string;
  territoryCode: string | null;
  address: string;
  head: Person | null;
  active: boolean;
  version: number;
}
interface Rule {
  id: string;
  version: number;
  exceptions: { id: string }[];
}
interface Slot {
  date: string;
  startTime: string;
  holiday: boolean;
  origin: string;
  member: Person;
  venueId: string;
}

const HOURS = { ranges: [{ weekday: 3, from: '09:00', to: '17:00' }], note: null };
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

describe.each(ENGINES)('venues, members and duty rosters over HTTP on %s', (engine) => {
  let t: TestApp;
  let staff: Session;
  let town: Session;
  let station: Session;
  let member: Session;
  let memberId: string;
  let otherMemberId: string;

  const api = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, lang?: 'en') =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(s, lang), ...(payload === undefined ? {} : { payload: payload as object }) });
  const members = async () => (await api(staff, 'GET', '/members')).json() as { items: (Person & { sector: string | null; venues: { id: string }[]; version: number | null })[] };
  const newStation = async (name: string, over: Record<string, unknown> = {}) => {
    const res = await api(staff, 'POST', '/venues', { kind: 'station', stationKind: 'community', name, territoryCode: '330106002051', address: '杭州市西湖区测试路 1 号（虚构）', openingHours: HOURS, ...over });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Venue;
  };

  beforeAll(async () => {
    t = await createTestApp({ engine });
    [staff, town, station, member] = await Promise.all([login(t.app, 'staff'), login(t.app, 'town'), login(t.app, 'station'), login(t.app, 'member')]);
    const all = (await members()).items;
    memberId = all.find((m) => m.name === '委员 刘芳')!.accountId;
    otherMemberId = all.find((m) => m.name === '委员 王建国')!.accountId;
  });
  afterAll(async () => t?.close());

  it('the demo has one hall in each of the 12 towns, stations of several kinds, studios and 20 members with profiles', async () => {
    const halls = (await api(staff, 'GET', '/venues?kind=hall&limit=50')).json() as { items: Venue[]; page: { total: number } };
    expect(halls.page.total).toBe(12);
    expect(new Set(halls.items.map((h) => h.territoryCode)).size).toBe(12);
    const stations = (await api(staff, 'GET', '/venues?kind=station&limit=50')).json() as { items: (Venue & { stationKind: string })[] };
    expect(new Set(stations.items.map((s) => s.stationKind))).toEqual(new Set(['village', 'community', 'park', 'building', 'business_district']));
    expect(((await api(staff, 'GET', '/venues?kind=studio')).json() as { items: Venue[] }).items.length).toBeGreaterThanOrEqual(3);
    const people = (await members()).items;
    expect(people).toHaveLength(20);
    expect(people.every((p) => p.sector && p.venues.length > 0)).toBe(true);
    for (const v of [...halls.items, ...stations.items]) expect(v.address).toContain('虚构');
  });

  it('one active hall per town: a second is refused, a closed hall frees the town, reopening needs it free', async () => {
    const halls = ((await api(staff, 'GET', '/venues?kind=hall&territory=330106002')).json() as { items: Venue[] }).items;
    expect(halls).toHaveLength(1);
    const existing = halls[0]!;
    const body = { kind: 'hall', name: '北山街道第二议事堂', territoryCode: '330106002', address: '杭州市西湖区虚构路 2 号', openingHours: HOURS };
    const dup = await api(staff, 'POST', '/venues', body, 'en');
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'HALL_EXISTS', title: 'This town or street already has a deliberation hall' });
    // A hall belongs to a town or street, not a community or the district.
    expect((await api(staff, 'POST', '/venues', { ...body, territoryCode: '330106002051' })).statusCode).toBe(400);
    expect((await api(staff, 'POST', '/venues', { ...body, territoryCode: null })).statusCode).toBe(400);
    const closed = await api(staff, 'POST', `/venues/${existing.id}/deactivate`, { version: existing.version });
    expect(closed.statusCode).toBe(200);
    const second = await api(staff, 'POST', '/venues', body);
    expect(second.statusCode).toBe(201);
    const reopen = await api(staff, 'POST', `/venues/${existing.id}/reactivate`, { version: (closed.json() as Venue).version });
    expect(reopen.json()).toMatchObject({ code: 'HALL_EXISTS' });
    // Put the demo back: close the new hall, reopen the old.
    const s = second.json() as Venue;
    expect((await api(staff, 'POST', `/venues/${s.id}/deactivate`, { version: s.version })).statusCode).toBe(200);
    expect((await api(staff, 'POST', `/venues/${existing.id}/reactivate`, { version: (closed.json() as Venue).version })).statusCode).toBe(200);
  });

  it('a town official manages venues in its own town only', async () => {
    const own = await api(town, 'POST', '/venues', { kind: 'station', stationKind: 'park', name: '宝石山公园驿站', territoryCode: '330106002', address: '虚构地址', openingHours: HOURS });
    expect(own.statusCode).toBe(201);
    const other = await api(town, 'POST', '/venues', { kind: 'station', stationKind: 'park', name: '他镇驿站', territoryCode: '330106004', address: '虚构地址', openingHours: HOURS });
    expect(other.statusCode).toBe(403);
    const noTerritory = await api(town, 'POST', '/venues', { kind: 'studio', name: '无区划工作室', address: '虚构地址', openingHours: HOURS });
    expect(noTerritory.statusCode).toBe(403);
    // Station kinds belong to stations only, and every station has one.
    expect((await api(staff, 'POST', '/venues', { kind: 'station', name: 'x', address: 'y', openingHours: HOURS })).statusCode).toBe(400);
    expect((await api(staff, 'POST', '/venues', { kind: 'studio', stationKind: 'park', name: 'x', address: 'y', openingHours: HOURS })).statusCode).toBe(400);
  });

  it('assignment (进站): members only, once; unassigning waits for their duty rules to go', async () => {
    const v = await newStation('测试驿站 A');
    expect((await api(staff, 'POST', `/venues/${v.id}/members`, { accountId: memberId })).statusCode).toBe(204);
    expect((await api(staff, 'POST', `/venues/${v.id}/members`, { accountId: memberId })).json()).toMatchObject({ code: 'ALREADY_EXISTS' });
    const staffId = ((await api(staff, 'GET', '/auth/session')).json() as { account: { id: string } }).account.id;
    expect((await api(staff, 'POST', `/venues/${v.id}/members`, { accountId: staffId })).statusCode).toBe(400);
    // A duty needs the member assigned first.
    const rule = { accountId: otherMemberId, freq: 'weekly', weekdays: [3], startDate: '2026-01-01', startTime: '09:00', endTime: '11:00' };
    expect((await api(staff, 'POST', `/venues/${v.id}/duty-rules`, rule)).json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'accountId' }] });
    const created = await api(staff, 'POST', `/venues/${v.id}/duty-rules`, { ...rule, accountId: memberId });
    expect(created.statusCode, created.body).toBe(201);
    expect((await api(staff, 'DELETE', `/venues/${v.id}/members/${memberId}`)).json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    const r = created.json() as Rule;
    expect((await api(staff, 'DELETE', `/duty-rules/${r.id}?version=${r.version}`)).statusCode).toBe(204);
    expect((await api(staff, 'DELETE', `/venues/${v.id}/members/${memberId}`)).statusCode).toBe(204);
    const detail = (await api(staff, 'GET', `/venues/${v.id}`)).json() as { members: Person[]; rules: Rule[] };
    expect(detail.members).toEqual([]);
    expect(detail.rules).toEqual([]);
  });

  it('roster expansion over October 2026: National Day skipped or flagged, exceptions applied', async () => {
    const v = await newStation('测试驿站 B');
    await api(staff, 'POST', `/venues/${v.id}/members`, { accountId: memberId });
    await api(staff, 'POST', `/venues/${v.id}/members`, { accountId: otherMemberId });
    const wed = (await api(staff, 'POST', `/venues/${v.id}/duty-rules`, { accountId: memberId, freq: 'weekly', weekdays: [3], startDate: '2026-01-01', startTime: '14:00', endTime: '16:30', holidays: 'skip' })).json() as Rule;
    const monthly = await api(staff, 'POST', `/venues/${v.id}/duty-rules`, { accountId: otherMemberId, freq: 'monthly', monthDays: [1, 10, 20], startDate: '2026-01-01', startTime: '09:00', endTime: '11:30', holidays: 'flag' });
    expect(monthly.statusCode).toBe(201);
    // Cancel the 21st, move the 28th to the 29th.
    expect((await api(staff, 'POST', `/duty-rules/${wed.id}/exceptions`, { kind: 'cancel', date: '2026-10-21' })).statusCode).toBe(201);
    expect((await api(staff, 'POST', `/duty-rules/${wed.id}/exceptions`, { kind: 'move', date: '2026-10-28', newDate: '2026-10-29', startTime: '09:00', endTime: '10:00' })).statusCode).toBe(201);
    // An exception on a date the rule does not have is refused, and a date is cancelled only once.
    expect((await api(staff, 'POST', `/duty-rules/${wed.id}/exceptions`, { kind: 'cancel', date: '2026-10-22' })).statusCode).toBe(400);
    expect((await api(staff, 'POST', `/duty-rules/${wed.id}/exceptions`, { kind: 'cancel', date: '2026-10-21' })).json()).toMatchObject({ code: 'ALREADY_EXISTS' });
    const res = await api(staff, 'GET', `/venues/${v.id}/duty?from=2026-10-01&to=2026-10-31`);
    expect(res.statusCode).toBe(200);
    const slots = (res.json() as { items: Slot[] }).items;
    expect(slots.map((s) => [s.date, s.member.accountId === memberId ? 'wed' : 'monthly', s.holiday, s.origin])).toEqual([
      ['2026-10-01', 'monthly', true, 'rule'],
      ['2026-10-10', 'monthly', false, 'rule'],
      ['2026-10-14', 'wed', false, 'rule'],
      ['2026-10-20', 'monthly', false, 'rule'],
      ['2026-10-29', 'wed', false, 'moved'],
    ]);
    // Too long a range is refused.
    expect((await api(staff, 'GET', `/venues/${v.id}/duty?from=2026-01-01&to=2027-06-01`)).statusCode).toBe(400);
    expect((await api(staff, 'GET', `/venues/${v.id}/duty?from=2026-02-30&to=2026-03-01`)).statusCode).toBe(400);
  });

  it("today's duty: on the public board and page by name only, in the member's own schedule, and as iCalendar", async () => {
    const v = await newStation('今日驿站', { headAccountId: null });
    await api(staff, 'POST', `/venues/${v.id}/members`, { accountId: memberId });
    const today = chinaDate(new Date());
    const rule = await api(staff, 'POST', `/venues/${v.id}/duty-rules`, { accountId: memberId, freq: 'weekly', weekdays: ALL_WEEK, startDate: today, startTime: '08:00', endTime: '20:00', holidays: 'flag' });
    expect(rule.statusCode, rule.body).toBe(201);

    const board = await api(null, 'GET', '/duty/today');
    expect(board.statusCode).toBe(200);
    const item = (board.json() as { date: string; items: { venue: { id: string }; duty: { name: string }[] }[] }).items.find((i) => i.venue.id === v.id);
    expect(item?.duty.map((d) => d.name)).toEqual(['委员 刘芳']);
    expect(board.body).not.toContain(memberId);
    expect(board.body).not.toMatch(/1[3-9]\d{9}/);

    const page = await api(null, 'GET', `/public/venues/${v.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ name: '今日驿站', today: { date: today, duty: [{ name: '委员 刘芳', startTime: '08:00' }] }, members: [{ name: '委员 刘芳' }] });
    expect(page.body).not.toContain(memberId);
    expect(page.body).not.toContain('phone');
    const list = (await api(null, 'GET', '/public/venues')).json() as { items: { id: string }[] };
    expect(list.items.some((i) => i.id === v.id)).toBe(true);

    const mine = (await api(member, 'GET', `/me/duty?from=${today}&to=${today}`)).json() as { items: Slot[] };
    expect(mine.items.some((s) => s.venueId === v.id)).toBe(true);

    for (const [who, url] of [[null, `/venues/${v.id}/duty.ics`], [member, '/me/duty.ics']] as const) {
      const ics = await api(who, 'GET', url);
      expect(ics.statusCode, ics.body).toBe(200);
      expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
      expect(ics.body).toContain('\r\n');
      const events = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      const todays = events.find((e) => e.summary.startsWith('今日驿站') && e.startDate.toJSDate().toISOString() === new Date(`${today}T08:00:00+08:00`).toISOString());
      expect(todays?.summary).toBe('今日驿站 值班：委员 刘芳');
    }

    // A closed or non-public venue has no public page or calendar.
    const detail = (await api(staff, 'GET', `/venues/${v.id}`)).json() as Venue;
    const hidden = await api(staff, 'PATCH', `/venues/${v.id}`, { version: detail.version, public: false });
    expect(hidden.statusCode).toBe(200);
    expect((await api(null, 'GET', `/public/venues/${v.id}`)).statusCode).toBe(404);
    expect((await api(null, 'GET', `/venues/${v.id}/duty.ics`)).statusCode).toBe(404);
  });

  it('a station head edits their own station’s roster, not another’s; a member only their own studio’s', async () => {
    const venues = ((await api(staff, 'GET', '/venues?kind=station&limit=50')).json() as { items: Venue[] }).items;
    const stationHeadId = ((await api(station, 'GET', '/auth/session')).json() as { account: { id: string } }).account.id;
    const own = venues.find((v) => v.head?.accountId === stationHeadId)!;
    const other = venues.find((v) => v.head?.accountId !== stationHeadId)!;
    const ownDetail = (await api(station, 'GET', `/venues/${own.id}`)).json() as { members: Person[]; may: { manage: boolean; roster: boolean } };
    expect(ownDetail.may).toEqual({ manage: false, roster: true });
    const rule = { accountId: ownDetail.members[0]!.accountId, freq: 'daily', interval: 7, startDate: '2027-01-04', startTime: '10:00', endTime: '11:00' };
    expect((await api(station, 'POST', `/venues/${own.id}/duty-rules`, rule)).statusCode).toBe(201);
    expect((await api(station, 'POST', `/venues/${other.id}/duty-rules`, rule)).statusCode).toBe(403);
    // Managing the venue itself stays with managers.
    expect((await api(station, 'PATCH', `/venues/${own.id}`, { version: own.version, name: 'x' })).statusCode).toBe(403);
    // The member 刘芳 owns no studio: she cannot touch rosters.
    expect((await api(member, 'POST', `/venues/${own.id}/duty-rules`, rule)).statusCode).toBe(403);
  });

  it('a stale version is a conflict (venue, rule, member profile)', async () => {
    const v = await newStation('并发驿站');
    const first = await api(staff, 'PATCH', `/venues/${v.id}`, { version: v.version, address: '新地址（虚构）' });
    expect(first.statusCode).toBe(200);
    const stale = await api(staff, 'PATCH', `/venues/${v.id}`, { version: v.version, address: '旧版本的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    await api(staff, 'POST', `/venues/${v.id}/members`, { accountId: memberId });
    const r = (await api(staff, 'POST', `/venues/${v.id}/duty-rules`, { accountId: memberId, freq: 'weekly', weekdays: [2], startDate: '2026-01-01', startTime: '09:00', endTime: '10:00' })).json() as Rule;
    expect((await api(staff, 'PATCH', `/duty-rules/${r.id}`, { version: r.version, weekdays: [2, 4] })).statusCode).toBe(200);
    expect((await api(staff, 'PATCH', `/duty-rules/${r.id}`, { version: r.version, weekdays: [5] })).json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await api(staff, 'DELETE', `/duty-rules/${r.id}?version=${r.version}`)).statusCode).toBe(409);
    const profile = (await members()).items.find((m) => m.accountId === memberId)!;
    expect((await api(staff, 'PUT', `/members/${memberId}`, { version: profile.version, term: 11, sector: '教育界', committee: '提案委员会' })).statusCode).toBe(200);
    expect((await api(staff, 'PUT', `/members/${memberId}`, { version: profile.version, term: 11, sector: '经济界' })).statusCode).toBe(409);
    // Only members have profiles.
    const staffId = ((await api(staff, 'GET', '/auth/session')).json() as { account: { id: string } }).account.id;
    expect((await api(staff, 'PUT', `/members/${staffId}`, { version: null, term: 11, sector: 'x' })).statusCode).toBe(400);
  });

  it('hostile text is stored verbatim and returned as data; limits and control characters are refused', async () => {
    const name = `${HOSTILE_NAME}`.slice(0, 64);
    const v = await newStation(name, { address: `${HOSTILE.link}${HOSTILE.placeholder}${HOSTILE.img}`, openingHours: { ranges: [], note: HOSTILE.script } });
    const got = (await api(null, 'GET', `/public/venues/${v.id}`)).json() as { name: string; address: string; openingHours: { note: string } };
    expect(got.name).toBe(name);
    expect(got.address).toBe(`${HOSTILE.link}${HOSTILE.placeholder}${HOSTILE.img}`);
    expect(got.openingHours.note).toBe(HOSTILE.script);
    expect((await api(staff, 'POST', '/venues', { kind: 'studio', name: '𣵦'.repeat(65), address: 'x', openingHours: HOURS })).statusCode).toBe(400);
    expect((await api(staff, 'POST', '/venues', { kind: 'studio', name: 'a\u202Eb', address: 'x', openingHours: HOURS })).statusCode).toBe(400);
    expect((await api(staff, 'POST', '/venues', { kind: 'studio', name: 'ok', address: 'x', openingHours: { ranges: [{ weekday: 8, from: '09:00', to: '10:00' }], note: null } })).statusCode).toBe(400);
    expect((await api(staff, 'POST', '/venues', { kind: 'studio', name: 'ok', address: 'x', openingHours: { ranges: [{ weekday: 1, from: '10:00', to: '09:00' }], note: null } })).statusCode).toBe(400);
  });

  it('every change is on an intact audit chain', async () => {
    const res = await api(staff, 'GET', '/audit?resourceType=venue&limit=200');
    expect(res.statusCode).toBe(200);
    const actions = new Set((res.json() as { items: { action: string }[] }).items.map((e) => e.action));
    for (const a of ['venue.seed', 'venue.create', 'venue.update', 'venue.deactivate', 'venue.reactivate', 'venue.assign_member', 'venue.unassign_member']) expect(actions, a).toContain(a);
    expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
  });
});
