import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { AppealPhotoTable } from './appeals.table.js';

/** What a page needs to show a photo; never the bytes. */
export type PhotoRef = Pick<AppealPhotoTable, 'id' | 'event_id' | 'position' | 'mime' | 'size' | 'width' | 'height'>;

export async function insertPhoto(db: Kysely<DB>, row: AppealPhotoTable) {
  await db.insertInto('appeal_photo').values(row).execute();
}

/**
 * Claims a waiting upload for an appeal and the timeline event attaching it: compare-and-set on
 * "still unattached and not expired", so an upload joins one appeal only. False when it cannot.
 */
export async function attachPhoto(db: Kysely<DB>, id: string, to: { appealId: string; eventId: string; position: number }, now: string): Promise<boolean> {
  const r = await db
    .updateTable('appeal_photo')
    .set({ appeal_id: to.appealId, event_id: to.eventId, position: to.position, expires_at: null })
    .where('id', '=', id)
    .where('appeal_id', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findPhotoDigests(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('appeal_photo').select(['id', 'sha256', 'mime', 'size']).where('id', 'in', ids).execute();
}

export async function listAppealPhotos(db: Kysely<DB>, appealId: string): Promise<PhotoRef[]> {
  return db
    .selectFrom('appeal_photo')
    .select(['id', 'event_id', 'position', 'mime', 'size', 'width', 'height'])
    .where('appeal_id', '=', appealId)
    .orderBy('event_id')
    .orderBy('position')
    .execute();
}

/** The stored bytes of one of an appeal's photos. */
export async function findAppealPhotoData(db: Kysely<DB>, appealId: string, photoId: string) {
  return db.selectFrom('appeal_photo').select(['mime', 'sha256', 'data']).where('id', '=', photoId).where('appeal_id', '=', appealId).executeTakeFirst();
}

/** Removes uploads nobody attached in time; returns how many. */
export async function deleteExpiredPhotos(db: Kysely<DB>, now: string): Promise<number> {
  const r = await db.deleteFrom('appeal_photo').where('appeal_id', 'is', null).where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
