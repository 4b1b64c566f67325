import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isForeignKeyViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { categoryHasAppeals, deleteCategory } from '../appeal-settings.repository.js';
import { listCategories } from '../appeals.repository.js';
import { invalidateReferenceData } from '../appeals.service.js';
import { auditView } from './category-guards.js';

const inUse = (zh: string, en: string) => new AppError('CATEGORY_IN_USE', { zh, en });

/**
 * Removes a category created by mistake. One that any appeal uses, or that has sub-categories,
 * is refused (deactivate it instead); the foreign keys back this up against a racing intake.
 */
export async function removeCategory(db: Kysely<DB>, ctx: CommandContext, id: string, version: number): Promise<void> {
  try {
    await runCommand(
      db,
      ctx,
      async (tx, audit) => {
        const all = await listCategories(tx, true);
        const before = all.find((c) => c.id === id);
        if (!before) throw new AppError('NOT_FOUND');
        if (before.version !== version) throw new AppError('VERSION_CONFLICT');
        if (all.some((c) => c.parent_id === id)) throw inUse('该类别下还有子类别', 'The category has sub-categories');
        if (await categoryHasAppeals(tx, id)) throw inUse('已有诉求使用该类别，只能停用', 'Appeals use this category; it can only be deactivated');
        if (!(await deleteCategory(tx, id, version))) throw new AppError('VERSION_CONFLICT');
        audit.record({ action: 'category.delete', resourceType: 'category', resourceId: id, before: auditView(before) });
      },
      { isolation: 'serializable' },
    );
  } catch (err) {
    if (isForeignKeyViolation(err)) throw inUse('已有诉求使用该类别，只能停用', 'Appeals use this category; it can only be deactivated');
    throw err;
  }
  invalidateReferenceData(db);
}
