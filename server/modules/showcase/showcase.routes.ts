import { contextOf, langOfRequest, type Deps, type ZodApp } from '../../infra/http/app.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { publishShowcaseItem } from './commands/publish-showcase-item.js';
import { unpublishShowcaseItem } from './commands/unpublish-showcase-item.js';
import { updateShowcaseItem } from './commands/update-showcase-item.js';
import { photoIdsOf, presentStaffItem, presentSummary } from './showcase.presenter.js';
import { findItem, findPhotoData, listAllItems, listPublished, territoryNames } from './showcase.repository.js';
import {
  candidatesSchema,
  detailSchema,
  idParams,
  photoParams,
  publicListQuery,
  publicListSchema,
  publishBody,
  staffItemSchema,
  staffListQuery,
  staffListSchema,
  updateBody,
  versionBody,
} from './showcase.schemas.js';
import { candidates, presentDetail } from './showcase.service.js';
import { z } from 'zod';

/** A photo served to the public: no script, no embedding elsewhere, its stored type only. */
const PHOTO_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

/** 成果展示: staff publish results; anyone reads them with their chain and published photos. */
export function showcaseRoutes(app: ZodApp, { database }: Deps) {
  const { db } = database;
  const tags = ['showcase'];
  const staffView = async (item: Parameters<typeof presentStaffItem>[0]) => presentStaffItem(item, await territoryNames(db, [item.territory_code ?? '']));

  app.get(
    '/showcase/candidates',
    { config: { access: 'showcase:manage' }, schema: { tags, summary: 'Results that may be published: implemented suggestions and closed appeals rated satisfied, not yet shown', response: { 200: candidatesSchema } } },
    async () => candidates(db),
  );

  app.get(
    '/showcase/items',
    { config: { access: 'showcase:manage' }, schema: { tags, summary: 'Every showcase item, published or taken down, newest first', querystring: staffListQuery, response: { 200: staffListSchema } } },
    async (req) => {
      const { rows, total } = await listAllItems(db, req.query.pageSize, (req.query.page - 1) * req.query.pageSize);
      const names = await territoryNames(db, rows.map((r) => r.territory_code ?? ''));
      return { total, items: rows.map((r) => presentStaffItem(r, names)) };
    },
  );

  app.post(
    '/showcase/items',
    { config: { access: 'showcase:manage' }, schema: { tags, summary: 'Publish a result with a title, a summary and chosen photos', body: publishBody, response: { 201: staffItemSchema } } },
    async (req, reply) => reply.status(201).send(await staffView(await publishShowcaseItem(db, contextOf(req), req.actor as Actor, req.body))),
  );

  app.patch(
    '/showcase/items/:id',
    { config: { access: 'showcase:manage' }, schema: { tags, summary: 'Correct a showcase item’s title, summary or photos', params: idParams, body: updateBody, response: { 200: staffItemSchema } } },
    async (req) => staffView(await updateShowcaseItem(db, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/showcase/items/:id/unpublish',
    { config: { access: 'showcase:manage' }, schema: { tags, summary: 'Take an item off the public pages', params: idParams, body: versionBody, response: { 200: staffItemSchema } } },
    async (req) => staffView(await unpublishShowcaseItem(db, contextOf(req), req.params.id, req.body.version)),
  );

  app.get(
    '/public/showcase',
    { config: { access: 'public' }, schema: { tags, summary: 'Published results, newest first (territory subtree, words in title or summary)', querystring: publicListQuery, response: { 200: publicListSchema } } },
    async (req) => {
      const { page, pageSize, territory, q } = req.query;
      const { rows, total } = await listPublished(db, { territory, q, limit: pageSize, offset: (page - 1) * pageSize });
      const names = await territoryNames(db, rows.map((r) => r.territory_code ?? ''));
      return { total, items: rows.map((r) => presentSummary(r, names)) };
    },
  );

  app.get(
    '/public/showcase/:id',
    { config: { access: 'public' }, schema: { tags, summary: 'A published result with its chain: concern → topic → event → suggestion → reply → implementation → rating', params: idParams, response: { 200: detailSchema } } },
    async (req) => {
      const item = await findItem(db, req.params.id);
      if (!item || item.unpublished_at !== null) throw new AppError('NOT_FOUND');
      return presentDetail(db, item, langOfRequest(req));
    },
  );

  app.get(
    '/public/showcase/:id/photos/:photoId',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A photo that staff published with an item (no other appeal photo is served here)', params: photoParams, response: { 200: z.unknown().meta({ type: 'string', format: 'binary' }) } },
    },
    async (req, reply) => {
      const item = await findItem(db, req.params.id);
      if (!item || item.unpublished_at !== null || !photoIdsOf(item).includes(req.params.photoId)) throw new AppError('NOT_FOUND');
      const photo = await findPhotoData(db, req.params.photoId);
      if (!photo) throw new AppError('NOT_FOUND');
      return reply
        .header('content-type', photo.mime)
        .header('content-security-policy', PHOTO_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=300')
        .header('etag', `"${photo.sha256}"`)
        .send(Buffer.from(photo.data));
    },
  );
}
