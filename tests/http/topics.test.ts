import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { as, login, type Session } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/server.js';

interface Topic {
  id: string;
  title: string;
  state: string;
  version: number;
  appealIds: string[];
  appeals: { id: string; trackingNo: string; state: string; territoryCode: string }[];
  allowedActions: string[];
  editable: boolean;
  history: { action: string; toState: string; comment: string | null }[];
}
interface Candidates {
  appealsConsidered: number;
  clusters: { size: number; appealIds: string[]; keyTerms: string[]; townCode: string; samples: { trackingNo: string; description: string }[]; linkedTopicIds: string[] }[];
}

// Three concerns reported several times each in 北山街道, one elsewhere, plus one-offs.
const BUS = ['北山街道保俶路公交站台顶棚破了，下雨天老人候车淋雨', '保俶路公交站的雨棚坏了好几天了，等车没地方躲雨', '北山街道保俶路公交車站頂棚損壞，請盡快修理', '北山街道保俶路公交站台顶棚漏雨，下雨天候车的人都淋湿了'];
const NOISE = ['宝石山下小区广场舞音乐太吵，晚上十点还在跳', '宝石山小区楼下广场舞噪音大，影响休息', '宝石山下小区广场舞声音太响，老人孩子睡不着'];
const ONE_OFF = ['北山街道某餐馆油烟直排，楼上住户开不了窗', '断桥附近共享单车乱停放，挡住盲道'];

