import { z } from 'zod';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { addStatement } from './commands/add-statement.js';
import { castVote } from './commands/cast-vote.js';
import { closeOnlineConsultation } from './commands/close-online-consultation.js';
import { createOnlineConsultation } from './commands/create-online-consultation.js';
import { joinOnlineConsultation } from './commands/join-online-consultation.js';
import { moderateStatement } from './commands/moderate-statement.js';
import { promoteStatement } from './commands/promote-statement.js';
import { MapLive } from './map-live.js';
import { organises, requireOrganiser } from './online.policy.js';
import { presentMap, presentOrganiserSummary, presentPublicDetail, presentStatement, presentSummary } from './online.presenter.js';
import { countsOf, countVotesOf, eventTitle, listOnline, listPublicOnline, listStatements, mapVersions, topicTitle } from './online.repository.js';
import {
  addedStatementSchema,
  createBody,
  idParams,
  joinBody,
  joinSchema,
  listQuery,
  mapSchema,
  moderationBody,
  nextSchema,
  organiserDetailSchema,
  organiserListSchema,
  organiserStatementSchema,
  organiserSummarySchema,
  participantHeaders,
  promoteSchema,
  publicDetailSchema,
  publicListSchema,
  statementBody,
  statementParams,
  voteBody,
  voteSchema,
} from './online.schemas.js';
import { getOnline, MapCache, nextStatement, optionalParticipant, participantOf } from './online.service.js';
import type { OnlineConsultationTable } from './online.table.js';

const TOKEN = 'x-participant-token';

