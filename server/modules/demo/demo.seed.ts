import path from 'node:path';
import type { Kysely } from 'kysely';
import { packageRoot } from '../../config.js';
import { seedOfficialCalendar } from '../../infra/calendar/calendar.service.js';
import { systemContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import {
  countAccounts,
  createAccount,
  createUnit,
  findAccountByUsername,
  findUnitByName,
  type Role,
  type ScopeType,
} from '../accounts/index.js';
import { countTerritories, importTerritories, openTerritoryFile } from '../territories/index.js';
import { seedAppealReferenceData } from '../appeals/index.js';
import { seedDemoVenues } from '../venues/index.js';
import { seedDemoConsultations } from '../consultations/index.js';

/** The product's own copy of the Xihu district territories (NBS 2023). */
export const XIHU_SEED_FILE = path.join(packageRoot(), 'seed', 'territories-xihu-330106.csv');
export const DEMO_PASSWORD = 'Minhu@2026';

export interface SeedResult {
  territoriesImported: number;
  demoAccounts: { username: string; role: Role }[];
  /** Set only when a first administrator was created outside demo mode. */
  generatedAdmin?: { username: string; password: string };
}

const DEMO_UNITS = [
  { name: '西湖区城市管理局', kind: 'government' as const, territoryCode: '330106' },
  { name: '西湖区住房和城乡建设局', kind: 'government' as const, territoryCode: '330106' },
  { name: '杭州市公共交通集团有限公司', kind: 'non_government' as const, territoryCode: '3301' },
];


/**
 * Start-up data: the official holiday calendar (missing days only) and, when the table is
 * empty, the Xihu territories; then either the
 * demo accounts (one per role, shared demo password) or a single administrator with a
 * generated password that is printed once.
 */
export async function seed(db: Kysely<DB>, mode: 'demo' | 'none'): Promise<SeedResult> {
  const ctx = systemContext('seed');
  const result: SeedResult = { territoriesImported: 0, demoAccounts: [] };
  // The shipped official calendar: new releases of it add their years on the next start.
  await seedOfficialCalendar(db);
  await seedAppealReferenceData(db);
  if ((await countTerritories(db)) === 0) {
    const report = await importTerritories(db, ctx, openTerritoryFile(XIHU_SEED_FILE), { source: 'seed/territories-xihu-330106.csv' });
    result.territoriesImported = report.rows;
  }
  if (mode === 'none') {
    if ((await countAccounts(db)) === 0) {
      // No password given: a generated one that must be changed at the first sign-in.
      const created = await createAccount(db, ctx, { username: 'admin', displayName: '系统管理员', grants: [{ role: 'admin', scopeType: 'district', scopeId: '' }] });
      result.generatedAdmin = { username: 'admin', password: created.initialPassword as string };
    }
    return result;
  }
  const unitIds: string[] = [];
  for (const u of DEMO_UNITS) {
    const existing = await findUnitByName(db, u.name);
    unitIds.push(existing ? existing.id : (await createUnit(db, ctx, u)).id);
  }
  const accounts: { username: string; displayName: string; role: Role; scopeType: ScopeType; scopeId: string }[] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', scopeType: 'district', scopeId: '' },
    { username: 'staff', displayName: '区政协 王敏', role: 'district_staff', scopeType: 'district', scopeId: '' },
    { username: 'dispatcher', displayName: '受理员 陈静', role: 'dispatcher', scopeType: 'district', scopeId: '' },
    { username: 'town', displayName: '北山街道 李强', role: 'town_official', scopeType: 'territory', scopeId: '330106002' },
    { username: 'station', displayName: '站长 赵𣵦', role: 'station_head', scopeType: 'venue', scopeId: 'demo-station-1' },
    { username: 'member', displayName: '委员 刘芳', role: 'member', scopeType: 'district', scopeId: '' },
    { username: 'clerk', displayName: '城管局 周伟', role: 'unit_clerk', scopeType: 'unit', scopeId: unitIds[0] as string },
    { username: 'resident', displayName: '居民 孙阿姨', role: 'resident', scopeType: 'district', scopeId: '' },
  ];
  for (const a of accounts) {
    if (!(await findAccountByUsername(db, a.username))) {
      await createAccount(db, ctx, {
        username: a.username,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        grants: [{ role: a.role, scopeType: a.scopeType, scopeId: a.scopeId }],
      });
    }
    result.demoAccounts.push({ username: a.username, role: a.role });
  }
  await seedDemoVenues(db);
  await seedDemoConsultations(db);
  return result;
}

