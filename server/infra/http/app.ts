import type { ChangeSignal } from '../db/change-signal.js';
import fs from 'node:fs';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawServerDefault } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { CommandContext } from '../audit/audit.repository.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { GroupCommitter } from '../group-commit.js';
import type { DatabaseHandle } from '../db/database.js';
import { isConnectionError, isInvalidText } from '../db/errors.js';
import type { Access, Authenticator } from './access.js';
import { DatabaseRateLimitStore } from './rate-limit-store.js';
import { AppError, langOf, localizeProblem, problemOf, type FieldError, type Lang } from './errors.js';

export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** A registered route and who may call it. */
export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access, for the authorization and OpenAPI tests. */
    routeTable: RouteInfo[];
  }
}

/** What every module's routes receive. */
export interface Deps {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly logger: Logger;
  readonly calendar: CalendarService;
  /** Shared transactions for high-volume commands (appeal intake). */
  readonly committer: GroupCommitter;
  /** Wakes live views when another process changed data (PostgreSQL LISTEN/NOTIFY). */
  readonly changes: ChangeSignal;
}

/** A domain module as the HTTP layer sees it: a name (the OpenAPI tag) and its routes. */
export interface HttpModule {
  readonly name: string;
  /** Where the routes live; `/api/v1` unless a standard says otherwise. */
  readonly prefix?: string;
  routes(app: ZodApp, deps: Deps): void | Promise<void>;
}

const HSTS = 'max-age=31536000; includeSubDomains';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The command context of a request: who acts, under which request id, from where. */
export function contextOf(request: FastifyRequest): CommandContext {
  return {
    actorId: request.actor?.id ?? null,
    actorLabel: request.actor?.label ?? 'anonymous',
    requestId: request.id,
    ip: request.ip,
  };
}

export function langOfRequest(request: FastifyRequest): Lang {
  return langOf(request.headers['accept-language']);
}

function fieldErrors(
  validation: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[],
  context: string | undefined,
  lang: Lang,
): FieldError[] {
  return validation.map((v) => {
    const p = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return { field: p || context || 'body', message: translateIssue(v.keyword, v.params, v.message ?? '', lang) };
  });
}

function translateIssue(code: string, params: Record<string, unknown>, message: string, lang: Lang): string {
  const en = lang === 'en';
  if (message.includes('|')) {
    const [zh, eng] = message.split('|');
    return (en ? eng : zh) ?? message;
  }
  switch (code) {
    case 'invalid_type':
      return params.input === undefined ? (en ? 'is required' : '必填') : en ? `must be a ${String(params.expected)}` : `类型应为 ${String(params.expected)}`;
    case 'too_small':
      if (params.origin === 'string') return Number(params.minimum) <= 1 ? (en ? 'must not be empty' : '不能为空') : en ? `must be at least ${String(params.minimum)} characters` : `至少 ${String(params.minimum)} 个字符`;
      return en ? `must be at least ${String(params.minimum)}` : `不能小于 ${String(params.minimum)}`;
    case 'too_big':
      if (params.origin === 'string') return en ? `must be at most ${String(params.maximum)} characters` : `不能超过 ${String(params.maximum)} 个字符`;
      return en ? `must be at most ${String(params.maximum)}` : `不能大于 ${String(params.maximum)}`;
    case 'invalid_format':
      return en ? `has an invalid format (${String(params.format)})` : `格式不正确（${String(params.format)}）`;
    case 'invalid_value':
      return en ? `must be one of: ${(params.values as unknown[] | undefined)?.join(', ') ?? ''}` : `取值应为：${(params.values as unknown[] | undefined)?.join('、') ?? ''}`;
    case 'unrecognized_keys':
      return en ? `unknown fields: ${(params.keys as string[] | undefined)?.join(', ') ?? ''}` : `不认识的字段：${(params.keys as string[] | undefined)?.join('、') ?? ''}`;
    default:
      return en ? 'is invalid' : '无效';
  }
}