/** 线上微协商: residents vote on short statements and add their own; organisers seed, moderate, close and promote; the opinion map is recomputed in the background. */
export function onlineRoutes(app: ZodApp, { config, database, logger, committer }: Deps) {
  const { db } = database;
  const tags = ['online-consultations'];
  const maps = new MapCache();
  const live = new MapLive(db, logger);
  app.addHook('preClose', (done) => {
    live.close();
    done();
  });

  const organiserView = async (o: OnlineConsultationTable) => {
    const [counts, event, topic] = await Promise.all([countsOf(db, [o.id]), eventTitle(db, o.consultation_id), topicTitle(db, o.topic_id)]);
    return presentOrganiserSummary(o, counts.get(o.id), event, topic);
  };
  const organiserDetail = async (o: OnlineConsultationTable) => {
    const statements = await listStatements(db, o.id);
    return { ...(await organiserView(o)), statements: statements.map(presentStatement), pendingCount: statements.filter((s) => s.status === 'pending').length };
  };
  const organised = async (actor: Actor | null, id: string) => {
    const o = await getOnline(db, id);
    await requireOrganiser(db, actor, o);
    return o;
  };

  // Public and participant routes

  app.get(
    '/public/online',
    { config: { access: 'public' }, schema: { tags, summary: 'Online consultations: open ones first, then closed', response: { 200: publicListSchema } } },
    async () => {
      const rows = await listPublicOnline(db);
      const counts = await countsOf(db, rows.map((r) => r.id));
      return { items: rows.map((r) => presentSummary(r, counts.get(r.id))) };
    },
  );

  app.get(
    '/public/online/:id',
    { config: { access: 'public' }, schema: { tags, summary: 'An online consultation: how to join, its state and counts, the event or topic it belongs to', params: idParams, response: { 200: publicDetailSchema } } },
    async (req) => {
      const o = await getOnline(db, req.params.id);
      const [counts, event, topic] = await Promise.all([countsOf(db, [o.id]), eventTitle(db, o.consultation_id), topicTitle(db, o.topic_id)]);
      return presentPublicDetail(o, counts.get(o.id), event, topic);
    },
  );

  app.post(
    '/public/online/:id/participants',
    {
      // Households and classrooms join from one address: ten times the public limit.
      config: { access: 'public', rateLimit: { max: config.publicRatePerMinute * 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Join: `{ deviceId }` (device mode) or `{ phone, code }` (phone mode, code from POST /public/otp with purpose `online`); the same device or phone is the same participant', params: idParams, body: joinBody, response: { 201: joinSchema } },
    },
    async (req, reply) => {
      const { participantToken } = await joinOnlineConsultation(db, contextOf(req), req.params.id, req.body);
      return reply.status(201).send({ participantToken });
    },
  );

  app.get(
    '/public/online/:id/next',
    { config: { access: 'public' }, schema: { tags, summary: 'The next statement for this participant (header x-participant-token), drawn by priority; null when none is left or the consultation is closed', params: idParams, headers: participantHeaders, response: { 200: nextSchema } } },
    async (req) => {
      const p = await participantOf(db, req.params.id, req.headers[TOKEN]);
      const o = await getOnline(db, req.params.id);
      const voted = await countVotesOf(db, p.id);
      // Closed: nothing more to vote on; the page shows the map.
      if (o.state !== 'open') return { statement: null, voted, remaining: 0 };
      const next = await nextStatement(db, maps, o.id, p.id);
      return { statement: next.statement, voted, remaining: next.remaining };
    },
  );

  app.post(
    '/public/online/:id/votes',
    { config: { access: 'public' }, schema: { tags, summary: 'Agree (1), disagree (−1) or pass (0) on a statement; a later vote replaces the earlier one', params: idParams, headers: participantHeaders, body: voteBody, response: { 200: voteSchema } } },
    async (req) => {
      const p = await participantOf(db, req.params.id, req.headers[TOKEN]);
      return castVote(db, committer, contextOf(req), p, req.body.statementId, req.body.vote);
    },
  );

  app.post(
    '/public/online/:id/statements',
    {
      config: { access: 'public', rateLimit: { max: config.publicRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Add a statement (2–140 characters): pending under pre-moderation, accepted under post-moderation', params: idParams, headers: participantHeaders, body: statementBody, response: { 201: addedStatementSchema } },
    },
    async (req, reply) => {
      const p = await participantOf(db, req.params.id, req.headers[TOKEN]);
      const s = await addStatement(db, contextOf(req), req.params.id, { kind: 'participant', participant: p }, req.body.text);
      return reply.status(201).send({ id: s.id, status: s.status });
    },
  );

  app.get(
    '/public/online/:id/map',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The opinion map: groups with representative statements, consensus, per-statement counts (agree/disagree/pass are counts; percentages are integers), sampled points, and the viewer’s own point with a participant token',
        params: idParams,
        headers: participantHeaders,
        response: { 200: mapSchema },
      },
    },
    async (req) => {
      const o = await getOnline(db, req.params.id);
      const [stored, statements, me] = await Promise.all([maps.get(db, o.id), listStatements(db, o.id), optionalParticipant(db, o.id, req.headers[TOKEN])]);
      return presentMap(stored, statements, me?.id ?? null);
    },
  );

  app.get(
    '/public/online/:id/stream',
    { config: { access: 'public' }, schema: { tags, summary: 'Server-sent events: `ready`, then `map` with the new version whenever a newer map is stored; a heartbeat comment every 15 s', params: idParams, response: { 200: z.string() } } },
    async (req, reply) => {
      const o = await getOnline(db, req.params.id);
      // A client that does not ask for an event stream (EventSource always does) gets `ready` and the end: a probe, not a subscription.
      if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
        const version = (await mapVersions(db, [o.id])).get(o.id) ?? 0;
        return reply.type('text/event-stream; charset=utf-8').header('cache-control', 'no-cache').send(`event: ready\ndata: ${JSON.stringify({ version })}\n\n`);
      }
      if (!live.hasRoom()) throw new AppError('SERVICE_UNAVAILABLE', { zh: '实时连接数已满，请稍后再试', en: 'Too many live connections; try again later' });
      reply.hijack();
      await live.open(o.id, reply.raw);
    },
  );

  // Organiser routes

  app.post(
    '/online-consultations',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'Open an online consultation on an event (its organisers) or on a filed topic (topic reviewers)', body: createBody, response: { 201: organiserSummarySchema } } },
    async (req, reply) => reply.status(201).send(await organiserView(await createOnlineConsultation(db, contextOf(req), req.actor as Actor, req.body))),
  );

  app.get(
    '/online-consultations',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'The online consultations of an event (consultationId), or all those the caller organises', querystring: listQuery, response: { 200: organiserListSchema } } },
    async (req) => {
      const rows = await listOnline(db, { consultationId: req.query.consultationId });
      const mine: OnlineConsultationTable[] = [];
      for (const r of rows) if (await organises(db, req.actor, r)) mine.push(r);
      return { items: await Promise.all(mine.map(organiserView)) };
    },
  );

  app.get(
    '/online-consultations/:id',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'An online consultation with all its statements (every status) and how many wait for moderation', params: idParams, response: { 200: organiserDetailSchema } } },
    async (req) => organiserDetail(await organised(req.actor, req.params.id)),
  );

  app.post(
    '/online-consultations/:id/statements',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'Add a seed statement (accepted at once)', params: idParams, body: statementBody, response: { 201: organiserStatementSchema } } },
    async (req, reply) => reply.status(201).send(presentStatement(await addStatement(db, contextOf(req), req.params.id, { kind: 'organiser', actor: req.actor as Actor }, req.body.text))),
  );

  app.post(
    '/online-consultations/:id/statements/:statementId/moderation',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'Accept, reject or mark a statement as meta (left out of the map’s projection)', params: statementParams, body: moderationBody, response: { 200: organiserStatementSchema } } },
    async (req) => presentStatement(await moderateStatement(db, contextOf(req), req.actor as Actor, req.params.id, req.params.statementId, req.body.decision)),
  );

  app.post(
    '/online-consultations/:id/close',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'Close: no more votes or statements; the map stays', params: idParams, response: { 200: organiserDetailSchema } } },
    async (req) => organiserDetail(await closeOnlineConsultation(db, contextOf(req), req.actor as Actor, req.params.id)),
  );

  app.post(
    '/online-consultations/:id/statements/:statementId/promote',
    { config: { access: 'consultations:manage' }, schema: { tags, summary: 'Add the statement as a suggestion on the event’s list (once)', params: statementParams, response: { 201: promoteSchema } } },
    async (req, reply) => reply.status(201).send(await promoteStatement(db, contextOf(req), req.actor as Actor, req.params.id, req.params.statementId)),
  );
}
