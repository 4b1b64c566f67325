import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/server.js';
import { as, login, type Session } from '../support/http.js';

type Who = 'anonymous' | 'resident' | 'member' | 'station_head' | 'town_official' | 'district_staff' | 'dispatcher' | 'unit_clerk' | 'admin';
const USERS: Record<Exclude<Who, 'anonymous'>, string> = {
  resident: 'resident',
  member: 'member',
  station_head: 'station',
  town_official: 'town',
  district_staff: 'staff',
  dispatcher: 'dispatcher',
  unit_clerk: 'clerk',
  admin: 'admin',
};
const SIGNED_IN = Object.keys(USERS) as Exclude<Who, 'anonymous'>[];
const EVERYONE: Who[] = ['anonymous', ...SIGNED_IN];
const UNITS_READ: Who[] = ['district_staff', 'dispatcher', 'town_official', 'unit_clerk', 'admin'];
const VENUES_READ: Who[] = ['member', 'station_head', 'town_official', 'district_staff', 'admin'];
const VENUES_MANAGE: Who[] = ['town_official', 'district_staff', 'admin'];
// Route-level only: which venue's roster a member or station head may edit is the policy's call (403 on others).
const VENUES_ROSTER: Who[] = ['member', 'station_head', 'town_official', 'district_staff', 'admin'];
const CONSULTATIONS_READ: Who[] = ['member', 'station_head', 'town_official', 'district_staff', 'admin'];
// Route-level only: which events a station head or town official runs is consultations.policy's call.
const CONSULTATIONS_MANAGE: Who[] = ['station_head', 'town_official', 'district_staff', 'admin'];
const SUGG_READ: Who[] = ['resident', 'member', 'station_head', 'town_official', 'district_staff', 'unit_clerk', 'admin'];
const SUGG_MANAGE: Who[] = ['station_head', 'town_official', 'district_staff', 'admin'];

/**
 * The expected access of every route, written out by hand: the policy table must agree with
 * it, and a route missing from this list fails the test.
 */