/** Trust exactly `n` proxies in front of us: the client is the address the n-th hop saw. */
function trustHops(n: number) {
  return (_address: string, hop: number) => hop < n;
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Builds the HTTP server: security headers, cookies, schemas, OpenAPI, the access check that
 * every route must declare, problem+json errors, health probes, the modules' routes and the
 * built web app.
 */
export async function buildHttpApp(
  deps: Deps,
  opts: { modules: HttpModule[]; authenticator: Authenticator },
): Promise<ZodApp> {
  const { config, logger, database } = deps;
  // Security headers from helmet, built once (the Fastify wrapper rebuilds them per request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Sent per request below: over TLS (directly, or X-Forwarded-Proto https from a trusted proxy).
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });
  const swaggerCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";
  /** Every answer gets them — routes, static files, 404s, and the malformed requests Fastify refuses before any hook. */
  const applySecurityHeaders = (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    securityHeaders(request.raw, reply.raw, (err?: unknown) => {
      if ((request.url ?? '').startsWith('/api/docs')) reply.raw.setHeader('content-security-policy', swaggerCsp);
      if (config.secureCookies || request.protocol === 'https') reply.raw.setHeader('strict-transport-security', HSTS);
      done(err as Error | undefined);
    });
  };
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: () => uuidv7(),
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Malformed URLs and the like answer in the same problem+json as everything else.
    frameworkErrors: ((_error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const body = localizeProblem(
        problemOf(new AppError('MALFORMED_REQUEST'), langOf(request.headers['accept-language']), request.id, (request.url ?? '/').split('?')[0] ?? '/'),
        request.headers['accept-language'],
      );
      applySecurityHeaders(request, reply, () => undefined);
      void reply.code(400).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
    }) as never,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', applySecurityHeaders);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // PostgreSQL may serve several app processes: their limits are kept in the database, so they
    // hold across processes. SQLite serves one process, whose memory is the whole picture.
    ...(database.engine === 'postgres' ? { store: DatabaseRateLimitStore.for(database.db) as never } : {}),
    errorResponseBuilder: (_req, ctx) => {
      const err = new AppError('RATE_LIMITED', undefined, { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) });
      return err;
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Minhu (民呼) API',
        description:
          'Grassroots consultative governance: appeals, consultations and their results. ' +
          'Errors are application/problem+json; see docs/errors.md. Cookie-authenticated writes need the x-csrf-token header.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'minhu_sid' },
          token: { type: 'http', scheme: 'bearer', description: 'An API token (mh_…) for integrations' },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: Access } | undefined)?.access;
      const schema = out.schema as Record<string, unknown>;
      if (access && access !== 'public') {
        schema.security = [{ session: [] }, { token: [] }];
      }
      schema['x-access'] = access ?? 'undeclared';
      return out;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
  });

  // Every route says who may call it; a route that forgets does not start.
  const exempt = (url: string) => url.startsWith('/api/docs') || url === '/api/openapi.json';
  const table: RouteInfo[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    if (exempt(route.url) || route.url === '*' || route.url === '/*') {
      route.config = { ...(route.config ?? {}), access: 'public' };
    } else if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config?.access as Access });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const access = request.routeOptions.config?.access;
    if (!access) return; // 404s and static files
    request.actor = await opts.authenticator.authenticate(request);
    const actor = request.actor;
    if (access === 'public') {
      if (actor?.via === 'session' && UNSAFE_METHODS.has(request.method)) checkCsrf(request);
      return;
    }
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (actor.via === 'session' && UNSAFE_METHODS.has(request.method)) checkCsrf(request);
    // 'authenticated' is for one's own session (sign-out, password): not for API tokens,
    // whose reach is exactly their scopes.
    if (access === 'authenticated') {
      if (actor.via === 'token') throw new AppError('FORBIDDEN');
      return;
    }
    if (actor.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (!actor.permissions.has(access)) throw new AppError('FORBIDDEN');
  });

  function checkCsrf(request: FastifyRequest) {
    const sent = request.headers['x-csrf-token'];
    const expected = request.actor?.csrfToken;
    if (typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) throw new AppError('CSRF_REJECTED');
  }

  app.setErrorHandler((error, request, reply) => {
    const lang = langOfRequest(request);
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      appError = new AppError('VALIDATION_FAILED', undefined, {
        errors: fieldErrors(error.validation, error.validationContext, lang),
      });
    } else {
      const e = error as { code?: string; statusCode?: number };
      if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') appError = new AppError('PAYLOAD_TOO_LARGE');
      else if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') appError = new AppError('UNSUPPORTED_MEDIA_TYPE');
      else if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' || (error instanceof SyntaxError && e.statusCode === 400))
        appError = new AppError('MALFORMED_REQUEST');
      else if (e.statusCode === 400 && typeof e.code === 'string' && e.code.startsWith('FST_ERR')) appError = new AppError('MALFORMED_REQUEST');
      else if (isInvalidText(error)) appError = new AppError('MALFORMED_REQUEST');
      else if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
        // A client-caused refusal from a plugin (a bad Range or If-Match on a static file…).
        request.log.info({ err: error }, 'request refused');
        appError = new AppError(e.statusCode === 404 || e.statusCode === 405 ? 'ROUTE_NOT_FOUND' : 'MALFORMED_REQUEST');
      } else if (isConnectionError(error)) {
        request.log.error({ err: error }, 'database unreachable');
        appError = new AppError('SERVICE_UNAVAILABLE');
      } else {
        request.log.error({ err: error }, 'unhandled error');
        appError = new AppError('INTERNAL');
      }
    }
    if (appError.extras.retryAfterSeconds) reply.header('retry-after', String(appError.extras.retryAfterSeconds));
    if (appError.code === 'SERVICE_UNAVAILABLE') reply.header('retry-after', '5');
    void reply
      .status(appError.status)
      .type('application/problem+json; charset=utf-8')
      .serializer((p: unknown) => JSON.stringify(p))
      .send(localizeProblem(problemOf(appError, lang, request.id, request.url.split('?')[0] ?? request.url), request.headers['accept-language']));
  });

  // Probes: liveness never touches the database, readiness does.
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Process is alive', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Database is reachable',
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }) },
      },
    },
    async () => {
      try {
        await database.ping();
      } catch (err) {
        throw new AppError('SERVICE_UNAVAILABLE', { zh: '数据库无法连接', en: 'The database cannot be reached' });
      }
      return { status: 'ready' as const, database: database.engine };
    },
  );
  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    async () => app.swagger(),
  );

  for (const module of opts.modules) {
    await app.register(
      async (scope) => {
        await module.routes(scope as unknown as ZodApp, deps);
      },
      { prefix: module.prefix ?? '/api/v1' },
    );
  }

  const indexFile = path.join(config.webDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      index: false,
      // The build writes .br and .gz beside each asset; send the one the browser accepts.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        // The same address answers Brotli, gzip or plain by Accept-Encoding: caches must key on it.
        res.setHeader('vary', 'accept-encoding');
      },
    });
    // The root is a directory to the static handler; the app's front page is index.html
    // (unless a module renders the front page itself).
    if (!app.hasRoute({ method: 'GET', url: '/' })) app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  } else {
    logger.warn({ webDir: config.webDir }, 'web app not built (npm run build:web); serving the API only');
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isApi = url.startsWith('/api/') || url === '/api' || url.startsWith('/open311/');
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes get the single-page app.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new AppError('ROUTE_NOT_FOUND');
  });

  return app;
}
