import { z } from 'zod';
import type { Deps, ZodApp } from '../../infra/http/app.js';
import { AppError } from '../../infra/http/errors.js';
import { storeUpload, PENDING_MINUTES } from './appeal-photos.js';
import { findAppealPhotoData } from './appeal-photos.repository.js';
import { maySee } from './appeals.policy.js';
import { findAppeal, listAppealUnits } from './appeals.repository.js';
import { uploadReceipt } from './appeals.schemas.js';

/** The declared type does not matter (the content is checked); these are what clients send. */
const UPLOAD_TYPES = ['application/octet-stream', 'image/jpeg', 'image/png', 'image/webp'];

/** An image shown on its own can run nothing and load nothing. */
const PHOTO_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

/** Uploading a photo (raw body, one per request, for per-photo progress on slow phones) and serving it. */
export function appealPhotoRoutes(app: ZodApp, { database, config }: Deps) {
  const { db } = database;
  const tags = ['appeals'];
  const mb = Math.round((config.photoMaxBytes / 1024 / 1024) * 10) / 10;
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', { zh: `每张照片不能超过 ${mb} MB`, en: `Each photo must be at most ${mb} MB` });

  app.register(async (scope: ZodApp) => {
    scope.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: config.photoMaxBytes }, (_req, body, done) => done(null, body));
    scope.post(
      '/photos',
      {
        config: { access: 'public', rateLimit: { max: config.publicRatePerMinute, timeWindow: '1 minute' } },
        bodyLimit: config.photoMaxBytes,
        // Refuse a declared oversize body before reading a byte of it.
        onRequest: async (req) => {
          if (Number(req.headers['content-length'] ?? 0) > config.photoMaxBytes) throw tooLarge();
        },
        schema: {
          tags,
          summary: `Upload one photo (JPEG, PNG or WebP, checked by content) as the raw request body; attach it within ${PENDING_MINUTES} minutes by listing its id in photoIds`,
          consumes: UPLOAD_TYPES,
          body: z.custom<Buffer>((b) => Buffer.isBuffer(b), { message: '请上传照片文件|send the photo as the request body' }).meta({ type: 'string', format: 'binary' }),
          response: { 201: uploadReceipt },
        },
      },
      async (req, reply) => {
        if (req.body.length === 0) throw new AppError('NOT_AN_IMAGE');
        if (req.body.length > config.photoMaxBytes) throw tooLarge();
        const row = await storeUpload(db, req.body);
        return reply.status(201).send({ id: row.id, mime: row.mime, size: row.size, width: row.width, height: row.height, expiresAt: row.expires_at });
      },
    );
  });

  app.get(
    '/appeals/:id/photos/:photoId',
    {
      config: { access: 'appeals:read' },
      schema: {
        tags,
        summary: "One of an appeal's photos, for whoever may read the appeal (never on the public status page)",
        params: z.object({ id: z.string().uuid(), photoId: z.string().uuid() }),
        response: { 200: z.unknown().meta({ type: 'string', format: 'binary', description: 'image/jpeg, image/png or image/webp' }) },
      },
    },
    async (req, reply) => {
      const appeal = await findAppeal(db, req.params.id);
      const units = appeal ? (await listAppealUnits(db, appeal.id)).map((u) => u.unit_id) : [];
      if (!appeal || !maySee(req.actor, appeal, units)) throw new AppError('NOT_FOUND');
      const photo = await findAppealPhotoData(db, appeal.id, req.params.photoId);
      if (!photo) throw new AppError('NOT_FOUND');
      return reply
        .header('content-type', photo.mime)
        .header('content-security-policy', PHOTO_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="${req.params.photoId}.${photo.mime.slice(6)}"`)
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${photo.sha256}"`)
        .send(Buffer.from(photo.data));
    },
  );
}
