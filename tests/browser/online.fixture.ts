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

let address = 0;

/**
 * Voters through the participant API, each from its own address (as a crowd of phones would be,
 * so the per-address join limit does not apply to them together): joins with a random device id
 * and casts `votes(i)` — statement id → vote — for voter i.
 */
export async function seedVoters(web: WebFixture, id: string, count: number, votes: (i: number) => [string, 1 | -1 | 0][]): Promise<void> {
  for (let i = 0; i < count; i++) {
    address++;
    const remoteAddress = `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
    const joined = await web.app.inject({ method: 'POST', url: `/api/v1/public/online/${id}/participants`, remoteAddress, payload: { deviceId: randomBytes(18).toString('base64url') } });
    expect(joined.statusCode, joined.body).toBe(201);
    const token = (joined.json() as { participantToken: string }).participantToken;
    for (const [statementId, vote] of votes(i)) {
      const r = await web.app.inject({ method: 'POST', url: `/api/v1/public/online/${id}/votes`, remoteAddress, headers: { 'x-participant-token': token }, payload: { statementId, vote } });
      expect(r.statusCode, r.body).toBe(200);
    }
  }
}

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
