import { z } from 'zod';
import type { Deps, ZodApp } from '../../infra/http/app.js';
import { AppError } from '../../infra/http/errors.js';
import { DashboardCache, viewKey } from './dashboard-cache.js';
import { DashboardLive } from './dashboard-live.js';
import { campaignProgress, coverage, records } from './dashboards.records.js';
import { campaignParams, coverageQuery, coverageSchema, dashboardSchema, filterQuery, progressSchema, recordsQuery, recordsSchema } from './dashboards.schemas.js';
import { dashboard, resolveFilters } from './dashboards.service.js';
import { dataVersion } from './dashboards.repository.js';

/** 数据看板: public figures from the pre-aggregated cubes, the records behind them, coverage, campaign progress, live updates. */
export function dashboardsRoutes(app: ZodApp, { database, logger }: Deps) {
  // Reporting reads: the read replica when configured.
  const db = database.reporting;
  const tags = ['dashboards'];
  const live = new DashboardLive(db, logger);
  const cache = new DashboardCache(db);
  app.addHook('preClose', (done) => {
    live.close();
    done();
  });

  app.get(
    '/public/dashboard',
    { config: { access: 'public' }, schema: { tags, summary: 'Dashboard figures, breakdowns by category, territory and month (filters: from, to, territory, venue, category, campaign)', querystring: filterQuery, response: { 200: dashboardSchema } } },
    async (req) => cache.get(viewKey('dashboard', req.query), async () => dashboard(db, await resolveFilters(db, req.query))),
  );

  app.get(
    '/public/records',
    { config: { access: 'public' }, schema: { tags, summary: 'The records behind a figure: its denominator’s rows, `counted` when in the numerator; appeals redacted', querystring: recordsQuery, response: { 200: recordsSchema } } },
    async (req) => {
      const { figure, page, pageSize, ...filters } = req.query;
      return cache.get(viewKey('records', req.query), async () => records(db, await resolveFilters(db, filters), figure, page, pageSize));
    },
  );

  app.get(
    '/public/coverage',
    { config: { access: 'public' }, schema: { tags, summary: 'Halls, stations and studios per town; members and events per venue', querystring: coverageQuery, response: { 200: coverageSchema } } },
    async (req) => cache.get(viewKey('coverage', req.query), () => coverage(db, req.query.territory)),
  );

  app.get(
    '/public/campaigns/:id/progress',
    { config: { access: 'public' }, schema: { tags, summary: 'A campaign month’s events and suggestions day by day against its targets', params: campaignParams, response: { 200: progressSchema } } },
    async (req) => cache.get(viewKey('progress', req.params), () => campaignProgress(db, req.params.id)),
  );

  app.get(
    '/public/dashboard/stream',
    { config: { access: 'public' }, schema: { tags, summary: 'Server-sent events: `ready`, then `changed` with the new dataVersion within 2 s of a change; a heartbeat comment every 15 s', response: { 200: z.string() } } },
    async (req, reply) => {
      // A client that does not ask for an event stream (EventSource always does) gets the
      // `ready` event and the end of the response: a probe, not a subscription.
      if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
        return reply.type('text/event-stream; charset=utf-8').header('cache-control', 'no-cache').send(`event: ready\ndata: ${JSON.stringify({ dataVersion: await dataVersion(db) })}\n\n`);
      }
      if (!live.hasRoom()) throw new AppError('SERVICE_UNAVAILABLE', { zh: '实时连接数已满，请稍后再试', en: 'Too many live connections; try again later' });
      reply.hijack();
      await live.open(reply.raw);
    },
  );
}
