import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { as, login, type Session } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

interface Visit {
  id: string;
  member: string;
  visitedOn: string;
  territoryCode: string;
  place: string | null;
  summary: string;
  concerns: { id: string; text: string; status: string; appealId: string | null; topicId: string | null }[];
  mine: boolean;
  version: number;
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
// Fictional: a member's visit to 上保社区 (北山街道).
const PLACE = `上保社区 3 幢某户（虚构）${HOSTILE.img}`;
const STREETLIGHT = `小区北门路灯坏了一个月，晚上老人出门不方便 ${HOSTILE.script}`;
const PARKING = `小区停车位太少，希望协商划线停车 ${HOSTILE.link}${HOSTILE.placeholder}`;

describe.each(ENGINES)('visits (走访) over HTTP on %s', (engine) => {
  let t: TestApp;
  let member: Session;
  let town: Session;
  let staff: Session;
  let categoryId: string;
  let topicId: string;
  let draftTopicId: string;
  let visit: Visit;

  const post = (who: Session, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: as(who), payload: payload as Record<string, unknown> });

  beforeAll(async () => {
    t = await createTestApp({ engine });
    [member, town, staff] = (await Promise.all(['member', 'town', 'staff'].map((u) => login(t.app, u)))) as [Session, Session, Session];
    const cats = (await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] };
    categoryId = cats.items.find((c) => c.code === 'traffic.bus')!.id;
    const topic = await t.app.inject({ method: 'POST', url: '/api/v1/topics', headers: as(town), payload: { title: '小区停车难', description: '北山街道多个老小区停车位不足，建议协商挖潜和错时停车。', source: 'committee', territoryCode: '330106002' } });
    expect(topic.statusCode).toBe(201);
    topicId = (topic.json() as { id: string }).id;
    // Filed (审核备案), so every member may see it and attach concerns to it.
    const submitted = (await post(town, `/api/v1/topics/${topicId}/actions`, { action: 'submit', version: 1 })).json() as { version: number };
    expect((await post(staff, `/api/v1/topics/${topicId}/actions`, { action: 'approve', version: submitted.version })).statusCode).toBe(200);
    const draft = await post(town, '/api/v1/topics', { title: '街道草稿议题', description: '还在起草中的议题，委员看不到，也不能关联。', source: 'committee', territoryCode: '330106002' });
    draftTopicId = (draft.json() as { id: string }).id;
  });
  afterAll(async () => t?.close());

