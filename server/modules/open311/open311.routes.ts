import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import { AppError } from '../../infra/http/errors.js';
import { text as fieldText } from '../../infra/http/fields.js';
import { actorFromApiToken } from '../accounts/index.js';
import {
  deadlineDeps,
  findAppeal,
  findAppealByTrackingNo,
  listAppealEvents,
  listAppealUnits,
  activeCategories,
  allCategories,
  open311Status,
  registerAppeal,
  searchAppeals,
  type AppealState,
  type AppealTable,
  type CategoryTable,
} from '../appeals/index.js';
import { open311Date, splitFormat, toXml, type Format } from './open311.format.js';

/** A GeoReport v2 error: answered as `[{code, description}]` in the request's format. */
class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 500 | 503,
    readonly description: string,
  ) {
    super(description);
  }
}

const FORMATS = ['json', 'xml'] as const;
const RESOURCES = ['discovery', 'services', 'services/{service_code}', 'requests', 'requests/{service_request_id}', 'tokens/{token_id}'];
const STATE_NOTES: Record<AppealState, string> = {
  registered: '已受理，等待派单',
  dispatched: '已派单至承办单位',
  return_requested: '承办单位申请退单，正在审核',
  signed: '承办单位已签收',
  in_progress: '正在办理',
  extension_requested: '承办单位申请延期',
  replied: '承办单位已答复，正在审核',
  awaiting_feedback: '已答复，等待回访',
  rated: '已回访',
  closed: '已办结',
  archived: '已归档',
  merged: '已与相同诉求合并办理',
};

function send(reply: FastifyReply, format: Format, status: number, root: string, item: string | null, value: unknown) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').serializer((x: unknown) => x as string).send(toXml(root, item, value));
  return reply.type('application/json; charset=utf-8').serializer((x: unknown) => JSON.stringify(x)).send(value);
}

function formatOf(request: FastifyRequest): Format {
  return request.url.split('?')[0]?.endsWith('.xml') ? 'xml' : 'json';
}

const text = (max: number) => fieldText(max, { min: 0 });
const csv = (re: RegExp) => z.string().regex(re).transform((s) => s.split(',').filter(Boolean));
const w3c = z.string().datetime({ offset: true });

