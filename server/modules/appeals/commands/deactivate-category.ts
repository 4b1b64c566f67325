import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { updateCategory } from '../appeal-settings.repository.js';
import { listCategories } from '../appeals.repository.js';
import { invalidateReferenceData } from '../appeals.service.js';
import type { CategoryTable } from '../appeals.table.js';
import { descendantsOf } from '../category-tree.js';

/**
 * Stops offering a category (and its sub-categories) for new appeals. Appeals already filed
 * under it keep it and keep showing its name; nothing is deleted.
 */
export async function deactivateCategory(db: Kysely<DB>, ctx: CommandContext, id: string, version: number): Promise<CategoryTable> {
  const row = await runCommand(
    db,
    ctx,
    async (tx, audit) => {
      const all = await listCategories(tx, true);
      const before = all.find((c) => c.id === id);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== version) throw new AppError('VERSION_CONFLICT');
      const now = new Date().toISOString();
      const below = descendantsOf(all, id)
        .map((d) => all.find((c) => c.id === d) as CategoryTable)
        .filter((c) => c.active === 1);
      const targets = before.active === 1 ? [before, ...below] : below;
      if (targets.length === 0) return before;
      for (const c of targets) {
        if (!(await updateCategory(tx, c.id, c.version, { active: 0, updated_at: now }))) throw new AppError('VERSION_CONFLICT');
      }
      audit.record({
        action: 'category.deactivate',
        resourceType: 'category',
        resourceId: id,
        before: { code: before.code, active: before.active === 1, version: before.version },
        after: { active: false, alsoDeactivated: below.map((c) => c.code) },
      });
      return { ...before, active: 0, updated_at: now, version: before.active === 1 ? before.version + 1 : before.version };
    },
    { isolation: 'serializable' },
  );
  invalidateReferenceData(db);
  return row;
}
