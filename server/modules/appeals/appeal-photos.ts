import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../../infra/db/schema.js';
import { AppError } from '../../infra/http/errors.js';
import { processPhoto } from '../../infra/images/photo.js';
import { PollingLoop } from '../../infra/polling-loop.js';
import { attachPhoto, deleteExpiredPhotos, findPhotoDigests, insertPhoto } from './appeal-photos.repository.js';

/** Photos an intake or a reply may carry. */
export const MAX_PHOTOS = 6;
/** How long an upload waits for the form that will attach it (a slow phone, a long text). */
export const PENDING_MINUTES = 120;

/**
 * Stores an uploaded photo, unattached: checked by content, shrunk, re-encoded without metadata.
 * Not an audited change on its own — the intake or reply that attaches it records it.
 */
export async function storeUpload(db: Kysely<DB>, input: Buffer, now = new Date()) {
  const photo = await processPhoto(input);
  const row = {
    id: uuidv7(),
    appeal_id: null,
    event_id: null,
    position: null,
    mime: photo.mime,
    sha256: photo.sha256,
    size: photo.bytes.length,
    width: photo.width,
    height: photo.height,
    data: photo.bytes,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + PENDING_MINUTES * 60_000).toISOString(),
  };
  await insertPhoto(db, row);
  return row;
}

/**
 * Attaches waiting uploads to an appeal's timeline event, inside the command's transaction.
 * Returns what the audit record keeps of them (id and sha256).
 */
export async function attachUploads(tx: Kysely<DB>, photoIds: string[], to: { appealId: string; eventId: string }, now: Date) {
  if (photoIds.length === 0) return [];
  const refuse = () =>
    new AppError('VALIDATION_FAILED', { zh: '照片已过期或不存在，请重新上传', en: 'A photo has expired or does not exist; upload it again' }, {
      errors: [{ field: 'photoIds', message: '照片已过期或不存在，请重新上传' }],
    });
  if (new Set(photoIds).size !== photoIds.length || photoIds.length > MAX_PHOTOS) throw refuse();
  for (const [position, id] of photoIds.entries()) {
    if (!(await attachPhoto(tx, id, { ...to, position }, now.toISOString()))) throw refuse();
  }
  const rows = await findPhotoDigests(tx, photoIds);
  return photoIds.map((id) => ({ id, sha256: rows.find((r) => r.id === id)?.sha256 ?? '' }));
}

/** Sweeps expired uploads away on the background loop. */
export class PhotoSweeper {
  private readonly loop: PollingLoop;
  constructor(
    private readonly db: Kysely<DB>,
    logger: Pick<Logger, 'error'>,
  ) {
    this.loop = new PollingLoop('photo sweep', logger, () => this.runOnce());
  }

  /** Deletes every upload that expired before `now`; returns how many. */
  runOnce(now = new Date()): Promise<number> {
    return deleteExpiredPhotos(this.db, now.toISOString());
  }

  start(everyMs: number): void {
    this.loop.start(everyMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
