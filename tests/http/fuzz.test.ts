import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db.js';
import { diffCounts, operationsOf, requestsFor, rowCounts, SQL_INJECTION, tablesOf, type Operation } from '../support/fuzz.js';
import { as, login, type Session } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

/**
 * Property-based fuzzing of every route the OpenAPI description lists (so new modules are
 * covered without editing this file): schema-guided and random params, queries and bodies,
 * anonymous and as the district administrator. Properties: never a 5xx, always problem+json
 * when refused, and a refused request writes nothing (row counts of every table unchanged).
 * Seeded and bounded; `MINHU_FUZZ_RUNS` raises the runs per route (npm run test:faults).
 */
const RUNS = Number(process.env.MINHU_FUZZ_RUNS ?? 0);
const SEED = Number(process.env.MINHU_FUZZ_SEED ?? 20261129);

/** Routes whose success ends the session the fuzzer is using; they are fuzzed anonymously only. */
const ENDS_SESSION = /\/auth\/(logout|password)|\/sessions/;

/**
 * Tables a refused request may legitimately add to: a failed sign-in is audited (and counted on
 * the account), a wrong one-time code is counted. Anything else growing on a refusal is a partial write.
 */
const AUDITED_REFUSALS = /\/auth\/login$/;

describe.each(ENGINES)('fuzzing every route on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let ops: Operation[];
  let tables: string[];
  beforeAll(async () => {
    t = await createTestApp({ engine });
    admin = await login(t.app, 'admin');
    ops = (await operationsOf(t.app)).filter((o) => !o.path.startsWith('/api/docs'));
    // Rate-limit windows count every request, refused or not: bookkeeping, not data.
    tables = (await tablesOf(t.database.handle.db, engine)).filter((name) => name !== 'rate_limit');
  });
  afterAll(async () => t?.close());

  const send = (op: Operation, r: { url: string; payload: unknown; raw: boolean; withSession: boolean; ip: string }) => {
    const session = r.withSession && !ENDS_SESSION.test(op.path) ? admin : null;
    const headers: Record<string, string> = { ...as(session) };
    let payload: string | Buffer | undefined;
    if (op.method !== 'GET' && op.method !== 'DELETE' || r.payload !== undefined) {
      if (r.raw) {
        headers['content-type'] = op.bodyType ?? 'application/octet-stream';
        payload = Buffer.from(typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload ?? ''));
      } else if (r.payload !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(r.payload);
      }
    }
    return t.app.inject({ method: op.method as 'GET', url: r.url, headers, payload, remoteAddress: r.ip });
  };

  it('discovers the routes from the OpenAPI description', () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(tables.length).toBeGreaterThan(30);
    expect(tables).toContain('appeal');
  });

  it('no 5xx and no partial writes, whatever the params, query and body', async () => {
    const runsPerRoute = RUNS || (engine === 'sqlite' ? 6 : 3);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    for (const [index, op] of ops.entries()) {
      await fc.assert(
        fc.asyncProperty(requestsFor(op), async (r) => {
          const before = await rowCounts(t.database.handle.db, tables);
          const res = await send(op, r);
          requests++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const where = `${op.method} ${r.url.slice(0, 200)} ${r.withSession ? 'admin' : 'anonymous'} body=${JSON.stringify(r.payload)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          if (res.statusCode >= 500) failures.push(where);
          if (res.statusCode >= 400 && res.statusCode !== 404 && !op.path.startsWith('/open311')) {
            if (!String(res.headers['content-type']).startsWith('application/problem+json')) failures.push(`not problem+json: ${where}`);
          }
          if (res.statusCode >= 400 && !AUDITED_REFUSALS.test(op.path)) {
            const changed = diffCounts(before, await rowCounts(t.database.handle.db, tables));
            if (changed.length) failures.push(`partial write (${changed.join(', ')}): ${where}`);
          }
          return true;
        }),
        { seed: SEED + index, numRuns: runsPerRoute, endOnFailure: true },
      );
    }
    if (process.env.MINHU_FUZZ_RUNS) console.log(`${engine}: ${requests} requests over ${ops.length} routes`, Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])));
    expect(failures).toEqual([]);
    expect(requests).toBe(ops.length * runsPerRoute);
    // Not everything bounced off validation: some requests got through to the handlers.
    const succeeded = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    expect(succeeded).toBeGreaterThan(requests * 0.05);
  });

  it('SQL-injection strings in every query parameter are plain values', async () => {
    const before = await rowCounts(t.database.handle.db, tables);
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.method === 'GET' && Object.keys(o.query).length && !o.pathParams.length)) {
      for (const name of Object.keys(op.query)) {
        for (const injection of SQL_INJECTION) {
          const url = `${op.path}?${new URLSearchParams({ [name]: injection })}`;
          const started = Date.now();
          const res = await t.app.inject({ method: 'GET', url, headers: as(admin), remoteAddress: '10.9.9.9' });
          if (res.statusCode >= 500) failures.push(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (Date.now() - started > 4000) failures.push(`${url} took ${Date.now() - started} ms (injected sleep?)`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Nothing dropped, emptied or added.
    expect((await tablesOf(t.database.handle.db, engine)).filter((name) => name !== 'rate_limit')).toEqual(tables);
    expect(diffCounts(before, await rowCounts(t.database.handle.db, tables))).toEqual([]);
    const still = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Minhu@2026' } });
    expect(still.statusCode).toBe(200);
  });

  it('oversize bodies are refused with 413 before they are read, on every route that takes a body', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) });
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.body && o.bodyType === 'application/json' && !ENDS_SESSION.test(o.path))) {
      const url = op.path.replace(/\{[^}]+\}/g, '0190a000-0000-7000-8000-000000000000');
      const res = await t.app.inject({ method: op.method as 'POST', url, headers: { ...as(admin), 'content-type': 'application/json' }, payload: big, remoteAddress: '10.8.8.8' });
      // Refused before the body is read: too large, or not the caller's to send at all (access is checked first).
      if (res.statusCode !== 413 && res.statusCode !== 403) failures.push(`${op.method} ${url} → ${res.statusCode}`);
      else if (res.statusCode === 413 && !op.path.startsWith('/open311')) expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    }
    expect(failures).toEqual([]);
    // A photo one byte over the limit, declared up front: refused before the body is read.
    const photo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/photos',
      headers: { 'content-type': 'image/jpeg' },
      payload: Buffer.alloc(t.config.photoMaxBytes + 1),
      remoteAddress: '10.8.8.9',
    });
    expect(photo.statusCode).toBe(413);
    expect(photo.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('path traversal on file, photo and static routes finds nothing outside', async () => {
    const attempts = [
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/....//....//package.json',
      '/..\\..\\package.json',
      '/index.html%00.png',
      '/api/v1/photos/..%2f..%2fetc%2fpasswd',
      '/api/v1/appeals/..%2f..%2f/photos/..%2f..%2fetc%2fpasswd',
      '/api/v1/public/showcase/..%2f..%2fetc%2fpasswd/photos/x',
      '/%2e%2e%2f%2e%2e%2fserver%2fconfig.ts',
      '/../../../../etc/passwd',
    ];
    for (const url of attempts) {
      for (const who of [null, admin]) {
        const res = await t.app.inject({ method: 'GET', url, headers: as(who) });
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.body, url).not.toMatch(/root:.*:0:0:/);
        expect(res.body, url).not.toContain('"allowScripts"');
        expect(res.body, url).not.toContain('loadConfig');
      }
    }
  });
});
