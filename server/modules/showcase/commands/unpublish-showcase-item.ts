import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { auditView } from '../showcase.presenter.js';
import { findItem, updateItem } from '../showcase.repository.js';
import type { ShowcaseItemTable } from '../showcase.table.js';

/** Takes an item off the public pages (its photos stop being served at once); the row stays. */
export async function unpublishShowcaseItem(db: Kysely<DB>, ctx: CommandContext, id: string, version: number): Promise<ShowcaseItemTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const before = await findItem(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    if (before.unpublished_at !== null) throw new AppError('ACTION_NOT_ALLOWED');
    const now = new Date().toISOString();
    const changes = { unpublished_at: now, updated_at: now };
    if (!(await updateItem(tx, id, version, changes))) throw new AppError('VERSION_CONFLICT');
    const after = { ...before, ...changes, version: version + 1 };
    audit.record({ action: 'showcase.unpublish', resourceType: 'showcase_item', resourceId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}
