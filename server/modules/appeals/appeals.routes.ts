import { z } from 'zod';
import type { Kysely } from 'kysely';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import type { DB } from '../../infra/db/schema.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { takeAppealAction } from './commands/take-appeal-action.js';
import { registerAppeal } from './commands/register-appeal.js';
import { isHandler, maySee, visibility } from './appeals.policy.js';
import { presentAppeal, presentAppealSummary, presentPublicStatus } from './appeals.presenter.js';
import {
  findAppeal,
  findAppealByTrackingNo,
  listAppealEvents,
  listAppealUnits,
  searchAppeals,
} from './appeals.repository.js';
import {
  actionBody,
  appealListSchema,
  appealSchema,
  appealsQuery,
  categorySchema,
  newAppealBody,
  publicStatusSchema,
  residentAppealBody,
  residentAppealReceipt,
  similarQuery,
  statusParams,
  statusQuery,
} from './appeals.schemas.js';
import { activeCategories, allCategories, deadlineDeps } from './appeals.service.js';
import { findSimilarAppeals } from './similar-appeals.js';
import { listAppealPhotos } from './appeal-photos.repository.js';
import { appealPhotoRoutes } from './appeal-photos.routes.js';
import { phoneMatch, reversedPrefix, trackingMatch } from './appeal-search.js';
import { searchClauses } from '../../infra/text/search-terms.js';
import { text as fieldText } from '../../infra/http/fields.js';
import { checkOneTimeCode, consumeOneTimeCode } from '../verification/index.js';
import type { AppealState } from './appeal.workflow.js';
import type { AppealTable } from './appeals.table.js';

async function detail(db: Kysely<DB>, appeal: AppealTable, actor: Actor | null) {
  const [units, events, photos, categories] = await Promise.all([
    listAppealUnits(db, appeal.id),
    listAppealEvents(db, appeal.id),
    listAppealPhotos(db, appeal.id),
    allCategories(db),
  ]);
  const unitIds = units.map((u) => u.unit_id);
  return presentAppeal(appeal, categories.find((c) => c.id === appeal.category_id), units, events, photos, actor, isHandler(actor, unitIds));
}

