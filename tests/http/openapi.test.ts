import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/server.js';

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('/api/openapi.json describes every route, with its access and response schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; 'x-access': string; security?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        documented.add(`${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
        expect(op['x-access'], `${method} ${p}`).not.toBe('undeclared');
        expect(Object.keys(op.responses).length, `${method} ${p}`).toBeGreaterThan(0);
        if (op['x-access'] !== 'public') expect(op.security).toBeDefined();
      }
    }
    const routes = t.app.routeTable
      .filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/*' && r.url !== '/' && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`);
    for (const r of routes) expect(documented, r).toContain(r);
  });

  it('serves a browsable docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('security headers are on every response', async () => {
    for (const url of ['/healthz', '/api/v1/territories', '/api/v1/nothing']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-request-id']).toBeDefined();
    }
  });
});