const EXPECTED: Record<string, Who[]> = {
  'GET /healthz': EVERYONE,
  'GET /readyz': EVERYONE,
  'GET /api/openapi.json': EVERYONE,
  'GET /api/v1/territories': EVERYONE,
  'GET /api/v1/territories/:code': EVERYONE,
  'GET /api/v1/territories/:code/children': EVERYONE,
  'GET /api/v1/territories/:code/ancestors': EVERYONE,
  'PATCH /api/v1/territories/:code': ['admin'],
  'POST /api/v1/auth/login': EVERYONE,
  'GET /api/v1/auth/session': EVERYONE,
  'POST /api/v1/auth/password': SIGNED_IN,
  'POST /api/v1/auth/logout': SIGNED_IN,
  'GET /api/v1/accounts': ['admin'],
  'POST /api/v1/accounts': ['admin'],
  'GET /api/v1/accounts/:id': ['admin'],
  'PATCH /api/v1/accounts/:id': ['admin'],
  'POST /api/v1/accounts/:id/password-reset': ['admin'],
  'POST /api/v1/accounts/:id/grants': ['admin'],
  'DELETE /api/v1/accounts/:id/grants/:grantId': ['admin'],
  'GET /api/v1/units': UNITS_READ,
  'GET /api/v1/units/:id': UNITS_READ,
  'POST /api/v1/units': ['district_staff', 'admin'],
  'PATCH /api/v1/units/:id': ['district_staff', 'admin'],
  'GET /api/v1/tokens': ['admin'],
  'POST /api/v1/tokens': ['admin'],
  'DELETE /api/v1/tokens/:id': ['admin'],
  'GET /api/v1/audit': ['district_staff', 'admin'],
  'GET /api/v1/audit/verify': ['district_staff', 'admin'],
  'GET /api/v1/calendar/days': EVERYONE,
  'GET /api/v1/calendar/deadline': EVERYONE,
  'PUT /api/v1/calendar/days/:date': ['admin'],
  'DELETE /api/v1/calendar/days/:date': ['admin'],
  'GET /api/v1/categories': EVERYONE,
  'GET /api/v1/appeal-categories': ['admin'],
  'POST /api/v1/appeal-categories': ['admin'],
  'PATCH /api/v1/appeal-categories/:id': ['admin'],
  'POST /api/v1/appeal-categories/:id/deactivate': ['admin'],
  'POST /api/v1/appeal-categories/:id/reactivate': ['admin'],
  'DELETE /api/v1/appeal-categories/:id': ['admin'],
  'GET /api/v1/deadline-classes': ['admin'],
  'PATCH /api/v1/deadline-classes/:code': ['admin'],
  'POST /api/v1/appeals': ['member', 'dispatcher', 'admin'],
  'GET /api/v1/appeals/similar': ['member', 'dispatcher', 'admin'],
  // Residents see how many similar appeals are open, never their text or people.
  'GET /api/v1/public/appeals/similar': EVERYONE,
  // Anyone may upload (rate-limited, expires unless an intake or reply attaches it).
  'POST /api/v1/photos': EVERYONE,
  // Signed in, and then only for appeals the person may read (else 404).
  'GET /api/v1/appeals/:id/photos/:photoId': SIGNED_IN,
  'GET /api/v1/topics/candidates': ['town_official', 'district_staff', 'admin'],
  'GET /api/v1/topics': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'POST /api/v1/topics': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'GET /api/v1/topics/:id': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'PATCH /api/v1/topics/:id': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'POST /api/v1/topics/:id/actions': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'GET /api/v1/appeals': ['district_staff', 'dispatcher', 'town_official', 'unit_clerk', 'admin'],
  'GET /api/v1/appeals/:id': SIGNED_IN,
  'POST /api/v1/appeals/:id/actions': ['district_staff', 'dispatcher', 'town_official', 'unit_clerk', 'admin'],
  'GET /api/v1/appeal-status/:trackingNo': EVERYONE,
  'GET /api/v1/inbox': SIGNED_IN,
  'POST /api/v1/inbox/read': SIGNED_IN,
  'POST /api/v1/public/otp': EVERYONE,
  'POST /api/v1/public/appeals': EVERYONE,
  'GET /api/v1/venues': VENUES_READ,
  'POST /api/v1/venues': VENUES_MANAGE,
  'GET /api/v1/venues/:id': VENUES_READ,
  'PATCH /api/v1/venues/:id': VENUES_MANAGE,
  'POST /api/v1/venues/:id/deactivate': VENUES_MANAGE,
  'POST /api/v1/venues/:id/reactivate': VENUES_MANAGE,
  'PUT /api/v1/venues/:id/head': VENUES_MANAGE,
  'POST /api/v1/venues/:id/members': VENUES_MANAGE,
  'DELETE /api/v1/venues/:id/members/:accountId': VENUES_MANAGE,
  'POST /api/v1/venues/:id/duty-rules': VENUES_ROSTER,
  'PATCH /api/v1/duty-rules/:id': VENUES_ROSTER,
  'DELETE /api/v1/duty-rules/:id': VENUES_ROSTER,
  'POST /api/v1/duty-rules/:id/exceptions': VENUES_ROSTER,
  'DELETE /api/v1/duty-exceptions/:id': VENUES_ROSTER,
  'GET /api/v1/venues/:id/duty': VENUES_READ,
  'GET /api/v1/venues/:id/duty.ics': EVERYONE,
  'GET /api/v1/members': VENUES_READ,
  'PUT /api/v1/members/:accountId': ['district_staff', 'admin'],
  'GET /api/v1/me/duty': ['member'],
  'GET /api/v1/me/duty.ics': ['member'],
  'GET /api/v1/duty/today': EVERYONE,
  'GET /api/v1/public/venues': EVERYONE,
  'GET /api/v1/public/venues/:id': EVERYONE,
  // Suggestions: which event or item a manager, unit or rater acts on is the policy's call (403/404 on others).
  'GET /api/v1/consultations/:id/suggestions': SUGG_MANAGE,
  'POST /api/v1/consultations/:id/suggestions': SUGG_MANAGE,
  'POST /api/v1/consultations/:id/suggestion-list': SUGG_MANAGE,
  'GET /api/v1/consultations/:id/suggestions/export': SUGG_MANAGE,
  'GET /api/v1/suggestions/mine': SUGG_READ,
  'GET /api/v1/suggestions/assigned': ['unit_clerk'],
  'GET /api/v1/suggestions/queue': ['district_staff', 'admin'],
  'GET /api/v1/suggestions/:id': SUGG_READ,
  'PATCH /api/v1/suggestions/:id': SUGG_MANAGE,
  'POST /api/v1/suggestions/:id/merge': SUGG_MANAGE,
  'POST /api/v1/suggestions/:id/decision': SUGG_MANAGE,
  'POST /api/v1/suggestions/:id/assignment': ['district_staff', 'admin'],
  'POST /api/v1/suggestions/:id/response': ['unit_clerk'],
  'POST /api/v1/suggestions/:id/objection-decision': ['district_staff', 'admin'],
  'POST /api/v1/suggestions/:id/replies': ['unit_clerk'],
  'POST /api/v1/suggestions/:id/progress': ['unit_clerk'],
  'POST /api/v1/suggestions/:id/feedback': ['resident', 'member'],
  'GET /api/v1/public/suggestions/:id': EVERYONE,
  'GET /api/v1/public/consultations/:id/suggestions': EVERYONE,
  'GET /api/v1/public/topics/:id/suggestion-rollup': EVERYONE,
  'GET /api/v1/public/campaigns/:id/suggestion-rollup': EVERYONE,
  // Open311 is public; creating a request checks its api_key inside.
  'GET /open311/v2/discovery.json': EVERYONE,
  'GET /open311/v2/discovery.xml': EVERYONE,
  'GET /open311/v2/services.json': EVERYONE,
  'GET /open311/v2/services.xml': EVERYONE,
  'GET /open311/v2/services/:file': EVERYONE,
  'GET /open311/v2/requests.json': EVERYONE,
  'GET /open311/v2/requests.xml': EVERYONE,
  'POST /open311/v2/requests.json': EVERYONE,
  'POST /open311/v2/requests.xml': EVERYONE,
  'GET /open311/v2/requests/:file': EVERYONE,
  'GET /open311/v2/tokens/:file': EVERYONE,
  'GET /api/v1/campaigns': CONSULTATIONS_READ,
  'POST /api/v1/campaigns': ['district_staff', 'admin'],
  'GET /api/v1/campaigns/:id': CONSULTATIONS_READ,
  'PATCH /api/v1/campaigns/:id': ['district_staff', 'admin'],
  'GET /api/v1/procedure-templates': CONSULTATIONS_READ,
  'POST /api/v1/procedure-templates': ['district_staff', 'admin'],
  'PATCH /api/v1/procedure-templates/:id': ['district_staff', 'admin'],
  'GET /api/v1/consultations': CONSULTATIONS_READ,
  'POST /api/v1/consultations': CONSULTATIONS_MANAGE,
  'GET /api/v1/consultations/:id': CONSULTATIONS_READ,
  'POST /api/v1/consultations/:id/artefacts': CONSULTATIONS_MANAGE,
  'POST /api/v1/consultations/:id/attendees': CONSULTATIONS_MANAGE,
  'POST /api/v1/consultations/:id/actions': CONSULTATIONS_MANAGE,
  'GET /api/v1/public/consultations/:id': EVERYONE,
  'POST /api/v1/public/consultations/:id/sign-in': EVERYONE,
  'GET /api/v1/visits': ['member', 'town_official', 'district_staff', 'admin'],
  'POST /api/v1/visits': ['member'],
  'GET /api/v1/visits/:id': ['member', 'town_official', 'district_staff', 'admin'],
  'PATCH /api/v1/visits/:id': ['member'],
  'POST /api/v1/visits/:id/concerns/:concernId/appeal': ['member'],
  'POST /api/v1/visits/:id/concerns/:concernId/topic': ['member'],
  'GET /api/v1/public/dashboard': EVERYONE,
  'GET /api/v1/public/records': EVERYONE,
  'GET /api/v1/public/coverage': EVERYONE,
  'GET /api/v1/public/campaigns/:id/progress': EVERYONE,
  'GET /api/v1/public/dashboard/stream': EVERYONE,
  'GET /api/v1/showcase/candidates': ['district_staff', 'admin'],
  'GET /api/v1/showcase/items': ['district_staff', 'admin'],
  'POST /api/v1/showcase/items': ['district_staff', 'admin'],
  'PATCH /api/v1/showcase/items/:id': ['district_staff', 'admin'],
  'POST /api/v1/showcase/items/:id/unpublish': ['district_staff', 'admin'],
  'GET /api/v1/public/showcase': EVERYONE,
  'GET /api/v1/public/showcase/:id': EVERYONE,
  'GET /api/v1/public/showcase/:id/photos/:photoId': EVERYONE,
  'GET /api/v1/public/search': EVERYONE,
  'GET /api/v1/open-data': EVERYONE,
  'GET /api/v1/open-data/:file': EVERYONE,
  // Participants are not accounts: their routes are public and want an x-participant-token (401 PARTICIPANT_REQUIRED without one).
  'GET /api/v1/public/online': EVERYONE,
  'GET /api/v1/public/online/:id': EVERYONE,
  'POST /api/v1/public/online/:id/participants': EVERYONE,
  'GET /api/v1/public/online/:id/next': EVERYONE,
  'POST /api/v1/public/online/:id/votes': EVERYONE,
  'POST /api/v1/public/online/:id/statements': EVERYONE,
  'GET /api/v1/public/online/:id/map': EVERYONE,
  'GET /api/v1/public/online/:id/stream': EVERYONE,
  // Route-level only: which consultations someone organises is online.policy's call (the event's organisers; topic reviewers for a topic).
  'POST /api/v1/online-consultations': CONSULTATIONS_MANAGE,
  'GET /api/v1/online-consultations': CONSULTATIONS_MANAGE,
  'GET /api/v1/online-consultations/:id': CONSULTATIONS_MANAGE,
  'POST /api/v1/online-consultations/:id/statements': CONSULTATIONS_MANAGE,
  'POST /api/v1/online-consultations/:id/statements/:statementId/moderation': CONSULTATIONS_MANAGE,
  'POST /api/v1/online-consultations/:id/close': CONSULTATIONS_MANAGE,
  'POST /api/v1/online-consultations/:id/statements/:statementId/promote': CONSULTATIONS_MANAGE,
  'GET /showcase': EVERYONE,
  'GET /showcase/:id': EVERYONE,
  'GET /search': EVERYONE,
  'GET /open-data': EVERYONE,
  'GET /venues': EVERYONE,
  'GET /venues/:id': EVERYONE,
  'GET /events/:id': EVERYONE,
  'GET /suggestions/:id': EVERYONE,
  'GET /consultations/:id/results': EVERYONE,
  'GET /dashboard': EVERYONE,
};

