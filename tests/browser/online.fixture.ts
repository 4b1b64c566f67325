import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { newContext, signInViaApi, type WebFixture } from './web.fixture.js';

/** The demo event the online consultations of browser tests belong to (run by the district staff). */
export async function demoEventId(web: WebFixture): Promise<string> {
  return (await web.db.selectFrom('consultation').select('id').where('title', '=', '小区停车难怎么解——驿站微协商').executeTakeFirstOrThrow()).id;
}

/**
 * Opens an online consultation on an event as the district staff, through the API, with seed
 * statements; returns its id and the statements' ids in seed order.
 */
export async function createOnline(
  web: WebFixture,
  o: { eventId: string; title: string; statements: string[]; moderation?: 'pre' | 'post'; identity?: 'device' | 'phone' },
): Promise<{ id: string; statementIds: string[] }> {
  const staff = await newContext(web);
  const csrf = await signInViaApi(staff.context.request, 'staff');
  const post = async (url: string, data: object) => {
    const r = await staff.context.request.post(`/api/v1${url}`, { data, headers: { 'x-csrf-token': csrf } });
    expect(r.status(), `${url}: ${await r.text()}`).toBe(201);
    return (await r.json()) as { id: string };
  };
  const { id } = await post('/online-consultations', { consultationId: o.eventId, title: o.title, description: '请对每条观点表态：同意、不同意或跳过。', identity: o.identity ?? 'device', moderation: o.moderation ?? 'pre' });
  const statementIds: string[] = [];
  for (const text of o.statements) statementIds.push((await post(`/online-consultations/${id}/statements`, { text })).id);
  await staff.context.close();
  return { id, statementIds };
}

/**
 * Voters through the participant API over real HTTP, as a crowd of phones would: each joins with
 * a random device id and casts `votes(i)` — statement id → vote — for voter i. All of them come
 * from 127.0.0.1, so the test server runs with a public rate limit a crowd cannot reach.
 */
export async function seedVoters(web: WebFixture, id: string, count: number, votes: (i: number) => [string, 1 | -1 | 0][]): Promise<void> {
  const send = (path: string, body: unknown, token?: string) =>
    fetch(`${web.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { 'x-participant-token': token } : {}) }, body: JSON.stringify(body) });
  for (let i = 0; i < count; i++) {
    const joined = await send(`/public/online/${id}/participants`, { deviceId: randomBytes(18).toString('base64url') });
    const body = await joined.text();
    expect(joined.status, body).toBe(201);
    const token = (JSON.parse(body) as { participantToken: string }).participantToken;
    await Promise.all(
      votes(i).map(async ([statementId, vote]) => {
        const r = await send(`/public/online/${id}/votes`, { statementId, vote }, token);
        expect(r.status, await r.text()).toBe(200);
      }),
    );
  }
}

/** The public rate limit for servers that seed crowds from one address. */
export const CROWD_ENV = { MINHU_PUBLIC_RATE_PER_MINUTE: '1000000' };

/** Two camps over the statements: the first `split` split them, the rest everyone agrees with. */
export function twoCamps(statementIds: string[], split: number): (i: number) => [string, 1 | -1 | 0][] {
  return (i) =>
    statementIds.map((s, n) => {
      if (n >= split) return [s, i % 7 === 3 ? 0 : 1];
      const campA = i % 2 === 0;
      const first = n < split / 2;
      return [s, campA === first ? 1 : -1];
    });
}
