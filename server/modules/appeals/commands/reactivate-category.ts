import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { updateCategory } from '../appeal-settings.repository.js';
import { listCategories } from '../appeals.repository.js';
import { invalidateReferenceData } from '../appeals.service.js';
import type { CategoryTable } from '../appeals.table.js';
import { parentInactive } from './category-guards.js';

/** Offers a deactivated category again (its parent must be active; its sub-categories stay as they are). */
export async function reactivateCategory(db: Kysely<DB>, ctx: CommandContext, id: string, version: number): Promise<CategoryTable> {
  const row = await runCommand(
    db,
    ctx,
    async (tx, audit) => {
      const all = await listCategories(tx, true);
      const before = all.find((c) => c.id === id);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== version) throw new AppError('VERSION_CONFLICT');
      if (before.active === 1) return before;
      const parent = before.parent_id ? all.find((c) => c.id === before.parent_id) : undefined;
      if (parent && parent.active !== 1) throw parentInactive();
      const now = new Date().toISOString();
      if (!(await updateCategory(tx, id, version, { active: 1, updated_at: now }))) throw new AppError('VERSION_CONFLICT');
      audit.record({
        action: 'category.reactivate',
        resourceType: 'category',
        resourceId: id,
        before: { code: before.code, active: false, version },
        after: { active: true, version: version + 1 },
      });
      return { ...before, active: 1, updated_at: now, version: version + 1 };
    },
    { isolation: 'serializable' },
  );
  invalidateReferenceData(db);
  return row;
}