export function open311Routes(app: ZodApp, { database, calendar }: Deps) {
  const { db } = database;
  const tags = ['Open311 GeoReport v2'];

  // Errors here speak GeoReport, not problem+json.
  app.setErrorHandler((error, request, reply) => {
    const format = formatOf(request);
    let status = 500;
    let description = 'internal error';
    if (error instanceof Open311Error) ({ status, description } = error);
    else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      description = error.validation.map((v) => `${v.instancePath.replace(/^\//, '') || error.validationContext}: ${v.message}`).join('; ');
    } else if (error instanceof AppError) {
      status = error.status >= 500 ? 503 : error.status === 404 ? 404 : error.status === 403 || error.status === 401 ? 403 : 400;
      description = error.extras.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') || error.message;
    } else if ((error as { statusCode?: number }).statusCode === 400 || (error as { statusCode?: number }).statusCode === 415) {
      status = 400;
      description = (error as Error).message;
    } else if ((error as { statusCode?: number }).statusCode === 413) {
      status = 413;
      description = 'request body too large';
    } else request.log.error({ err: error }, 'open311 error');
    return send(reply, format, status, 'errors', 'error', [{ code: status, description }]);
  });

  const services = async () => {
    const all = await activeCategories(db);
    const parents = new Map(all.map((c) => [c.id, c]));
    return all.filter((c) => c.parent_id).map((c) => ({ c, group: parents.get(c.parent_id as string)?.name_zh ?? '' }));
  };

  for (const format of FORMATS) {
    app.get(
      `/discovery.${format}`,
      { config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags, summary: `Discovery (${format})` } },
      async (req, reply) => {
        const base = `${req.protocol}://${req.host}/open311/v2`;
        return send(reply, format, 200, 'discovery', null, {
          changeset: '2026-11-29T00:00:00Z',
          contact: 'Minhu (民呼) — 区政协 / 12345 hotline administrator',
          key_service: 'API tokens (mh_…) are issued by the administrator in the Minhu workbench.',
          endpoints: format === 'xml'
            ? { endpoint: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: base, changeset: '2026-11-29T00:00:00Z', type: 'production', formats: { format: ['text/xml', 'application/json'] } }] }
            : [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: base, changeset: '2026-11-29T00:00:00Z', type: 'production', formats: ['text/xml', 'application/json'] }],
          resources: format === 'xml' ? { resource: RESOURCES } : RESOURCES,
        });
      },
    );

    app.get(
      `/services.${format}`,
      {
        config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: `Service list: the leaf appeal categories (${format})`, querystring: z.object({ jurisdiction_id: text(64).optional() }) },
      },
      async (_req, reply) =>
        send(
          reply,
          format,
          200,
          'services',
          'service',
          (await services()).map(({ c, group }) => ({
            service_code: c.code,
            service_name: c.name_zh,
            description: `${c.name_zh} / ${c.name_en}`,
            metadata: true,
            type: 'realtime',
            keywords: c.name_en,
            group,
          })),
        ),
    );

    app.get(
      `/requests.${format}`,
      {
        config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: `Service requests: by id, or filtered (default: the last 90 days, at most 1000) (${format})`,
          querystring: z.object({
            jurisdiction_id: text(64).optional(),
            service_request_id: csv(/^\d{8}-\d{5}(,\d{8}-\d{5})*$/).optional(),
            service_code: csv(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/).optional(),
            start_date: w3c.optional(),
            end_date: w3c.optional(),
            status: csv(/^(open|closed)(,(open|closed))*$/).optional(),
            extensions: z.enum(['true', 'false']).optional(),
          }),
        },
      },
      async (req, reply) => {
        const q = req.query;
        const cats = await allCategories(db);
        let filter: Parameters<typeof searchAppeals>[1] = { excludeConfidential: true };
        if (q.service_request_id) filter = { ...filter, trackingNos: q.service_request_id };
        else {
          const end = q.end_date ? new Date(q.end_date) : new Date();
          const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 90 * 86_400_000);
          filter = { ...filter, createdFrom: start.toISOString(), createdTo: end.toISOString() };
          if (q.service_code) filter.categoryIds = cats.filter((c) => q.service_code?.includes(c.code)).map((c) => c.id);
          if (q.status && q.status.length === 1) filter.states = q.status[0] === 'closed' ? ['closed', 'archived', 'merged'] : (['registered', 'dispatched', 'return_requested', 'signed', 'in_progress', 'extension_requested', 'replied', 'awaiting_feedback', 'rated'] as AppealState[]);
        }
        const { rows } = await searchAppeals(db, filter, 1000, 0);
        const items = await Promise.all(rows.map((a) => presentRequest(a, cats, q.extensions === 'true', format)));
        return send(reply, format, 200, 'service_requests', 'request', items);
      },
    );

    app.post(
      `/requests.${format}`,
      {
        config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: `Create a service request (form-encoded, with api_key) (${format})`,
          body: z.object({
            api_key: text(200).optional(),
            jurisdiction_id: text(64).optional(),
            service_code: text(64).optional(),
            lat: z.coerce.number().min(-90).max(90).optional(),
            long: z.coerce.number().min(-180).max(180).optional(),
            address_string: text(200).optional(),
            address_id: text(64).optional(),
            email: text(200).optional(),
            device_id: text(200).optional(),
            account_id: text(64).optional(),
            first_name: text(32).optional(),
            last_name: text(32).optional(),
            phone: text(20).optional(),
            description: text(4000).optional(),
            media_url: text(500).optional(),
            'attribute[territory_code]': text(12).optional(),
            'attribute[anonymous]': z.enum(['true', 'false']).optional(),
          }).passthrough(),
        },
      },
      async (req, reply) => {
        const b = req.body;
        const actor = b.api_key ? await actorFromApiToken(db, b.api_key) : null;
        if (!actor || !actor.permissions.has('appeals:register')) throw new Open311Error(403, 'api_key is missing, invalid or not allowed to create requests');
        if (!b.service_code) throw new Open311Error(400, 'service_code is required');
        const category = (await activeCategories(db)).find((c) => c.code === b.service_code && c.parent_id);
        if (!category) throw new Open311Error(404, `service_code ${b.service_code} not found`);
        if ((b.lat === undefined || b.long === undefined) && !b.address_string && !b.address_id)
          throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
        const territory = b['attribute[territory_code]'];
        if (!territory) throw new Open311Error(400, 'attribute[territory_code] is required (the 9- or 12-digit code of the town or village)');
        if (!b.description || [...b.description].length < 5) throw new Open311Error(400, 'description is required (at least 5 characters)');
        req.actor = actor;
        const name = [b.last_name, b.first_name].filter(Boolean).join('') || null;
        const { appeal } = await registerAppeal(db, contextOf(req), await deadlineDeps(db, calendar), {
          channel: 'open311',
          categoryId: category.id,
          territoryCode: territory,
          address: b.address_string ?? null,
          lat: b.lat ?? null,
          lng: b.long ?? null,
          description: b.description.normalize('NFC'),
          residentName: name,
          residentPhone: b.phone && /^1\d{10}$/.test(b.phone) ? b.phone : null,
          anonymous: b['attribute[anonymous]'] === 'true',
        });
        return send(reply, format, 201, 'service_requests', 'request', [
          { service_request_id: appeal.tracking_no, service_notice: '已受理，可凭受理编号和手机号后四位查询进度', account_id: null },
        ]);
      },
    );
  }

  app.get(
    '/services/:file',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Service definition: {service_code}.json or .xml', params: z.object({ file: text(80) }) },
    },
    async (req, reply) => {
      const f = splitFormat(req.params.file);
      if (!f) throw new Open311Error(404, 'use services/{service_code}.json or .xml');
      const found = (await services()).find(({ c }) => c.code === f.name);
      if (!found) throw new Open311Error(404, `service_code ${f.name} not found`);
      const anonymousValues = [{ key: 'true', name: '匿名（不回访）' }, { key: 'false', name: '实名' }];
      const attributes = [
        { variable: true, code: 'territory_code', datatype: 'string', required: true, datatype_description: '9 位镇街或 12 位村社区统计用区划代码', order: 1, description: '所在镇街或村社区' },
        { variable: true, code: 'anonymous', datatype: 'singlevaluelist', required: false, datatype_description: '', order: 2, description: '是否匿名', values: anonymousValues },
      ];
      return send(reply, f.format, 200, 'service_definition', null, {
        service_code: found.c.code,
        attributes: f.format === 'xml' ? { attribute: attributes.map((a) => ('values' in a ? { ...a, values: { value: a.values } } : a)) } : attributes,
      });
    },
  );

  app.get(
    '/requests/:file',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, summary: 'One service request: {service_request_id}.json or .xml', params: z.object({ file: text(40) }), querystring: z.object({ jurisdiction_id: text(64).optional(), extensions: z.enum(['true', 'false']).optional() }) },
    },
    async (req, reply) => {
      const f = splitFormat(req.params.file);
      if (!f) throw new Open311Error(404, 'use requests/{service_request_id}.json or .xml');
      const appeal = /^\d{8}-\d{5}$/.test(f.name) ? await findAppealByTrackingNo(db, f.name) : undefined;
      if (!appeal || appeal.confidential === 1) throw new Open311Error(404, `service_request_id ${f.name} not found`);
      const cats = await allCategories(db);
      return send(reply, f.format, 200, 'service_requests', 'request', [await presentRequest(appeal, cats, req.query.extensions === 'true', f.format)]);
    },
  );

  app.get(
    '/tokens/:file',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, summary: 'The service request id behind a token: {token_id}.json or .xml', params: z.object({ file: text(60) }) },
    },
    async (req, reply) => {
      const f = splitFormat(req.params.file);
      if (!f) throw new Open311Error(404, 'use tokens/{token_id}.json or .xml');
      const appeal = /^[0-9a-f-]{36}$/.test(f.name) ? await findAppeal(db, f.name) : undefined;
      if (!appeal) throw new Open311Error(404, `token ${f.name} not found`);
      return send(reply, f.format, 200, 'service_requests', 'request', [{ service_request_id: appeal.tracking_no, token: appeal.id }]);
    },
  );

  async function presentRequest(a: AppealTable, cats: CategoryTable[], extensions: boolean, format: Format) {
    const cat = cats.find((c) => c.id === a.category_id);
    const [units, events] = await Promise.all([listAppealUnits(db, a.id), extensions || a.state !== 'registered' ? listAppealEvents(db, a.id) : Promise.resolve([])]);
    const lastAnswer = [...events].reverse().find((e) => ['reply', 'answer_directly', 'final_answer'].includes(e.action) && e.payload);
    const answer = lastAnswer ? (JSON.parse(lastAnswer.payload as string) as { text?: string }).text : undefined;
    const timeline = events.map((e) => ({ action: e.action, state: e.to_state, datetime: open311Date(e.created_at) }));
    // Only reports made through Open311 itself were written to be public; appeals taken by
    // phone or on a visit publish their category and progress, never their words or place.
    const publicText = a.channel === 'open311';
    return {
      service_request_id: a.tracking_no,
      status: open311Status(a.state),
      status_notes: answer && publicText ? `${STATE_NOTES[a.state]}：${answer}` : STATE_NOTES[a.state],
      service_name: cat?.name_zh ?? '',
      service_code: cat?.code ?? '',
      description: publicText ? a.description : '',
      agency_responsible: units.find((u) => u.role === 'lead')?.name ?? '',
      service_notice: '',
      requested_datetime: open311Date(a.created_at),
      updated_datetime: open311Date(a.updated_at),
      expected_datetime: open311Date(a.reply_due_at ?? a.stage_due_at),
      address: publicText ? a.address ?? '' : '',
      address_id: '',
      zipcode: '',
      lat: publicText ? a.lat : null,
      long: publicText ? a.lng : null,
      media_url: '',
      ...(extensions
        ? { extended_attributes: { state: a.state, territory_code: publicText ? a.territory_code : '', timeline: format === 'xml' ? { step: timeline } : timeline } }
        : {}),
    };
  }
}