export function appealsRoutes(app: ZodApp, deps: Deps) {
  const { database, calendar, committer, config } = deps;
  const publicLimit = { max: config.publicRatePerMinute, timeWindow: '1 minute' };
  const { db } = database;
  const tags = ['appeals'];

  app.get(
    '/categories',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Appeal categories (a tree through parentId)', response: { 200: z.object({ items: z.array(categorySchema) }) } },
    },
    async () => ({
      items: (await activeCategories(db)).map((c) => ({ id: c.id, code: c.code, parentId: c.parent_id, nameZh: c.name_zh, nameEn: c.name_en, deadlineClass: c.deadline_class })),
    }),
  );

  app.post(
    '/appeals',
    {
      config: { access: 'appeals:register' },
      schema: { tags, summary: 'Register an appeal (hotline agent, member visit, integration)', body: newAppealBody, response: { 201: appealSchema } },
    },
    async (req, reply) => {
      const deps = await deadlineDeps(db, calendar);
      const channel = req.actor?.via === 'token' ? 'api' : req.body.channel;
      const { appeal, event, category } = await registerAppeal(db, contextOf(req), deps, { ...req.body, channel, onBehalf: channel === 'visit' }, { committer });
      // A new appeal has no units and one timeline entry: it is answered from what was stored
      // (read back only when photos came with it).
      if (req.body.photoIds?.length) return reply.status(201).send(await detail(db, appeal, req.actor));
      return reply.status(201).send(presentAppeal(appeal, category, [], [event], [], req.actor, isHandler(req.actor, [])));
    },
  );

  app.post(
    '/public/appeals',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        summary: 'A resident files an appeal without an account, with the one-time code sent to their phone',
        body: residentAppealBody,
        response: { 201: residentAppealReceipt },
      },
    },
    async (req, reply) => {
      const { phone, code, ...input } = req.body;
      const challenge = await checkOneTimeCode(db, phone, code);
      const { appeal } = await registerAppeal(
        db,
        { ...contextOf(req), actorLabel: `resident ${phone.slice(0, 3)}****${phone.slice(-4)}` },
        await deadlineDeps(db, calendar),
        { ...input, channel: 'web', residentPhone: phone, phoneVerified: true },
        { before: (tx) => consumeOneTimeCode(tx, challenge), committer },
      );
      return reply.status(201).send({
        trackingNo: appeal.tracking_no,
        state: appeal.state,
        createdAt: appeal.created_at,
        statusPath: `/status?no=${appeal.tracking_no}`,
      });
    },
  );

  app.get(
    '/appeals/similar',
    {
      config: { access: 'appeals:register' },
      schema: {
        tags,
        summary: 'Open appeals that look like the one being typed (same category, same town, similar text)',
        querystring: similarQuery,
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), trackingNo: z.string(), description: z.string(), territoryCode: z.string(), state: z.string(), createdAt: z.string(), score: z.number() })),
          }),
        },
      },
    },
    async (req) => ({
      items: (await findSimilarAppeals(db, req.query)).map(({ appeal: a, score }) => ({
        id: a.id,
        trackingNo: a.tracking_no,
        description: a.description,
        territoryCode: a.territory_code,
        state: a.state,
        createdAt: a.created_at,
        score: Math.round(score * 1000) / 1000,
      })),
    }),
  );

  app.get(
    '/public/appeals/similar',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        summary:
          'For a resident typing an appeal: how many open, non-confidential appeals nearby look the same, with their state and date only (no text, no number, no person)',
        querystring: similarQuery,
        response: { 200: z.object({ items: z.array(z.object({ state: z.string(), territoryCode: z.string(), createdAt: z.string() })) }) },
      },
    },
    async (req) => ({
      items: (await findSimilarAppeals(db, req.query, { excludeConfidential: true })).map(({ appeal: a }) => ({
        state: a.state,
        territoryCode: a.territory_code,
        createdAt: a.created_at,
      })),
    }),
  );

  app.get(
    '/appeals',
    {
      config: { access: 'appeals:work' },
      schema: {
        tags,
        summary: 'Appeals this person may see: newest first, or best match first when searching text',
        description:
          'Text, partial tracking numbers and phone endings are looked up in the search index, which the indexer fills within about a second of intake.',
        querystring: appealsQuery,
        response: { 200: appealListSchema },
      },
    },
    async (req) => {
      const { state, overdue, flagged, q, trackingNo, phone, categoryId, territory, limit, offset } = req.query;
      const scope = visibility(req.actor);
      const tracking = trackingNo ? trackingMatch(trackingNo) : undefined;
      const phoneBy = phone ? phoneMatch(phone) : undefined;
      const { rows, total } = await searchAppeals(
        db,
        {
          states: state?.split(',') as AppealState[] | undefined,
          overdueAt: overdue === 'true' ? new Date().toISOString() : undefined,
          flagged: flagged === 'true',
          text: q !== undefined ? searchClauses(q) : undefined,
          ...(tracking && 'exact' in tracking ? { trackingNo: tracking.exact } : {}),
          ...(tracking && 'prefix' in tracking ? { trackingPrefix: tracking.prefix } : {}),
          ...(tracking && 'suffix' in tracking ? { trackingSuffixReversed: reversedPrefix(tracking.suffix) } : {}),
          ...(phoneBy && 'exact' in phoneBy ? { phone: phoneBy.exact } : {}),
          ...(phoneBy && 'suffix' in phoneBy ? { phoneSuffixReversed: reversedPrefix(phoneBy.suffix) } : {}),
          categoryId,
          territoryPrefix: territory,
          ...('all' in scope ? {} : { visibleTo: scope }),
        },
        limit,
        offset,
      );
      const categories = await allCategories(db);
      const handlerAll = 'all' in scope;
      return {
        items: rows.map((a) =>
          presentAppealSummary(
            a,
            categories.find((c) => c.id === a.category_id),
            handlerAll || (!('all' in scope) && !!a.lead_unit_id && scope.unitIds.includes(a.lead_unit_id)),
          ),
        ),
        page: { limit, offset, total },
      };
    },
  );

  app.get(
    '/appeals/:id',
    {
      config: { access: 'appeals:read' },
      schema: { tags, summary: 'One appeal with its timeline, clocks and the actions this person may take', params: z.object({ id: z.string().uuid() }), response: { 200: appealSchema } },
    },
    async (req) => {
      const appeal = await findAppeal(db, req.params.id);
      const units = appeal ? (await listAppealUnits(db, appeal.id)).map((u) => u.unit_id) : [];
      if (!appeal || !maySee(req.actor, appeal, units)) throw new AppError('NOT_FOUND');
      return detail(db, appeal, req.actor);
    },
  );

  app.post(
    '/appeals/:id/actions',
    {
      config: { access: 'appeals:work' },
      schema: { tags, summary: 'Take a lifecycle action (dispatch, sign, reply, rate…)', params: z.object({ id: z.string().uuid() }), body: actionBody, response: { 200: appealSchema } },
    },
    async (req) => {
      const deps = await deadlineDeps(db, calendar);
      const appeal = await takeAppealAction(db, contextOf(req), req.actor, deps, req.params.id, req.body);
      return detail(db, appeal, req.actor);
    },
  );

  app.get(
    '/appeal-status/:trackingNo',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        summary: 'Status of an appeal for anyone with its tracking number and the last 4 digits of its phone number',
        params: statusParams,
        querystring: statusQuery,
        response: { 200: publicStatusSchema },
      },
    },
    async (req) => {
      const appeal = await findAppealByTrackingNo(db, req.params.trackingNo);
      if (!appeal || !appeal.resident_phone || !appeal.resident_phone.endsWith(req.query.last4))
        throw new AppError('NOT_FOUND', { zh: '没有找到该受理编号，或手机号后四位不符', en: 'No appeal with this number and phone digits' });
      const [events, photos, categories] = await Promise.all([listAppealEvents(db, appeal.id), listAppealPhotos(db, appeal.id), allCategories(db)]);
      const intake = events.find((e) => e.action === 'register')?.id;
      const photoCount = photos.filter((p) => p.event_id === intake).length;
      return presentPublicStatus(appeal, categories.find((c) => c.id === appeal.category_id), events, photoCount);
    },
  );

  appealPhotoRoutes(app, deps);
}
