import { z } from 'zod';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { listAppealsByIds, listAppealsForClustering, visibility } from '../appeals/index.js';
import { clusterAppeals } from './appeal-clusters.js';
import { decideTopicAction } from './commands/decide-topic.js';
import { editTopic } from './commands/edit-topic.js';
import { proposeTopic } from './commands/propose-topic.js';
import { maySeeTopic, topicVisibility } from './topics.policy.js';
import { presentTopic, presentTopicSummary } from './topics.presenter.js';
import { appealsWithTopics, findTopic, listTopicAppealIds, listTopicEvents, listTopics } from './topics.repository.js';
import { candidatesQuery, candidatesSchema, editTopicBody, newTopicBody, topicActionBody, topicListSchema, topicSchema, topicsQuery } from './topics.schemas.js';

/** How many appeals of a period one clustering looks at (the newest). */
const CLUSTER_LIMIT = 5000;

/** A Beijing calendar day's start as an instant. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

export function topicsRoutes(app: ZodApp, { database }: Deps) {
  const { db } = database;
  const tags = ['topics'];
  const idParams = z.object({ id: z.string().uuid() });

  const full = async (id: string, actor: Actor | null) => {
    const topic = await findTopic(db, id);
    if (!topic || !maySeeTopic(actor, topic)) throw new AppError('NOT_FOUND');
    const [appealIds, events] = await Promise.all([listTopicAppealIds(db, id), listTopicEvents(db, id)]);
    return presentTopic(topic, appealIds, await listAppealsByIds(db, appealIds), events, actor);
  };

  app.get(
    '/topics/candidates',
    {
      config: { access: 'topics:cluster' },
      schema: {
        tags,
        summary: 'Clusters of similar appeals in a period and area: candidate topics, largest first',
        querystring: candidatesQuery,
        response: { 200: candidatesSchema },
      },
    },
    async (req) => {
      const { from, to, territoryCode, categoryId, minSize } = req.query;
      if (to < from) throw new AppError('VALIDATION_FAILED', { zh: '结束日期不能早于开始日期', en: 'The end date is before the start date' }, { errors: [{ field: 'to', message: '结束日期不能早于开始日期' }] });
      const scope = visibility(req.actor);
      const end = new Date(Date.parse(dayStart(to)) + 86_400_000).toISOString();
      const rows = await listAppealsForClustering(
        db,
        { from: dayStart(from), to: end, territoryPrefix: territoryCode.replace(/0+$/, '') || territoryCode, categoryId, ...('all' in scope ? {} : { visibleTo: scope }) },
        CLUSTER_LIMIT,
      );
      const clusters = clusterAppeals(
        rows.map((r) => ({ id: r.id, text: r.description, categoryId: r.category_id, territoryCode: r.territory_code, createdAt: r.created_at })),
        { minSize, period: { from: dayStart(from), to: end } },
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const linked = await appealsWithTopics(db, clusters.flatMap((c) => c.appealIds));
      return {
        appealsConsidered: rows.length,
        truncated: rows.length === CLUSTER_LIMIT,
        clusters: clusters.map((c) => ({
          size: c.size,
          appealIds: c.appealIds,
          keyTerms: c.keyTerms,
          categoryId: c.category.id,
          townCode: c.town.code,
          series: c.series,
          trend: c.trend,
          samples: c.sampleIds.map((id) => {
            const r = byId.get(id)!;
            return { id: r.id, trackingNo: r.tracking_no, description: r.description, territoryCode: r.territory_code, state: r.state, createdAt: r.created_at };
          }),
          linkedTopicIds: [...new Set(c.appealIds.flatMap((id) => linked.get(id) ?? []))],
        })),
      };
    },
  );

  app.get(
    '/topics',
    {
      config: { access: 'topics:read' },
      schema: { tags, summary: 'Topics this person may see, most recently changed first', querystring: topicsQuery, response: { 200: topicListSchema } },
    },
    async (req) => {
      const { state, mine, limit, offset } = req.query;
      const v = topicVisibility(req.actor);
      const scope = mine === 'true' ? { proposedBy: req.actor?.id ?? '', territoryPrefixes: [], includeFiled: false } : v ? { proposedBy: v.proposedBy, territoryPrefixes: v.territoryPrefixes, includeFiled: true } : {};
      const { rows, total } = await listTopics(db, { states: state ? [state] : undefined, ...scope }, limit, offset);
      return { items: rows.map(presentTopicSummary), page: { limit, offset, total } };
    },
  );

  app.post(
    '/topics',
    {
      config: { access: 'topics:propose' },
      schema: { tags, summary: 'Propose a topic (a draft), optionally from a cluster of appeals', body: newTopicBody, response: { 201: topicSchema } },
    },
    async (req, reply) => {
      const topic = await proposeTopic(db, contextOf(req), req.actor as Actor, req.body);
      return reply.status(201).send(await full(topic.id, req.actor));
    },
  );

  app.get(
    '/topics/:id',
    {
      config: { access: 'topics:read' },
      schema: { tags, summary: 'One topic with its appeals, review history and the actions open to this person', params: idParams, response: { 200: topicSchema } },
    },
    async (req) => full(req.params.id, req.actor),
  );

  app.patch(
    '/topics/:id',
    {
      config: { access: 'topics:propose' },
      schema: { tags, summary: 'Revise a draft or a topic sent back (the proposer)', params: idParams, body: editTopicBody, response: { 200: topicSchema } },
    },
    async (req) => {
      await editTopic(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/topics/:id/actions',
    {
      config: { access: 'topics:propose' },
      schema: { tags, summary: 'Submit, withdraw, approve (file), send back or reject a topic', params: idParams, body: topicActionBody, response: { 200: topicSchema } },
    },
    async (req) => {
      await decideTopicAction(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );
}
