import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { auditView } from '../showcase.presenter.js';
import { findItemByRef, insertItem, updateItem } from '../showcase.repository.js';
import type { ShowcaseItemTable } from '../showcase.table.js';
import { checkPhotos, publishableRef } from './showcase-guards.js';

export interface NewShowcaseItem {
  kind: ShowcaseItemTable['kind'];
  refId: string;
  title: string;
  summary: string;
  photoIds: string[];
}

/**
 * District staff publish a result with their own title and summary and the photos they chose.
 * A record is shown once: publishing one that was taken down shows it again (same item).
 */
export async function publishShowcaseItem(db: Kysely<DB>, ctx: CommandContext, actor: Actor, input: NewShowcaseItem): Promise<ShowcaseItemTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const ref = await publishableRef(tx, input.kind, input.refId);
    await checkPhotos(tx, ref.appealIds, input.photoIds);
    const now = new Date().toISOString();
    const fields = {
      title: input.title,
      summary: input.summary,
      territory_code: ref.territoryCode,
      photo_ids: JSON.stringify(input.photoIds),
      published_by: actor.id,
      published_by_label: actor.label,
      published_at: now,
      unpublished_at: null,
      updated_at: now,
    };
    const existing = await findItemByRef(tx, input.kind, input.refId);
    let item: ShowcaseItemTable;
    if (existing) {
      if (existing.unpublished_at === null) throw new AppError('ALREADY_EXISTS');
      if (!(await updateItem(tx, existing.id, existing.version, fields))) throw new AppError('VERSION_CONFLICT');
      item = { ...existing, ...fields, version: existing.version + 1 };
    } else {
      item = { id: uuidv7(), kind: input.kind, ref_id: input.refId, ...fields, version: 1 };
      await insertItem(tx, item);
    }
    audit.record({ action: 'showcase.publish', resourceType: 'showcase_item', resourceId: item.id, before: existing ? auditView(existing) : null, after: auditView(item) });
    return item;
  });
}
