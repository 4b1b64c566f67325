import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, systemContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { createAccount, findAccountByUsername } from '../accounts/index.js';
import { csv } from './commands/duty-rule-guards.js';
import type { OpeningHours } from './venues.schemas.js';
import { insertDutyRule, insertMemberProfile, insertVenue, insertVenueMember, searchVenues } from './venues.repository.js';
import type { DutyRuleTable, StationKind, VenueKind, VenueTable } from './venues.table.js';

/*
 * Demo venues and members for the Xihu demo district. Every person, address and roster here is
 * FICTIONAL (演示数据，纯属虚构): names are common Chinese names, addresses are made-up street
 * numbers marked 虚构. Deterministic: the same data on every start, added only when no venue exists.
 */

const TOWNS: [string, string][] = [
  ['330106002', '北山街道'],
  ['330106004', '西溪街道'],
  ['330106005', '翠苑街道'],
  ['330106007', '古荡街道'],
  ['330106008', '西湖街道'],
  ['330106009', '留下街道'],
  ['330106010', '转塘街道'],
  ['330106011', '蒋村街道'],
  ['330106012', '灵隐街道'],
  ['330106013', '文新街道'],
  ['330106109', '三墩镇'],
  ['330106110', '双浦镇'],
];

const SECTORS = ['中国共产党', '民盟', '民建', '民进', '农工党', '九三学社', '无党派人士', '经济界', '教育界', '医药卫生界', '文化艺术界', '科学技术界', '农业界', '社会福利和社会保障界'];
const COMMITTEES = ['提案委员会', '经济委员会', '社会和法制委员会', '文化文史和学习委员会', '农业农村委员会', '人口资源环境委员会'];

/** The demo's members: the existing `member` account and nineteen more who are named only (no password). */
const MEMBER_NAMES = ['王建国', '李秀英', '张伟', '陈丽华', '杨帆', '黄志强', '周婷', '吴海峰', '徐静', '孙立新', '马晓燕', '朱文博', '胡佳', '郭明', '何晓东', '林慧', '高峰', '罗娟', '郑浩然'];

const weekdayHours = (from: string, to: string, note: string | null, days = [1, 2, 3, 4, 5]): OpeningHours => ({
  ranges: days.map((weekday) => ({ weekday, from, to })),
  note,
});

interface DemoVenue {
  kind: VenueKind;
  stationKind: StationKind | null;
  name: string;
  territory: string;
  address: string;
  hours: OpeningHours;
}

const address = (town: string, street: string, no: number) => `杭州市西湖区${town}${street}${no}号（虚构地址）`;

const STATIONS: DemoVenue[] = [
  { kind: 'station', stationKind: 'community', name: '上保社区协商驿站', territory: '330106002051', address: address('北山街道', '保俶北路', 18), hours: weekdayHours('09:00', '17:00', '每周三下午委员进站接待') },
  { kind: 'station', stationKind: 'village', name: '龙井村协商驿站', territory: '330106008205', address: address('西湖街道', '龙井路', 66), hours: weekdayHours('08:30', '16:30', '茶季（3–5 月）周末照常开放', [1, 2, 3, 4, 5, 6]) },
  { kind: 'station', stationKind: 'park', name: '湿地公园协商驿站', territory: '330106011', address: address('蒋村街道', '天目山路', 518), hours: weekdayHours('09:00', '16:00', null, [2, 4, 6, 7]) },
  { kind: 'station', stationKind: 'business_district', name: '黄龙商圈协商驿站', territory: '330106004', address: address('西溪街道', '曙光路', 120), hours: weekdayHours('10:00', '18:00', null) },
  { kind: 'station', stationKind: 'building', name: '文新楼宇协商驿站', territory: '330106013', address: address('文新街道', '文一西路', 77), hours: weekdayHours('12:00', '13:30', '午间接待，方便楼宇白领') },
  { kind: 'station', stationKind: 'community', name: '五里塘社区协商驿站', territory: '330106109008', address: address('三墩镇', '振华路', 35), hours: weekdayHours('09:00', '11:30', null) },
];

const STUDIOS: DemoVenue[] = [
  { kind: 'studio', stationKind: null, name: '王建国委员工作室', territory: '330106007', address: address('古荡街道', '古墩路', 203), hours: weekdayHours('14:00', '17:00', '其他时间请预约', [2, 4]) },
  { kind: 'studio', stationKind: null, name: '陈丽华委员工作室', territory: '330106010', address: address('转塘街道', '之江路', 88), hours: weekdayHours('09:00', '12:00', null, [1, 3, 5]) },
  { kind: 'studio', stationKind: null, name: '周婷委员工作室', territory: '330106005', address: address('翠苑街道', '文三路', 301), hours: weekdayHours('15:00', '17:30', null, [3]) },
];

