import type { Kysely } from 'kysely';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { townOf } from '../showcase.presenter.js';
import { appealIdsOfSuggestion, findPublishableAppeal, findPublishableSuggestion, photosOfAppeals } from '../showcase.repository.js';
import type { ShowcaseItemTable } from '../showcase.table.js';

/**
 * Whether a record may be shown, and the town it belongs to: a suggestion must be public
 * (issued, not merged) and implemented (closed with an A reply, or 100 %); an appeal closed,
 * rated satisfied or basically satisfied, and not confidential.
 */
export async function publishableRef(db: Kysely<DB>, kind: ShowcaseItemTable['kind'], refId: string): Promise<{ territoryCode: string | null; appealIds: string[] }> {
  if (kind === 'consultation') {
    const s = await findPublishableSuggestion(db, refId);
    if (!s || s.issued_at === null || s.state === 'merged') throw new AppError('NOT_FOUND');
    const implemented = (s.state === 'closed' && s.grade === 'A') || s.progress >= 100;
    if (!implemented) throw new AppError('ACTION_NOT_ALLOWED');
    return { territoryCode: townOf(s.territory_code), appealIds: await appealIdsOfSuggestion(db, refId) };
  }
  const a = await findPublishableAppeal(db, refId);
  if (!a || a.confidential) throw new AppError('NOT_FOUND');
  if (!['closed', 'archived'].includes(a.state) || !a.rating || a.rating === 'unsatisfied') throw new AppError('ACTION_NOT_ALLOWED');
  return { territoryCode: townOf(a.territory_code), appealIds: [a.id] };
}

/** Only photos of the record's own appeals can be chosen. */
export async function checkPhotos(db: Kysely<DB>, appealIds: string[], photoIds: string[]): Promise<void> {
  if (!photoIds.length) return;
  const own = new Set((await photosOfAppeals(db, appealIds)).map((p) => p.id));
  const stray = photoIds.filter((p) => !own.has(p));
  if (stray.length || new Set(photoIds).size !== photoIds.length) {
    throw new AppError('VALIDATION_FAILED', undefined, { errors: [{ field: 'photoIds', message: '只能选择该记录所关联诉求的照片|only photos of the record’s own appeals can be chosen' }] });
  }
}