  it('a member records a visit with two concerns; hostile text comes back verbatim', async () => {
    const r = await post(member, '/api/v1/visits', { visitedOn: today(), territoryCode: '330106002051', place: PLACE, summary: `走访上保社区，听取居民意见。${HOSTILE.placeholder}`, concerns: [{ text: STREETLIGHT }, { text: PARKING }] });
    expect(r.statusCode).toBe(201);
    visit = r.json() as Visit;
    expect(visit.place).toBe(PLACE);
    expect(visit.mine).toBe(true);
    expect(visit.concerns.map((c) => [c.text, c.status])).toEqual([
      [STREETLIGHT, 'noted'],
      [PARKING, 'noted'],
    ]);
    // Not a village, or in the future: refused with the field named.
    expect((await post(member, '/api/v1/visits', { visitedOn: today(), territoryCode: '330106002000', place: '某处', summary: '走访', concerns: [] })).json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'territoryCode' }] });
    expect((await post(member, '/api/v1/visits', { visitedOn: '2999-01-01', territoryCode: '330106002051', place: '某处', summary: '走访', concerns: [] })).json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'visitedOn' }] });
  });

  it('files one concern as an appeal through intake, attaches the other to a topic; each only once', async () => {
    const filed = await post(member, `/api/v1/visits/${visit.id}/concerns/${visit.concerns[0]!.id}/appeal`, { version: visit.version, categoryId, address: '上保社区北门' });
    expect(filed.statusCode).toBe(200);
    visit = filed.json() as Visit;
    const appealId = visit.concerns[0]!.appealId!;
    expect(visit.concerns[0]!.status).toBe('appeal');
    const appeal = (await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${appealId}`, headers: as(staff) })).json() as { channel: string; onBehalf: boolean; description: string; territoryCode: string; state: string };
    expect(appeal).toMatchObject({ channel: 'visit', onBehalf: true, description: STREETLIGHT, territoryCode: '330106002051', state: 'registered' });

    // A topic the member cannot see (another's draft) cannot take it.
    const hidden = await post(member, `/api/v1/visits/${visit.id}/concerns/${visit.concerns[1]!.id}/topic`, { version: visit.version, topicId: draftTopicId });
    expect(hidden.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'topicId' }] });
    const attached = await post(member, `/api/v1/visits/${visit.id}/concerns/${visit.concerns[1]!.id}/topic`, { version: visit.version, topicId });
    expect(attached.statusCode).toBe(200);
    visit = attached.json() as Visit;
    expect(visit.concerns[1]).toMatchObject({ status: 'topic', topicId, appealId: null });

    // A concern already filed cannot be filed again or attached.
    const again = await post(member, `/api/v1/visits/${visit.id}/concerns/${visit.concerns[0]!.id}/topic`, { version: visit.version, topicId });
    expect(again.json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/visits/${visit.id}`, headers: as(member), payload: { version: visit.version, summary: '走访上保社区，听取居民对路灯和停车的意见。' } });
    expect(edited.statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/v1/visits/${visit.id}`, headers: as(member), payload: { version: visit.version, summary: '旧版本的修改' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    visit = edited.json() as Visit;
    expect(visit.summary).toBe('走访上保社区，听取居民对路灯和停车的意见。');
    const fresh = await post(member, '/api/v1/visits', { visitedOn: today(), territoryCode: '330106002051', place: '社区广场', summary: '第二次走访', concerns: [{ text: '广场健身器材损坏' }] });
    const second = fresh.json() as Visit;
    expect((await post(member, `/api/v1/visits/${second.id}/concerns/${second.concerns[0]!.id}/appeal`, { version: 99, categoryId })).statusCode).toBe(409);
  });

  it('the town reads visits in its territory without the household; other members see nothing, and only the member changes it', async () => {
    const seen = (await t.app.inject({ method: 'GET', url: `/api/v1/visits/${visit.id}`, headers: as(town) })).json() as Visit;
    expect(seen.place).toBeNull();
    expect(seen.mine).toBe(false);
    expect(seen.concerns[0]!.text).toBe(STREETLIGHT);
    expect(JSON.stringify(seen)).not.toContain('3 幢');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/visits', headers: as(staff) })).json() as { items: Visit[] };
    expect(list.items.map((v) => v.id)).toContain(visit.id);
    expect(list.items.every((v) => v.place === null)).toBe(true);

    // The town official may read but not change or file.
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/visits/${visit.id}`, headers: as(town), payload: { version: visit.version, summary: '改写' } })).statusCode).toBe(403);

    // A second member (created here) sees only their own visits.
    const admin = await login(t.app, 'admin');
    const created = await post(admin, '/api/v1/accounts', { username: `m2-${engine}`, displayName: '委员 二', password: 'Xk9#mq2!Lp7v', grants: [{ role: 'member', scopeType: 'district', scopeId: '' }] });
    expect(created.statusCode).toBe(201);
    const other = await login(t.app, `m2-${engine}`, 'Xk9#mq2!Lp7v');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/visits/${visit.id}`, headers: as(other) })).statusCode).toBe(404);
    expect(((await t.app.inject({ method: 'GET', url: '/api/v1/visits', headers: as(other) })).json() as { items: unknown[] }).items).toEqual([]);
    expect((await post(other, `/api/v1/visits/${visit.id}/concerns/${visit.concerns[0]!.id}/appeal`, { version: visit.version, categoryId })).statusCode).toBe(404);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/visits?mine=true', headers: as(member) })).json() as { items: Visit[] };
    expect(mine.items.length).toBe(2);
    expect(mine.items.every((v) => v.mine && v.place !== null)).toBe(true);
  });
});
