import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { insertCategory, listCategories } from '../appeals.repository.js';
import { invalidateReferenceData } from '../appeals.service.js';
import type { CategoryTable } from '../appeals.table.js';
import { depthOf, MAX_CATEGORY_DEPTH } from '../category-tree.js';
import { auditView, codeTaken, fieldError, parentInactive, placementError, requireReplyClass } from './category-guards.js';

export interface NewCategory {
  parentId: string | null;
  code: string;
  nameZh: string;
  nameEn: string;
  deadlineClass: string;
  /** Position among its siblings; after the last one when absent. */
  sort?: number;
}

/** An administrator adds a category (top level or under an active parent), offered at once for new appeals. */
export async function createCategory(db: Kysely<DB>, ctx: CommandContext, input: NewCategory): Promise<CategoryTable> {
  try {
    const row = await runCommand(
      db,
      ctx,
      async (tx, audit) => {
        const all = await listCategories(tx, true);
        if (all.some((c) => c.code === input.code)) throw codeTaken(input.code);
        await requireReplyClass(tx, input.deadlineClass);
        if (input.parentId !== null) {
          const parent = all.find((c) => c.id === input.parentId);
          if (!parent) throw fieldError('parentId', '上级类别不存在', 'no such parent category');
          if (parent.active !== 1) throw parentInactive();
          if (depthOf(all, parent.id) + 1 > MAX_CATEGORY_DEPTH) throw placementError('too_deep');
        }
        const siblings = all.filter((c) => c.parent_id === input.parentId);
        const now = new Date().toISOString();
        const row: CategoryTable = {
          id: uuidv7(),
          code: input.code,
          parent_id: input.parentId,
          name_zh: input.nameZh,
          name_en: input.nameEn,
          deadline_class: input.deadlineClass,
          active: 1,
          sort: input.sort ?? Math.max(-1, ...siblings.map((c) => c.sort)) + 1,
          created_at: now,
          updated_at: now,
          version: 1,
        };
        await insertCategory(tx, row);
        audit.record({ action: 'category.create', resourceType: 'category', resourceId: row.id, after: auditView(row) });
        return row;
      },
      { isolation: 'serializable' },
    );
    invalidateReferenceData(db);
    return row;
  } catch (err) {
    if (isUniqueViolation(err, 'category')) throw codeTaken(input.code);
    throw err;
  }
}
