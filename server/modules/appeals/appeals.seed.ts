import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, systemContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { DEFAULT_DEADLINE_CLASSES } from './appeal.deadlines.js';
import { findCategoryByCode, insertCategory, insertMissingDeadlineClasses } from './appeals.repository.js';

/** A starting category tree (admin-editable): code, 中文, English, deadline class. */
const CATEGORY_TREE: [string, string, string, string, [string, string, string, string][]][] = [
  ['city', '城市管理', 'City management', 'general', [
    ['city.appearance', '市容环境', 'Street cleanliness', 'general'],
    ['city.stalls', '占道经营', 'Street vending', 'general'],
    ['city.illegal-building', '违章搭建', 'Illegal construction', 'complaint'],
  ]],
  ['traffic', '交通出行', 'Transport', 'general', [
    ['traffic.bus', '公交线路', 'Bus routes', 'general'],
    ['traffic.roads', '道路设施', 'Roads and signs', 'general'],
    ['traffic.parking', '停车管理', 'Parking', 'general'],
  ]],
  ['property', '物业服务', 'Property services', 'general', [
    ['property.management', '物业管理', 'Property management', 'complaint'],
    ['property.elevator', '电梯加装与维修', 'Lifts', 'general'],
  ]],
  ['environment', '环境保护', 'Environment', 'general', [
    ['environment.noise', '噪声扰民', 'Noise', 'general'],
    ['environment.water', '水污染', 'Water pollution', 'complaint'],
  ]],
  ['public', '公共服务', 'Public services', 'general', [
    ['public.policy', '政策咨询', 'Policy questions', 'consultation'],
    ['public.community', '社区服务', 'Community services', 'general'],
    ['public.elderly', '养老服务', 'Elderly care', 'general'],
  ]],
];

/** Deadline classes and the category tree, added when missing (never overwriting edits). */
export async function seedAppealReferenceData(db: Kysely<DB>): Promise<void> {
  const now = new Date().toISOString();
  await insertMissingDeadlineClasses(db, DEFAULT_DEADLINE_CLASSES.map((c) => ({ ...c, updated_at: now, version: 1 })));
  if (await findCategoryByCode(db, 'city')) return;
  await runCommand(db, systemContext('seed'), async (tx, audit) => {
    let sort = 0;
    for (const [code, zh, en, cls, children] of CATEGORY_TREE) {
      const id = uuidv7();
      await insertCategory(tx, { id, code, parent_id: null, name_zh: zh, name_en: en, deadline_class: cls, active: 1, sort: sort++, created_at: now, updated_at: now, version: 1 });
      for (const [ccode, czh, cen, ccls] of children) {
        await insertCategory(tx, { id: uuidv7(), code: ccode, parent_id: id, name_zh: czh, name_en: cen, deadline_class: ccls, active: 1, sort: sort++, created_at: now, updated_at: now, version: 1 });
      }
    }
    audit.record({ action: 'category.seed', resourceType: 'category', resourceId: null, after: { categories: CATEGORY_TREE.map((c) => c[0]) } });
  });
}
