import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { updateCategory } from '../appeal-settings.repository.js';
import { listCategories } from '../appeals.repository.js';
import { invalidateReferenceData } from '../appeals.service.js';
import type { CategoryTable } from '../appeals.table.js';
import { placementProblem } from '../category-tree.js';
import { auditView, fieldError, parentInactive, placementError, requireReplyClass } from './category-guards.js';

export interface CategoryPatch {
  /** The version the administrator saw. */
  version: number;
  nameZh?: string;
  nameEn?: string;
  /** Moves the category (with its sub-categories); null makes it top level. */
  parentId?: string | null;
  /** New appeals take the new class; appeals already filed keep theirs. */
  deadlineClass?: string;
  sort?: number;
}

/** Renames, moves, re-classes or re-orders a category (compare-and-set on its version). */
export async function updateCategoryDetails(db: Kysely<DB>, ctx: CommandContext, id: string, patch: CategoryPatch): Promise<CategoryTable> {
  const row = await runCommand(
    db,
    ctx,
    async (tx, audit) => {
      const all = await listCategories(tx, true);
      const before = all.find((c) => c.id === id);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== patch.version) throw new AppError('VERSION_CONFLICT');
      const changes: Partial<CategoryTable> = {};
      if (patch.nameZh !== undefined && patch.nameZh !== before.name_zh) changes.name_zh = patch.nameZh;
      if (patch.nameEn !== undefined && patch.nameEn !== before.name_en) changes.name_en = patch.nameEn;
      if (patch.sort !== undefined && patch.sort !== before.sort) changes.sort = patch.sort;
      if (patch.deadlineClass !== undefined && patch.deadlineClass !== before.deadline_class) {
        await requireReplyClass(tx, patch.deadlineClass);
        changes.deadline_class = patch.deadlineClass;
      }
      if (patch.parentId !== undefined && patch.parentId !== before.parent_id) {
        const parent = patch.parentId === null ? null : all.find((c) => c.id === patch.parentId);
        if (parent === undefined) throw fieldError('parentId', '上级类别不存在', 'no such parent category');
        const problem = placementProblem(all, id, patch.parentId);
        if (problem) throw placementError(problem);
        // An active category never hangs under a deactivated one.
        if (parent && parent.active !== 1 && before.active === 1) throw parentInactive();
        changes.parent_id = patch.parentId;
      }
      if (Object.keys(changes).length === 0) return before;
      const after: CategoryTable = { ...before, ...changes, updated_at: new Date().toISOString(), version: before.version + 1 };
      if (!(await updateCategory(tx, id, before.version, { ...changes, updated_at: after.updated_at }))) throw new AppError('VERSION_CONFLICT');
      audit.record({ action: 'category.update', resourceType: 'category', resourceId: id, before: auditView(before), after: auditView(after) });
      return after;
    },
    { isolation: 'serializable' },
  );
  invalidateReferenceData(db);
  return row;
}
