import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { auditView } from '../showcase.presenter.js';
import { findItem, updateItem } from '../showcase.repository.js';
import type { ShowcaseItemTable } from '../showcase.table.js';
import { checkPhotos, publishableRef } from './showcase-guards.js';

export interface ShowcasePatch {
  version: number;
  title?: string;
  summary?: string;
  photoIds?: string[];
}

/** Corrects a published item's title, summary or photos; compare-and-set on its version. */
export async function updateShowcaseItem(db: Kysely<DB>, ctx: CommandContext, id: string, patch: ShowcasePatch): Promise<ShowcaseItemTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const before = await findItem(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== patch.version) throw new AppError('VERSION_CONFLICT');
    if (patch.photoIds) await checkPhotos(tx, (await publishableRef(tx, before.kind, before.ref_id)).appealIds, patch.photoIds);
    const changes = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
      ...(patch.photoIds !== undefined ? { photo_ids: JSON.stringify(patch.photoIds) } : {}),
      updated_at: new Date().toISOString(),
    };
    if (!(await updateItem(tx, id, before.version, changes))) throw new AppError('VERSION_CONFLICT');
    const after = { ...before, ...changes, version: before.version + 1 };
    audit.record({ action: 'showcase.update', resourceType: 'showcase_item', resourceId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}
