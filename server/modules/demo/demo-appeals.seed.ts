import type { Kysely } from 'kysely';
import { CalendarService } from '../../infra/calendar/calendar.service.js';
import { systemContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { activeCategories, countAppeals, deadlineDeps, registerAppeal } from '../appeals/index.js';

/**
 * Fictional phone appeals for the demo, so that "candidate topics" has something to group:
 * one concern reported five times and another three times in 北山街道, plus one-offs.
 * Every place and complaint here is made up.
 */
const DEMO_APPEALS: [category: string, village: string, text: string][] = [
  ['traffic.bus', '330106002051', '保俶路公交站台顶棚破了，下雨天老人候车淋雨（演示数据）'],
  ['traffic.bus', '330106002051', '保俶路公交站的雨棚坏了好几天了，等车没地方躲雨（演示数据）'],
  ['traffic.bus', '330106002051', '北山街道保俶路公交站台顶棚损坏漏雨，请尽快修理（演示数据）'],
  ['traffic.bus', '330106002051', '保俶路公交站台顶棚漏雨，候车的人都淋湿了（演示数据）'],
  ['traffic.bus', '330106002051', '公交站台顶棚破损，保俶路站下雨没法候车（演示数据）'],
  ['environment.noise', '330106002051', '宝石山下小区广场舞音乐太吵，晚上十点还在跳（演示数据）'],
  ['environment.noise', '330106002051', '宝石山小区楼下广场舞噪音大，影响休息（演示数据）'],
  ['environment.noise', '330106002051', '宝石山下小区广场舞声音太响，老人孩子睡不着（演示数据）'],
  ['traffic.parking', '330106002051', '小区门口共享单车乱停放，挡住盲道（演示数据）'],
];

/** Registers the demo's appeals on a database that has none (a demo server's first start). */
export async function seedDemoAppeals(db: Kysely<DB>): Promise<number> {
  if ((await countAppeals(db)) > 0) return 0;
  const categories = await activeCategories(db);
  const deps = await deadlineDeps(db, new CalendarService(db));
  const ctx = systemContext('seed');
  for (const [code, territoryCode, description] of DEMO_APPEALS) {
    const category = categories.find((c) => c.code === code);
    if (!category) continue;
    await registerAppeal(db, ctx, deps, { channel: 'agent', categoryId: category.id, territoryCode, description, anonymous: true });
  }
  return DEMO_APPEALS.length;
}
