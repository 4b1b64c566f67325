import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/infra/db/schema.js';
import type { Engine } from '../../server/infra/db/database.js';
import type { ZodApp } from '../../server/infra/http/app.js';
import { HOSTILE } from './hostile.js';

/** SQL-injection strings every filter and query parameter is tried with. */
export const SQL_INJECTION = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "1; DROP TABLE appeal; --",
  "x' UNION SELECT name, sql FROM sqlite_master --",
  "x' UNION SELECT usename, passwd FROM pg_shadow --",
  "'); DELETE FROM account; --",
  '" OR ""="',
  '%',
  '_',
  '\\',
  "1' AND pg_sleep(5) --",
  "西湖'; UPDATE account SET password_hash = '' --",
];

/** Boundary and hostile scalars: what a schema-guided fuzzer feeds each field. */
export const EVIL_SCALARS: unknown[] = [
  '',
  ' ',
  '\u0000',
  '\u202E',
  '\uD800',
  '𣵦'.repeat(3),
  'a'.repeat(10_000),
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  HOSTILE.script,
  HOSTILE.img,
  HOSTILE.link,
  HOSTILE.placeholder,
  ...SQL_INJECTION.slice(0, 6),
  0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 31),
  1e308,
  true,
  false,
  null,
  [],
  {},
  [null],
  { $gt: '' },
  { __proto__: { admin: true } },
  '2026-02-30',
  '2026-11-29T25:61:00Z',
  '0190a000-0000-7000-8000-000000000000',
  '330106',
  '13812341234',
];

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  required?: string[];
}

export interface Operation {
  method: string;
  /** OpenAPI path template, e.g. /api/v1/appeals/{id} */
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  body: JsonSchema | null;
  bodyType: string | null;
  access: string;
}

/** Every operation in the app's OpenAPI description: the routes as clients see them, discovered. */
export async function operationsOf(app: ZodApp): Promise<Operation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; 'x-access'?: string }>>;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
        body: bodyType ? content[bodyType]!.schema : null,
        bodyType,
        access: op['x-access'] ?? 'undeclared',
      });
    }
  }
  return ops;
}

/** A value near what the schema wants: its enum members, its boundaries, one past them. */
function nearValid(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 3) return fc.constantFrom(...EVIL_SCALARS);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.oneof(fc.constantFrom(...s.enum), fc.constant(`${String(s.enum[0])}x`));
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => nearValid(a, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      const min = s.minLength ?? 0;
      const max = s.maxLength ?? 50;
      return fc.oneof(
        fc.constantFrom('x'.repeat(Math.max(0, min - 1)), '字'.repeat(min || 1), '字'.repeat(Math.min(max, 5000)), '字'.repeat(Math.min(max + 1, 5001))),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom(...EVIL_SCALARS.filter((v) => typeof v === 'string')),
      );
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? -1000;
      const max = s.maximum ?? 1000;
      return fc.oneof(fc.constantFrom(min, max, min - 1, max + 1, 0), type === 'integer' ? fc.integer() : fc.double());
    }
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 1, null));
    case 'array':
      return fc.oneof(fc.array(nearValid(s.items, depth + 1), { maxLength: 4 }), fc.constant(Array.from({ length: 200 }, () => 'x')));
    case 'object':
      return objectOf(s, depth + 1);
    default:
      return fc.constantFrom(...EVIL_SCALARS);
  }
}

function objectOf(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const names = Object.keys(props);
  if (!names.length) return fc.dictionary(fc.string({ maxLength: 8 }), fc.constantFrom(...EVIL_SCALARS), { maxKeys: 3 });
  const record = Object.fromEntries(names.map((n) => [n, fc.oneof({ weight: 3, arbitrary: nearValid(props[n], depth) }, { weight: 1, arbitrary: fc.constantFrom(...EVIL_SCALARS) })]));
  return fc.record(record, { requiredKeys: [] });
}

export interface FuzzRequest {
  url: string;
  payload: unknown;
  raw: boolean;
  withSession: boolean;
  ip: string;
}

const PATH_VALUES = ['0190a000-0000-7000-8000-000000000000', '330106', '..%2F..%2Fetc%2Fpasswd', "1'%20OR%20'1'%3D'1", '%00', 'x'.repeat(300), '%F0%A3%B5%A6', '-1', '99999999999999999999'];

/** Requests for one operation: path params, query and body from the schema, or something else entirely. */
export function requestsFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathArb = fc.tuple(...op.pathParams.map(() => fc.constantFrom(...PATH_VALUES))).map((values) => {
    let url = op.path;
    op.pathParams.forEach((name, i) => (url = url.replace(`{${name}}`, values[i]!)));
    return url;
  });
  const queryArb = objectOf({ properties: op.query }, 0) as fc.Arbitrary<Record<string, unknown>>;
  const bodyArb: fc.Arbitrary<unknown> = op.body
    ? fc.oneof({ weight: 4, arbitrary: nearValid(op.body) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) })
    : fc.constant(undefined);
  return fc.record({
    path: pathArb,
    query: queryArb,
    payload: bodyArb,
    withSession: fc.boolean(),
    ip: fc.tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b, c]) => `10.${a}.${b}.${c}`),
  }).map(({ path, query, payload, withSession, ip }) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    const q = qs.toString();
    return { url: q ? `${path}?${q}` : path, payload, raw: op.bodyType !== null && op.bodyType !== 'application/json', withSession, ip };
  });
}

/** Every base table of the database, discovered (new modules' tables included). */
export async function tablesOf(db: Kysely<DB>, engine: Engine): Promise<string[]> {
  if (engine === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL TABLE%' and name not like '%_fts_%' order by name`.execute(db);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Row counts of the given tables in one statement. */
export async function rowCounts(db: Kysely<DB>, tables: string[]): Promise<Record<string, number>> {
  const parts = tables.map((t) => sql`(select count(*) from ${sql.table(t)}) as ${sql.ref(t)}`);
  const row = (await sql<Record<string, number | string>>`select ${sql.join(parts)}`.execute(db)).rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

export function diffCounts(a: Record<string, number>, b: Record<string, number>): string[] {
  return Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k]} → ${b[k]}`);
}