describe.each(ENGINES)('consultation topics over HTTP on %s', (engine) => {
  let t: TestApp;
  let staff: Session;
  let town: Session;
  let member: Session;
  let dispatcher: Session;
  const appealIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ engine });
    [staff, town, member, dispatcher] = (await Promise.all(['staff', 'town', 'member', 'dispatcher'].map((u) => login(t.app, u)))) as [Session, Session, Session, Session];
    const cats = (await t.app.inject({ method: 'GET', url: '/api/v1/categories' })).json() as { items: { id: string; code: string }[] };
    const categoryId = cats.items.find((c) => c.code === 'traffic.bus')!.id;
    for (const description of [...BUS, ...NOISE, ...ONE_OFF]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: as(dispatcher), payload: { categoryId, territoryCode: '330106002051', description } });
      expect(r.statusCode).toBe(201);
      appealIds.push((r.json() as { id: string }).id);
    }
  });
  afterAll(async () => t?.close());

  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const candidates = async (who: Session, territoryCode = '330106002') =>
    t.app.inject({ method: 'GET', url: `/api/v1/topics/candidates?from=${today()}&to=${today()}&territoryCode=${territoryCode}&minSize=2`, headers: as(who) });
  const act = (who: Session, topic: Topic, action: string, comment?: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/topics/${topic.id}/actions`, headers: as(who), payload: { action, version: topic.version, ...(comment !== undefined ? { comment } : {}) } });

  it('clusters the period’s appeals of an area into candidate topics, largest first', async () => {
    const r = await candidates(town);
    expect(r.statusCode).toBe(200);
    const body = r.json() as Candidates;
    expect(body.appealsConsidered).toBeGreaterThanOrEqual(9);
    const sizes = body.clusters.map((c) => c.size);
    expect(sizes.slice(0, 2)).toEqual([4, 3]);
    expect([...body.clusters[0]!.appealIds].sort()).toEqual([...appealIds.slice(0, 4)].sort());
    expect(body.clusters[0]!.samples[0]!.trackingNo).toMatch(/^\d{8}-\d{5}$/);
    expect(body.clusters[0]!.townCode).toBe('330106002');
    // Another town's official sees nothing of this one.
    const elsewhere = await candidates(town, '330106001');
    expect((elsewhere.json() as Candidates).appealsConsidered).toBe(0);
  });

  it('drafts a topic from a cluster, then review: sent back with comments, revised, filed — on the audit chain', async () => {
    const cluster = ((await candidates(staff)).json() as Candidates).clusters[0]!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/topics',
      headers: as(town),
      payload: { title: '保俶路公交站台顶棚维修', description: '多位居民反映保俶路公交站台顶棚破损漏雨，建议协商改造方案。', source: 'appeals', territoryCode: '330106002', appealIds: cluster.appealIds },
    });
    expect(created.statusCode).toBe(201);
    let topic = created.json() as Topic;
    expect(topic.state).toBe('draft');
    expect([...topic.appealIds].sort()).toEqual([...cluster.appealIds].sort());
    // The linked appeals come with their reference facts, never the resident's text.
    expect(topic.appeals.map((a) => a.id)).toEqual(topic.appealIds);
    expect(topic.appeals[0]).toMatchObject({ trackingNo: expect.stringMatching(/^\d{8}-\d{5}$/), state: 'registered', territoryCode: '330106002051' });
    expect(JSON.stringify(topic.appeals)).not.toContain('保俶路');
    expect(topic.allowedActions).toEqual(['submit']);
    expect(((await candidates(staff)).json() as Candidates).clusters[0]!.linkedTopicIds).toEqual([topic.id]);

    topic = (await act(town, topic, 'submit')).json() as Topic;
    expect(topic.state).toBe('submitted');
    // The proposer cannot approve; the committee must give a reason to send back.
    expect((await act(town, topic, 'approve')).statusCode).toBe(403);
    const staffView = (await t.app.inject({ method: 'GET', url: `/api/v1/topics/${topic.id}`, headers: as(staff) })).json() as Topic;
    expect(staffView.allowedActions).toEqual(['approve', 'return', 'reject']);
    expect((await act(staff, topic, 'return', ' ')).json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'comment' }] });
    topic = (await act(staff, topic, 'return', '请补充站台位置和受影响人数')).json() as Topic;
    expect(topic.state).toBe('returned');

    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/topics/${topic.id}`, headers: as(town), payload: { version: topic.version, description: '保俶路公交站（近宝石山下）顶棚破损漏雨，早晚高峰约两百人候车。' } });
    expect(edited.statusCode).toBe(200);
    topic = edited.json() as Topic;
    // A stale version is a conflict and changes nothing.
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/topics/${topic.id}`, headers: as(town), payload: { version: 1, title: '旧版本的修改' } })).statusCode).toBe(409);
    topic = (await act(town, topic, 'submit')).json() as Topic;
    // Two reviewers at once: one files it, the other gets a conflict.
    const raced = await Promise.all([act(staff, topic, 'approve'), act(staff, topic, 'approve')]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const final = (await t.app.inject({ method: 'GET', url: `/api/v1/topics/${topic.id}`, headers: as(member) })).json() as Topic;
    expect(final.state).toBe('filed');
    expect(final.history.map((h) => h.action)).toEqual(['propose', 'submit', 'return', 'submit', 'approve']);
    expect(final.history[2]!.comment).toBe('请补充站台位置和受影响人数');
    expect(final.allowedActions).toEqual([]);
    expect((await act(staff, final, 'reject', '晚了')).statusCode).toBe(409);
    expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
  });

  it('keeps drafts to their proposer and area; members may not link appeals; hostile text is stored verbatim', async () => {
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/topics', headers: as(member), payload: { title: HOSTILE.script, description: `${HOSTILE.img} ${HOSTILE.link} ${HOSTILE.placeholder} ${HOSTILE.extB}`, source: 'member' } });
    expect(draft.statusCode).toBe(201);
    const mine = draft.json() as Topic;
    expect(mine.title).toBe(HOSTILE.script);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/topics/${mine.id}`, headers: as(town) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/topics/${mine.id}`, headers: as(staff) })).statusCode).toBe(200);
    const linking = await t.app.inject({ method: 'POST', url: '/api/v1/topics', headers: as(member), payload: { title: '关联诉求的议题', description: '委员不能直接关联诉求，应由街道或区政协生成。', source: 'appeals', appealIds: appealIds.slice(0, 2) } });
    expect(linking.statusCode).toBe(400);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/topics', headers: as(town) })).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(mine.id);
    // "Mine": only what this person proposed, not the filed topics of others.
    const own = (await t.app.inject({ method: 'GET', url: '/api/v1/topics?mine=true', headers: as(member) })).json() as { items: { id: string; proposer: string }[] };
    expect(own.items.map((i) => i.id)).toEqual([mine.id]);
    const staffOwn = (await t.app.inject({ method: 'GET', url: '/api/v1/topics?mine=true', headers: as(staff) })).json() as { items: unknown[] };
    expect(staffOwn.items).toEqual([]);
    const outside = await t.app.inject({ method: 'POST', url: '/api/v1/topics', headers: as(town), payload: { title: '越界关联', description: '关联不在本街道的诉求应被拒绝。', source: 'appeals', appealIds: ['01234567-89ab-7def-8123-456789abcdef'] } });
    expect(outside.statusCode).toBe(400);
  });
});
