import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import type { Actor } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { deadlineDeps } from '../appeals/index.js';
import { attachConcernToTopic } from './commands/attach-concern.js';
import { editVisit } from './commands/edit-visit.js';
import { fileConcernAsAppeal } from './commands/file-concern.js';
import { recordVisit } from './commands/record-visit.js';
import { maySeeVisit, visitReach } from './visits.policy.js';
import { presentVisit } from './visits.presenter.js';
import { findVisit, listVisitConcerns, listVisits } from './visits.repository.js';
import {
  attachConcernBody,
  concernParams,
  fileConcernBody,
  newVisitBody,
  visitListQuery,
  visitListSchema,
  visitParams,
  visitPatchBody,
  visitSchema,
} from './visits.schemas.js';

export function visitsRoutes(app: ZodApp, { database, calendar }: Deps) {
  const { db } = database;
  const tags = ['visits'];

  const full = async (id: string, actor: Actor | null) => {
    const visit = await findVisit(db, id);
    if (!visit || !maySeeVisit(actor, visit)) throw new AppError('NOT_FOUND');
    return presentVisit(visit, await listVisitConcerns(db, [id]), actor);
  };

  app.get(
    '/visits',
    {
      config: { access: 'visits:read' },
      schema: { tags, summary: 'Visits this person may read, newest first (mine=true: only their own)', querystring: visitListQuery, response: { 200: visitListSchema } },
    },
    async (req) => {
      const { mine, limit, offset } = req.query;
      const reach = mine === 'true' ? { memberId: req.actor?.id ?? '', territoryPrefixes: [] } : visitReach(req.actor);
      const { rows, total } = await listVisits(db, reach ?? {}, limit, offset);
      const concerns = await listVisitConcerns(db, rows.map((r) => r.id));
      return { items: rows.map((v) => presentVisit(v, concerns.filter((c) => c.visit_id === v.id), req.actor)), page: { limit, offset, total } };
    },
  );

  app.post(
    '/visits',
    {
      config: { access: 'visits:record' },
      schema: { tags, summary: 'Record a visit (走访) and the concerns heard', body: newVisitBody, response: { 201: visitSchema } },
    },
    async (req, reply) => {
      const { visit } = await recordVisit(db, contextOf(req), req.actor as Actor, req.body);
      return reply.status(201).send(await full(visit.id, req.actor));
    },
  );

  app.get(
    '/visits/:id',
    { config: { access: 'visits:read' }, schema: { tags, summary: 'One visit with its concerns', params: visitParams, response: { 200: visitSchema } } },
    async (req) => full(req.params.id, req.actor),
  );

  app.patch(
    '/visits/:id',
    {
      config: { access: 'visits:record' },
      schema: { tags, summary: 'Correct the record of a visit (the member who made it)', params: visitParams, body: visitPatchBody, response: { 200: visitSchema } },
    },
    async (req) => {
      await editVisit(db, contextOf(req), req.actor as Actor, req.params.id, req.body);
      return full(req.params.id, req.actor);
    },
  );

  app.post(
    '/visits/:id/concerns/:concernId/appeal',
    {
      config: { access: 'visits:record' },
      schema: { tags, summary: 'File a concern heard on the visit as an appeal', params: concernParams, body: fileConcernBody, response: { 200: visitSchema } },
    },
    async (req) => {
      const { id, concernId } = req.params;
      await fileConcernAsAppeal(db, contextOf(req), await deadlineDeps(db, calendar), req.actor as Actor, { visitId: id, concernId }, req.body);
      return full(id, req.actor);
    },
  );

  app.post(
    '/visits/:id/concerns/:concernId/topic',
    {
      config: { access: 'visits:record' },
      schema: { tags, summary: 'Attach a concern heard on the visit to a consultation topic', params: concernParams, body: attachConcernBody, response: { 200: visitSchema } },
    },
    async (req) => {
      const { id, concernId } = req.params;
      await attachConcernToTopic(db, contextOf(req), req.actor as Actor, { visitId: id, concernId }, req.body);
      return full(id, req.actor);
    },
  );
}
