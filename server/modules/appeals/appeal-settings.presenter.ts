import { isReplyClass } from './appeal.deadlines.js';
import type { CategoryTable, DeadlineClassTable } from './appeals.table.js';

/** A category as its administrators see it (the public list shows active ones only, without bookkeeping). */
export function presentAdminCategory(c: CategoryTable, inUse: boolean) {
  return {
    id: c.id,
    code: c.code,
    parentId: c.parent_id,
    nameZh: c.name_zh,
    nameEn: c.name_en,
    deadlineClass: c.deadline_class,
    active: c.active === 1,
    sort: c.sort,
    inUse,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    version: c.version,
  };
}

export function presentDeadlineClass(c: DeadlineClassTable) {
  return {
    code: c.code,
    nameZh: c.name_zh,
    nameEn: c.name_en,
    amount: c.amount,
    unit: c.unit,
    maxCount: c.max_count,
    usage: isReplyClass(c.code) ? ('reply' as const) : ('step' as const),
    updatedAt: c.updated_at,
    version: c.version,
  };
}
