import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';
import { HOSTILE } from '../support/hostile.js';

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];
const parser = new XMLParser({ isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format', 'resource', 'step'].includes(name) });

describe('Open311 GeoReport v2 conformance', () => {
  let t: TestApp;
  let apiKey: string;
  let dispatcher: Session;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields) });
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const xml = (body: string) => {
    expect(XMLValidator.validate(body)).toBe(true);
    return parser.parse(body) as Record<string, any>;
  };
  const valid = { service_code: 'traffic.bus', lat: '30.27', long: '120.13', 'attribute[territory_code]': '330106002051', description: `公交站牌缺失 ${HOSTILE.script}`, phone: '13700001234' };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await login(t.app, 'admin');
    dispatcher = await login(t.app, 'dispatcher');
    const accounts = (await t.app.inject({ method: 'GET', url: '/api/v1/accounts?q=dispatcher', headers: as(admin) })).json() as { items: { id: string }[] };
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: as(admin), payload: { name: 'Open311 client', accountId: accounts.items[0]!.id, scopes: ['appeals:register'] } });
    apiKey = (token.json() as { secret: string }).secret;
  });
  afterAll(async () => t?.close());

  it('discovery lists every endpoint in both formats', async () => {
    const json = (await get('/open311/v2/discovery.json')).json() as { endpoints: { specification: string; formats: string[]; url: string }[]; resources: string[] };
    expect(json.endpoints[0]?.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(json.endpoints[0]?.formats.sort()).toEqual(['application/json', 'text/xml']);
    expect(json.resources).toEqual(['discovery', 'services', 'services/{service_code}', 'requests', 'requests/{service_request_id}', 'tokens/{token_id}']);
    const x = xml((await get('/open311/v2/discovery.xml')).body);
    expect(x.discovery.endpoints.endpoint[0].formats.format.sort()).toEqual(['application/json', 'text/xml']);
    for (const resource of ['services', 'requests']) {
      for (const format of ['json', 'xml']) expect((await get(`/open311/v2/${resource}.${format}`)).statusCode, `${resource}.${format}`).toBe(200);
    }
  });

  it('services carry the required fields; definitions use the spec’s datatypes', async () => {
    const list = (await get('/open311/v2/services.json')).json() as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(5);
    for (const s of list) {
      for (const f of ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']) expect(s, f).toHaveProperty(f);
      expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
    }
    const xs = xml((await get('/open311/v2/services.xml')).body);
    expect(xs.services.service.length).toBe(list.length);
    const def = (await get('/open311/v2/services/traffic.bus.json')).json() as { service_code: string; attributes: { code: string; datatype: string; required: boolean; order: number; values?: unknown[] }[] };
    expect(def.service_code).toBe('traffic.bus');
    for (const a of def.attributes) {
      expect(DATATYPES).toContain(a.datatype);
      expect(typeof a.required).toBe('boolean');
      if (a.datatype.endsWith('valuelist')) expect(a.values?.length).toBeGreaterThan(0);
    }
    const xd = xml((await get('/open311/v2/services/traffic.bus.xml')).body);
    expect(xd.service_definition.attributes.attribute.length).toBe(def.attributes.length);
  });

  it('POST creates a request (form-encoded, api_key) in both formats', async () => {
    const res = await post('json', { api_key: apiKey, ...valid });
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json() as { service_request_id: string }[];
    expect(created?.service_request_id).toMatch(/^\d{8}-\d{5}$/);
    const x = await post('xml', { api_key: apiKey, ...valid });
    expect(x.statusCode).toBe(201);
    expect(xml(x.body).service_requests.request[0].service_request_id).toMatch(/^\d{8}-\d{5}$/);

    const one = (await get(`/open311/v2/requests/${created!.service_request_id}.json`)).json() as Record<string, unknown>[];
    expect(one).toHaveLength(1);
    const r = one[0]!;
    for (const f of ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'])
      expect(r, f).toHaveProperty(f);
    expect(r.status).toBe('open');
    expect(r.requested_datetime).toMatch(DATETIME);
    expect(r.expected_datetime).toMatch(DATETIME);
    expect(r.description).toContain(HOSTILE.script);
    expect(JSON.stringify(r)).not.toContain('13700001234');
    const rx = xml((await get(`/open311/v2/requests/${created!.service_request_id}.xml`)).body);
    expect(rx.service_requests.request[0].status).toBe('open');
    expect(rx.service_requests.request[0].description).toContain('<script>');
  });

  it('maps our states to open/closed with notes, and extensions=true adds the timeline', async () => {
    const [created] = (await post('json', { api_key: apiKey, ...valid })).json() as { service_request_id: string }[];
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/appeals?trackingNo=${created!.service_request_id}`, headers: as(dispatcher) })).json() as { items: { id: string; version: number }[] };
    const a = list.items[0]!;
    const answered = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${a.id}/actions`, headers: as(dispatcher), payload: { action: 'answer_directly', version: a.version, text: '该线路站牌已于本周补设' } });
    expect(answered.statusCode).toBe(200);
    const r = ((await get(`/open311/v2/requests/${created!.service_request_id}.json?extensions=true`)).json() as Record<string, any>[])[0]!;
    expect(r.status).toBe('open');
    expect(r.status_notes).toContain('该线路站牌已于本周补设');
    expect(r.extended_attributes.timeline.map((s: { action: string }) => s.action)).toEqual(['register', 'answer_directly']);
    const rx = xml((await get(`/open311/v2/requests/${created!.service_request_id}.xml?extensions=true`)).body);
    expect(rx.service_requests.request[0].extended_attributes.timeline.step).toHaveLength(2);
  });

  it('GET requests filters by id, service code, status and dates (default: last 90 days)', async () => {
    const all = (await get('/open311/v2/requests.json')).json() as { service_request_id: string; service_code: string; status: string }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const ids = all.slice(0, 2).map((r) => r.service_request_id);
    const byId = (await get(`/open311/v2/requests.json?service_request_id=${ids.join(',')}`)).json() as { service_request_id: string }[];
    expect(byId.map((r) => r.service_request_id).sort()).toEqual([...ids].sort());
    expect(((await get('/open311/v2/requests.json?service_code=city.noise')).json() as unknown[]).length).toBe(0);
    expect(((await get('/open311/v2/requests.json?status=closed')).json() as unknown[]).length).toBe(0);
    expect(((await get('/open311/v2/requests.json?status=open')).json() as unknown[]).length).toBe(all.length);
    expect(((await get('/open311/v2/requests.json?end_date=2020-01-01T00:00:00Z')).json() as unknown[]).length).toBe(0);
  });

  it('errors are [{code, description}] with 400, 403 and 404, in both formats', async () => {
    const cases: [() => Promise<{ statusCode: number; body: string; json(): unknown }>, number][] = [
      [() => post('json', { ...valid }), 403],
      [() => post('json', { ...valid, api_key: 'mh_wrongwrongwrongwrongwrong' }), 403],
      [() => post('json', { api_key: apiKey, ...valid, service_code: '' }), 400],
      [() => post('json', { api_key: apiKey, ...valid, service_code: 'no.such' }), 404],
      [() => post('json', { api_key: apiKey, service_code: 'traffic.bus', 'attribute[territory_code]': '330106002051', description: '没有位置的诉求' }), 400],
      [() => post('json', { api_key: apiKey, ...valid, 'attribute[territory_code]': '' }), 400],
      [() => post('json', { api_key: apiKey, ...valid, 'attribute[territory_code]': '330199999999' }), 400],
      [() => get('/open311/v2/requests/20000101-00001.json'), 404],
      [() => get('/open311/v2/services/no.such.json'), 404],
      [() => get('/open311/v2/tokens/00000000-0000-7000-8000-000000000000.json'), 404],
      [() => get('/open311/v2/requests.json?start_date=yesterday'), 400],
    ];
    for (const [call, status] of cases) {
      const res = await call();
      expect(res.statusCode, res.body).toBe(status);
      const body = res.json() as { code: number; description: string }[];
      expect(body[0]?.code).toBe(status);
      expect(body[0]?.description.length).toBeGreaterThan(0);
    }
    const x = await t.app.inject({ method: 'GET', url: '/open311/v2/requests/20000101-00001.xml' });
    expect(x.statusCode).toBe(404);
    expect(x.headers['content-type']).toContain('text/xml');
    expect(xml(x.body).errors.error[0].code).toBe(404);
  });

  it('appeals taken by phone publish their category and progress, never their words or place', async () => {
    const cats = (await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] };
    const phone = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: as(dispatcher),
      payload: { categoryId: cats.items.find((c) => c.code === 'traffic.bus')!.id, territoryCode: '330106002051', address: '文三路 88 号 3 单元', description: '我是张三，电话 13812345678，家门口站台坏了' },
    });
    const { trackingNo } = phone.json() as { trackingNo: string };
    const r = ((await get(`/open311/v2/requests/${trackingNo}.json?extensions=true`)).json() as Record<string, any>[])[0]!;
    expect(r.service_code).toBe('traffic.bus');
    expect(r.description).toBe('');
    expect(r.address).toBe('');
    expect(JSON.stringify(r)).not.toMatch(/张三|13812345678|文三路/);
  });

  it('tokens resolve to the request id', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/appeals?limit=1', headers: as(dispatcher) })).json() as { items: { id: string; trackingNo: string }[] };
    const a = list.items[0]!;
    const res = (await get(`/open311/v2/tokens/${a.id}.json`)).json() as { service_request_id: string; token: string }[];
    expect(res).toEqual([{ service_request_id: a.trackingNo, token: a.id }]);
  });
});
