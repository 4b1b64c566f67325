import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';

/**
 * Security headers on every answer: every GET route the app registers (discovered from its
 * route table, so new modules are covered), the single-page app, static files, 404s and errors.
 */

/** A path for a route pattern: each `:param` replaced by a plausible value (a 404 must carry the headers too). */
function concrete(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => (/code/i.test(name) ? '330106' : /no$/i.test(name) ? '20261129-00001' : '0190a000-0000-7000-8000-000000000000')).replace(/\*$/, 'x');
}

function cspDirectives(res: LightMyRequestResponse): Map<string, string[]> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function expectStrictHeaders(res: LightMyRequestResponse, where: string) {
  const csp = cspDirectives(res);
  expect(csp.size, `${where}: content-security-policy`).toBeGreaterThan(0);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect(scripts, `${where}: script-src`).toBeDefined();
  expect(scripts, `${where}: script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${where}: script-src`).not.toContain("'unsafe-eval'");
  expect(scripts, `${where}: script-src`).not.toContain('*');
  expect(csp.get('frame-ancestors'), `${where}: frame-ancestors`).toEqual(["'none'"]);
  expect(csp.get('object-src'), `${where}: object-src`).toEqual(["'none'"]);
  expect(res.headers['x-frame-options'], `${where}: x-frame-options`).toBe('DENY');
  expect(res.headers['x-content-type-options'], `${where}: x-content-type-options`).toBe('nosniff');
  expect(res.headers['referrer-policy'], `${where}: referrer-policy`).toBeDefined();
}

describe('security headers', () => {
  describe('plain HTTP, no proxy', () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp();
      admin = await login(t.app, 'admin');
    });
    afterAll(async () => t?.close());

    it('every GET route, anonymous and signed in, answers with a strict CSP and frame-ancestors none, and no HSTS', async () => {
      const urls = [...new Set(t.app.routeTable.filter((r) => r.method === 'GET').map((r) => concrete(r.url)))];
      expect(urls.length).toBeGreaterThan(50);
      for (const url of [...urls, '/some/client/route', '/api/v1/nothing-here', '/assets/nothing.js', '/%E0%A4%A']) {
        for (const who of [null, admin]) {
          const res = await t.app.inject({ method: 'GET', url, headers: as(who) });
          const where = `GET ${url} ${who ? 'signed in' : 'anonymous'} → ${res.statusCode}`;
          expect(res.statusCode, where).toBeLessThan(500);
          expectStrictHeaders(res, where);
          expect(res.headers['strict-transport-security'], where).toBeUndefined();
          // Server-rendered pages carry no inline script (the CSP would block it anyway).
          if (String(res.headers['content-type'] ?? '').startsWith('text/html')) {
            expect(res.body, where).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
          }
        }
      }
    });

    it('writes and refusals carry the headers too', async () => {
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
      expect(bad.statusCode).toBe(400);
      expectStrictHeaders(bad, 'POST /api/v1/auth/login 400');
      const denied = await t.app.inject({ method: 'POST', url: '/api/v1/units', payload: { name: 'x', kind: 'government' } });
      expect(denied.statusCode).toBe(401);
      expectStrictHeaders(denied, 'POST /api/v1/units 401');
    });

    it('the session cookie is HttpOnly and SameSite, not Secure over plain HTTP', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Minhu@2026' } });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/minhu_sid=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/;\s*Secure/i);
    });
  });

  describe('behind a trusted TLS proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { MINHU_TRUST_PROXY: '127.0.0.1' } });
    });
    afterAll(async () => t?.close());
    const tls = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };

    it('HSTS on pages and API answers that came over TLS, not on those that did not', async () => {
      const urls = ['/', '/healthz', '/api/v1/territories', '/showcase', '/api/v1/nothing-here', '/api/docs/'];
      for (const url of urls) {
        const res = await t.app.inject({ method: 'GET', url, headers: tls });
        expect(res.headers['strict-transport-security'], url).toMatch(/max-age=31536000/);
        expect(res.headers['strict-transport-security'], url).toMatch(/includeSubDomains/);
        expectStrictHeaders(res, `GET ${url} over TLS`);
        const plain = await t.app.inject({ method: 'GET', url });
        expect(plain.headers['strict-transport-security'], url).toBeUndefined();
      }
    });

    it('the session cookie is Secure, HttpOnly and SameSite over TLS', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: tls, payload: { username: 'admin', password: 'Minhu@2026' } });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    });

    it('an untrusted client cannot claim TLS', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: tls, remoteAddress: '198.51.100.7' });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('production configuration', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { MINHU_SECURE_COOKIES: 'true' } });
    });
    afterAll(async () => t?.close());

    it('Secure cookies configured: HSTS and Secure cookies always', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Minhu@2026' } });
      expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    });
  });
});