function fill(url: string): string {
  return url
    .replace(':code', '330106')
    .replace(':date', '2030-01-02')
    .replace(':trackingNo', '20261129-00001')
    .replace(':file', 'x.json')
    .replace(':grantId', randomUUID())
    .replace(':photoId', randomUUID())
    .replace(':accountId', randomUUID())
    .replace(':concernId', randomUUID())
    .replace(':statementId', randomUUID())
    .replace(':id', randomUUID());
}

describe('route × role authorization', () => {
  let t: TestApp;
  const sessions = new Map<Who, Session | null>();
  beforeAll(async () => {
    t = await createTestApp();
    sessions.set('anonymous', null);
    for (const who of SIGNED_IN) sessions.set(who, await login(t.app, USERS[who]));
  });
  afterAll(async () => t?.close());

  it('every route is in the expected table, and every entry is a route', () => {
    const routes = t.app.routeTable
      .filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/*' && r.url !== '*' && r.url !== '/')
      .map((r) => `${r.method} ${r.url}`);
    expect([...routes].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('the API docs pages are public', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBeLessThan(400);
  });

  // Logout ends the session, so it runs last for each role.
  const order = Object.keys(EXPECTED).sort((a, b) => Number(a.endsWith('/logout')) - Number(b.endsWith('/logout')));
  for (const who of EVERYONE) {
    it(`${who}: allowed routes answer, the others refuse`, async () => {
      const problems: string[] = [];
      for (const key of order) {
        const [method, url] = key.split(' ') as [string, string];
        const allowed = EXPECTED[key]!.includes(who);
        const res = await t.app.inject({
          method: method as 'GET',
          url: fill(url),
          headers: as(sessions.get(who) ?? null),
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        // Open311 answers 403 for a missing api_key, whoever calls.
        const denied = (res.statusCode === 401 || res.statusCode === 403) && !url.startsWith('/open311/');
        if (allowed && denied) problems.push(`${key}: expected allowed, got ${res.statusCode} ${res.body}`);
        if (!allowed) {
          const expected = who === 'anonymous' ? 401 : 403;
          if (res.statusCode !== expected) problems.push(`${key}: expected ${expected}, got ${res.statusCode}`);
          else if (!String(res.headers['content-type']).startsWith('application/problem+json')) problems.push(`${key}: not problem+json`);
        }
        if (res.statusCode >= 500) problems.push(`${key}: ${res.statusCode} ${res.body}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('an API token acts with its scopes only, and stops working when revoked', async () => {
    const admin = await login(t.app, 'admin');
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: as(admin) });
    const adminId = (session.json() as { account: { id: string } }).account.id;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: as(admin),
      payload: { name: '12345 热线对接', accountId: adminId, scopes: ['units:read'] },
    });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json() as { secret: string; token: { id: string; prefix: string } };
    expect(secret).toMatch(/^mh_/);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: bearer })).statusCode).toBe(403);
    // Tokens reach exactly their scopes: not the inbox, not one's own-session routes.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/inbox', headers: bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${token.id}`, headers: bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer })).statusCode).toBe(403);
    // Tokens need no CSRF header: they are not ambient credentials.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: as(admin) });
    expect(list.body).not.toContain(secret);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: as(admin) })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { authorization: 'Bearer nonsense' } })).statusCode).toBe(401);
  });

  it('a unit clerk sees only their own unit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: as(await login(t.app, 'clerk')) });
    const body = res.json() as { items: { name: string }[] };
    expect(body.items.map((u) => u.name)).toEqual(['西湖区城市管理局']);
  });
});
