import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps, ZodApp } from '../../infra/http/app.js';
import { html } from './html.js';
import {
  dashboardPage,
  eventPage,
  frame,
  homePage,
  labelsOf,
  openDataPage,
  resultsPage,
  searchPage,
  showcaseDetailPage,
  showcaseListPage,
  suggestionPage,
  venuePage,
  venuesPage,
  type CatalogueData,
  type DashboardData,
  type EventData,
  type Page,
  type SearchData,
  type SuggestionData,
  type SummaryItem,
  type ChainStepData,
  type VenueData,
} from './pages.js';
import { fillShell, loadShell, pageLang, type PageLang } from './shell.js';

const idParams = z.object({ id: z.string().max(64) });

/**
 * Public pages answered with their content already in the HTML (no JavaScript needed, indexable):
 * each reads the same public JSON API the React page reads (so it shows exactly what is public,
 * redacted the same way) and renders it with a pure function from pages.ts into index.html.
 * Every other path keeps the single-page app fallback.
 */
export function publicPagesRoutes(app: ZodApp, { config }: Deps) {
  const shell = loadShell(config.webDir);
  const htmlPage = z.unknown().meta({ type: 'string', description: 'text/html: index.html with the page content in #root' });
  const schema = (summary: string) => ({ tags: ['public pages'], summary, response: { 200: htmlPage } });
  const route = { config: { access: 'public' as const } };

  const langOf = (req: FastifyRequest): PageLang => pageLang((req.cookies as Record<string, string | undefined> | undefined)?.lang, req.headers['accept-language']);

  /** A public API read made inside the process, in the page's language and as the visitor's address. */
  const api = async <T>(req: FastifyRequest, lang: PageLang, url: string): Promise<T | null> => {
    const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { 'accept-language': lang === 'en' ? 'en' : 'zh-CN' }, remoteAddress: req.ip });
    return res.statusCode === 200 ? (res.json() as T) : null;
  };

  const send = (reply: FastifyReply, lang: PageLang, page: Page, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'Accept-Language, Cookie').send(fillShell(shell, { lang, ...page }));

  const notFound = (reply: FastifyReply, lang: PageLang) => {
    const title = lang === 'en' ? 'Page not found' : '页面不存在';
    return send(reply, lang, { title, description: title, body: frame(lang, html`<h1>${title}</h1><p><a href="/">${labelsOf(lang).home}</a></p>`) }, 404);
  };

  app.get('/', { ...route, schema: schema('Front page: introduction and the latest showcase results') }, async (req, reply) => {
    const lang = langOf(req);
    const latest = await api<{ items: SummaryItem[] }>(req, lang, '/public/showcase?pageSize=5');
    return send(reply, lang, homePage(lang, latest?.items ?? []));
  });

  app.get('/showcase', { ...route, schema: { ...schema('Showcase list page'), querystring: z.object({ page: z.coerce.number().int().min(1).max(1000).catch(1).default(1) }) } }, async (req, reply) => {
    const lang = langOf(req);
    const pageSize = 12;
    const data = await api<{ total: number; items: SummaryItem[] }>(req, lang, `/public/showcase?page=${req.query.page}&pageSize=${pageSize}`);
    return send(reply, lang, showcaseListPage(lang, { total: data?.total ?? 0, page: req.query.page, pageSize, items: data?.items ?? [] }));
  });

  app.get('/showcase/:id', { ...route, schema: { ...schema('A showcase result and its chain'), params: idParams } }, async (req, reply) => {
    const lang = langOf(req);
    const d = await api<SummaryItem & { chain: ChainStepData[] }>(req, lang, `/public/showcase/${encodeURIComponent(req.params.id)}`);
    return d ? send(reply, lang, showcaseDetailPage(lang, d)) : notFound(reply, lang);
  });

  app.get(
    '/search',
    { ...route, schema: { ...schema('Search page (the form works without JavaScript)'), querystring: z.object({ q: z.string().max(500).optional(), kind: z.string().max(20).optional(), page: z.coerce.number().int().min(1).max(50).catch(1).default(1) }) } },
    async (req, reply) => {
      const lang = langOf(req);
      const q = [...(req.query.q ?? '').trim()].slice(0, 50).join('');
      if (!q) return send(reply, lang, searchPage(lang, null, ''));
      const params = new URLSearchParams({ q, page: String(req.query.page) });
      if (req.query.kind && /^[a-z]+$/.test(req.query.kind)) params.set('kind', req.query.kind);
      const data = await api<SearchData>(req, lang, `/public/search?${params}`);
      return send(reply, lang, searchPage(lang, data ?? { q, kind: null, total: 0, page: 1, pageSize: 20, counts: {}, items: [] }, q));
    },
  );

  app.get('/open-data', { ...route, schema: schema('Open data catalogue page with download links') }, async (req, reply) => {
    const lang = langOf(req);
    const data = await api<CatalogueData>(req, lang, '/open-data');
    return data ? send(reply, lang, openDataPage(lang, data)) : notFound(reply, lang);
  });

  app.get('/venues', { ...route, schema: schema('Venues page') }, async (req, reply) => {
    const lang = langOf(req);
    const data = await api<{ items: VenueData[] }>(req, lang, '/public/venues');
    return send(reply, lang, venuesPage(lang, data?.items ?? []));
  });

  app.get('/venues/:id', { ...route, schema: { ...schema('A venue page'), params: idParams } }, async (req, reply) => {
    const lang = langOf(req);
    const v = await api<Parameters<typeof venuePage>[1]>(req, lang, `/public/venues/${encodeURIComponent(req.params.id)}`);
    return v ? send(reply, lang, venuePage(lang, v)) : notFound(reply, lang);
  });

  app.get('/events/:id', { ...route, schema: { ...schema('A consultation event page'), params: idParams } }, async (req, reply) => {
    const lang = langOf(req);
    const e = await api<EventData>(req, lang, `/public/consultations/${encodeURIComponent(req.params.id)}`);
    return e ? send(reply, lang, eventPage(lang, e)) : notFound(reply, lang);
  });

  app.get('/suggestions/:id', { ...route, schema: { ...schema('A suggestion’s public journey page'), params: idParams } }, async (req, reply) => {
    const lang = langOf(req);
    const s = await api<SuggestionData>(req, lang, `/public/suggestions/${encodeURIComponent(req.params.id)}`);
    return s ? send(reply, lang, suggestionPage(lang, s)) : notFound(reply, lang);
  });

  app.get('/consultations/:id/results', { ...route, schema: { ...schema('An event’s results page'), params: idParams } }, async (req, reply) => {
    const lang = langOf(req);
    const r = await api<Parameters<typeof resultsPage>[1]>(req, lang, `/public/consultations/${encodeURIComponent(req.params.id)}/suggestions`);
    return r ? send(reply, lang, resultsPage(lang, r)) : notFound(reply, lang);
  });

  app.get('/dashboard', { ...route, schema: schema('District figures as a table') }, async (req, reply) => {
    const lang = langOf(req);
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query as Record<string, unknown>)) if (typeof v === 'string' && ['from', 'to', 'territory', 'venue', 'category', 'campaign'].includes(k)) query.set(k, v.slice(0, 64));
    const d = await api<DashboardData>(req, lang, `/public/dashboard${query.size ? `?${query}` : ''}`);
    // Without the dashboards API (or with filters it refuses) the app shell still loads the page.
    if (!d) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(shell);
    return send(reply, lang, dashboardPage(lang, d));
  });
}