type RuleSpec = Pick<DutyRuleTable, 'freq' | 'start_time' | 'end_time' | 'holidays'> & { days: number[] };
const WEDNESDAY_PM: RuleSpec = { freq: 'weekly', days: [3], start_time: '14:00', end_time: '16:30', holidays: 'skip' };
const TENTH_TWENTIETH: RuleSpec = { freq: 'monthly', days: [10, 20], start_time: '09:00', end_time: '11:30', holidays: 'skip' };
const MON_WED_FRI: RuleSpec = { freq: 'weekly', days: [1, 3, 5], start_time: '09:00', end_time: '11:00', holidays: 'skip' };
const TUE_THU: RuleSpec = { freq: 'weekly', days: [2, 4], start_time: '14:00', end_time: '17:00', holidays: 'flag' };
const FIFTEENTH: RuleSpec = { freq: 'monthly', days: [15], start_time: '14:00', end_time: '16:00', holidays: 'skip' };

/** Adds the demo venues, members and rosters when there are no venues yet. */
export async function seedDemoVenues(db: Kysely<DB>): Promise<void> {
  if ((await searchVenues(db, {}, 1, 0)).total > 0) return;
  const ctx = systemContext('seed');
  const head = await findAccountByUsername(db, 'station');
  const firstMember = await findAccountByUsername(db, 'member');
  const members: string[] = firstMember ? [firstMember.id] : [];
  for (const [i, name] of MEMBER_NAMES.entries()) {
    // "weiyuan" (委员) sorts after the demo's role accounts in the accounts list.
    const username = `weiyuan${String(i + 1).padStart(2, '0')}`;
    const existing = await findAccountByUsername(db, username);
    members.push(existing ? existing.id : (await createAccount(db, ctx, { username, displayName: `委员 ${name}`, password: null, grants: [{ role: 'member', scopeType: 'district', scopeId: '' }] })).id);
  }
  const towns = new Map(TOWNS);
  const halls: DemoVenue[] = TOWNS.map(([code, town], i) => ({
    kind: 'hall',
    stationKind: null,
    name: `${town}民生议事堂`,
    territory: code,
    address: address(town, '民生路', 10 + i),
    hours: weekdayHours('08:30', '17:00', '协商活动日另行公告'),
  }));
  await runCommand(db, ctx, async (tx, audit) => {
    const now = new Date().toISOString();
    for (const [i, id] of members.entries()) {
      await insertMemberProfile(tx, { account_id: id, term: 11, sector: SECTORS[i % SECTORS.length] as string, committee: COMMITTEES[i % COMMITTEES.length] as string, created_at: now, updated_at: now, version: 1 });
    }
    const venues: VenueTable[] = [];
    for (const v of [...halls, ...STATIONS, ...STUDIOS]) {
      const row: VenueTable = {
        id: uuidv7(),
        kind: v.kind,
        station_kind: v.stationKind,
        name: v.name,
        territory_code: v.territory,
        hall_town_code: v.kind === 'hall' ? v.territory : null,
        address: v.address,
        opening_hours: JSON.stringify(v.hours),
        head_account_id: null,
        public: 1,
        active: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      venues.push(row);
    }
    // Heads: the demo station head runs the first station; each studio belongs to its member.
    const studioOwners = [members[1], members[4], members[7]];
    venues[halls.length]!.head_account_id = head?.id ?? null;
    STUDIOS.forEach((_, i) => (venues[halls.length + STATIONS.length + i]!.head_account_id = studioOwners[i] ?? null));
    for (const v of venues) await insertVenue(tx, v);

    // Who serves where, and when: every member at one or two venues, each with a duty rule.
    let next = 0;
    const take = () => members[next++ % members.length] as string;
    const plan: [VenueTable, string, RuleSpec][] = [];
    venues.forEach((v, i) => {
      if (v.kind === 'hall') plan.push([v, take(), FIFTEENTH]);
      else if (v.kind === 'studio') plan.push([v, v.head_account_id ?? take(), TUE_THU]);
      else {
        const first = i === halls.length && firstMember ? firstMember.id : take();
        plan.push([v, first, i % 2 === 0 ? WEDNESDAY_PM : MON_WED_FRI], [v, take(), TENTH_TWENTIETH]);
      }
    });
    const assigned = new Set<string>();
    for (const [venue, accountId, spec] of plan) {
      const key = `${venue.id}/${accountId}`;
      if (!assigned.has(key)) await insertVenueMember(tx, venue.id, accountId, now);
      assigned.add(key);
      await insertDutyRule(tx, {
        id: uuidv7(),
        venue_id: venue.id,
        account_id: accountId,
        freq: spec.freq,
        interval: 1,
        weekdays: spec.freq === 'weekly' ? csv(spec.days) : '',
        month_days: spec.freq === 'monthly' ? csv(spec.days) : '',
        start_date: '2026-01-01',
        end_date: null,
        start_time: spec.start_time,
        end_time: spec.end_time,
        holidays: spec.holidays,
        note: null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
    }
    audit.record({
      action: 'venue.seed',
      resourceType: 'venue',
      resourceId: null,
      after: { halls: halls.length, stations: STATIONS.length, studios: STUDIOS.length, members: members.length, rules: plan.length, towns: [...towns.keys()] },
    });
  });
}
