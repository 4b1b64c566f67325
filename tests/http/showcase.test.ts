import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/infra/audit/audit.repository.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { CHAIN, injectCaller, seedShowcaseChain, type Call, type SeededChain } from '../support/showcase-chain.js';

interface StaffItem {
  id: string;
  kind: string;
  refId: string;
  title: string;
  summary: string;
  townName: string | null;
  photoIds: string[];
  published: boolean;
  version: number;
}

describe.each(ENGINES)('showcase (成果展示) on %s', (engine) => {
  let t: TestApp;
  let call: Call;
  let chain: SeededChain;
  let consultationItem: StaffItem;
  let appealItem: StaffItem;

  beforeAll(async () => {
    t = await createTestApp({ engine });
    call = injectCaller(t.app);
    chain = await seedShowcaseChain(call, t.database.handle.db);
  });
  afterAll(async () => t?.close());

  it('lists candidates for staff only: the implemented suggestion and the appeal rated satisfied', async () => {
    expect((await call(null, 'GET', '/showcase/candidates')).status).toBe(401);
    for (const who of ['town', 'clerk', 'member', 'dispatcher']) expect((await call(who, 'GET', '/showcase/candidates')).status).toBe(403);
    const r = await call('staff', 'GET', '/showcase/candidates');
    expect(r.status).toBe(200);
    expect(r.body.suggestions.map((s: { refId: string }) => s.refId)).toEqual([chain.suggestionId]);
    expect(r.body.suggestions[0]).toMatchObject({ townName: '北山街道', progress: 100, grade: 'A' });
    expect(r.body.suggestions[0].photos.map((p: { id: string }) => p.id)).toEqual([chain.photoId]);
    expect(r.body.appeals.map((a: { refId: string }) => a.refId)).toEqual([chain.solvedAppealId]);
    expect(r.body.appeals[0].photos.map((p: { id: string }) => p.id)).toEqual([chain.solvedPhotoId]);
  });

  it('publishes with limits on title and summary, photos of the record only, once', async () => {
    const bad = await call('staff', 'POST', '/showcase/items', { kind: 'consultation', refId: chain.suggestionId, title: 'x', summary: '短' });
    expect(bad.status).toBe(400);
    const long = await call('staff', 'POST', '/showcase/items', { kind: 'consultation', refId: chain.suggestionId, title: '标'.repeat(61), summary: '摘要'.repeat(10) });
    expect(long.status).toBe(400);
    const strayPhoto = await call('staff', 'POST', '/showcase/items', { kind: 'consultation', refId: chain.suggestionId, title: '保俶路站台装上了雨棚', summary: '居民反映站台漏雨，经协商加装雨棚。', photoIds: [chain.solvedPhotoId] });
    expect(strayPhoto.status).toBe(400);
    const notDone = await call('staff', 'POST', '/showcase/items', { kind: 'appeal', refId: chain.appealId, title: '未办结的诉求', summary: '这件诉求还没有办结，不能展示。' });
    expect(notDone.status).toBe(409);
    expect((await call('town', 'POST', '/showcase/items', { kind: 'appeal', refId: chain.solvedAppealId, title: '地砖换新', summary: '文三路人行道地砖已经更换。' })).status).toBe(403);

    const r = await call('staff', 'POST', '/showcase/items', {
      kind: 'consultation',
      refId: chain.suggestionId,
      title: `保俶路站台装上了雨棚${HOSTILE.script}`,
      summary: `居民反映站台顶棚漏雨，驿站协商后城管部门加装雨棚和座椅。${HOSTILE.img}`,
      photoIds: [chain.photoId],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    consultationItem = r.body;
    expect(consultationItem).toMatchObject({ kind: 'consultation', townName: '北山街道', published: true, photoIds: [chain.photoId] });
    expect((await call('staff', 'POST', '/showcase/items', { kind: 'consultation', refId: chain.suggestionId, title: '再发一次', summary: '同一条意见不能展示两次。' })).status).toBe(409);

    const a = await call('staff', 'POST', '/showcase/items', { kind: 'appeal', refId: chain.solvedAppealId, title: '文三路人行道地砖换新', summary: '居民反映人行道地砖松动，养护单位三天内全部更换。', photoIds: [chain.solvedPhotoId] });
    expect(a.status).toBe(201);
    appealItem = a.body;
    const cands = (await call('staff', 'GET', '/showcase/candidates')).body;
    expect(cands.suggestions).toEqual([]);
    expect(cands.appeals).toEqual([]);
  });

  it('the public list pages, filters by territory and words', async () => {
    const all = await call(null, 'GET', '/public/showcase');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([appealItem.id, consultationItem.id]);
    expect(all.body.items[1]).toMatchObject({ kind: 'consultation', townName: '北山街道', href: `/showcase/${consultationItem.id}`, photo: `/api/v1/public/showcase/${consultationItem.id}/photos/${chain.photoId}` });
    expect((await call(null, 'GET', '/public/showcase?territory=330106002')).body.total).toBe(2);
    expect((await call(null, 'GET', '/public/showcase?territory=330106004')).body.total).toBe(0);
    const q = await call(null, 'GET', `/public/showcase?q=${encodeURIComponent('雨棚')}`);
    expect(q.body.items.map((i: { id: string }) => i.id)).toEqual([consultationItem.id]);
    expect((await call(null, 'GET', `/public/showcase?q=${encodeURIComponent('100%_')}`)).body.total).toBe(0);
    expect((await call(null, 'GET', `/public/showcase?q=${'长'.repeat(51)}`)).status).toBe(400);
    expect((await call(null, 'GET', '/public/showcase?pageSize=1&page=2')).body.items.map((i: { id: string }) => i.id)).toEqual([consultationItem.id]);
  });

  it('shows the consultation chain from concern to rating without personal data', async () => {
    const r = await call(null, 'GET', `/public/showcase/${consultationItem.id}`);
    expect(r.status).toBe(200);
    const d = r.body;
    expect(d.chain.map((s: { step: string }) => s.step)).toEqual(['concern', 'topic', 'event', 'suggestion', 'reply', 'implementation', 'rating']);
    const step = (k: string) => d.chain.find((s: { step: string }) => s.step === k);
    expect(step('concern').text).toMatch(/^公交出行|·/);
    expect(step('concern').text).toContain('北山街道');
    expect(step('concern').photos).toEqual([`/api/v1/public/showcase/${consultationItem.id}/photos/${chain.photoId}`]);
    expect(step('topic').title).toBe(CHAIN.topic);
    expect(step('event')).toMatchObject({ title: CHAIN.event, href: `/events/${chain.eventId}` });
    expect(step('suggestion')).toMatchObject({ title: CHAIN.suggestion, href: `/suggestions/${chain.suggestionId}` });
    expect(step('suggestion').text).toBe('采纳');
    expect(step('reply').text).toBe(CHAIN.reply);
    expect(step('implementation').title).toBe('落实进度 100%');
    expect(step('implementation').text).toContain(CHAIN.milestone);
    expect(step('rating').title).toBe('满意 1 · 基本满意 0 · 不满意 0');
    const body = JSON.stringify(d);
    for (const secret of [CHAIN.resident, CHAIN.phone, CHAIN.appealText, chain.trackingNo, '居民 周', '孙阿姨说很满意', '13900006677', '钱大伯']) expect(body).not.toContain(secret);
    const en = await t.app.inject({ method: 'GET', url: `/api/v1/public/showcase/${consultationItem.id}`, headers: { 'accept-language': 'en' } });
    expect((en.json() as { chain: { step: string; title: string }[] }).chain.find((s) => s.step === 'rating')!.title).toBe('Satisfied 1 · Basically satisfied 0 · Unsatisfied 0');
  });

  it('an appeal item shows the staff summary, category and town, never the resident’s words', async () => {
    const r = await call(null, 'GET', `/public/showcase/${appealItem.id}`);
    expect(r.status).toBe(200);
    expect(r.body.chain.map((s: { step: string }) => s.step)).toEqual(['concern', 'reply', 'implementation', 'rating']);
    expect(r.body.chain[0].text).toContain('居民反映人行道地砖松动');
    expect(r.body.chain[0].text).toContain('北山街道');
    const body = JSON.stringify(r.body);
    for (const secret of [CHAIN.solvedText, '文三路 88 号', '钱大伯', '13900006677', chain.solvedTrackingNo, '已安排养护单位更换地砖']) expect(body).not.toContain(secret);
  });

  it('serves only published photos of published items', async () => {
    const url = `/api/v1/public/showcase/${consultationItem.id}/photos/${chain.photoId}`;
    const ok = await t.app.inject({ method: 'GET', url });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toContain("default-src 'none'");
    // Another appeal's photo through this item, or the appeal's own route anonymously: nothing.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/showcase/${consultationItem.id}/photos/${chain.solvedPhotoId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${chain.appealId}/photos/${chain.photoId}` })).statusCode).toBe(401);
  });

  it('staff correct and take items down; a stale version is refused; the item and its photo disappear', async () => {
    const stale = await call('staff', 'PATCH', `/showcase/items/${consultationItem.id}`, { version: 99, title: '新标题测试' });
    expect(stale.status).toBe(409);
    const upd = await call('staff', 'PATCH', `/showcase/items/${consultationItem.id}`, { version: consultationItem.version, title: '保俶路站台装上了雨棚', photoIds: [] });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ title: '保俶路站台装上了雨棚', photoIds: [], version: 2 });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/showcase/${consultationItem.id}/photos/${chain.photoId}` })).statusCode).toBe(404);

    const down = await call('staff', 'POST', `/showcase/items/${appealItem.id}/unpublish`, { version: appealItem.version });
    expect(down.status).toBe(200);
    expect(down.body.published).toBe(false);
    expect((await call(null, 'GET', `/public/showcase/${appealItem.id}`)).status).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/showcase/${appealItem.id}/photos/${chain.solvedPhotoId}` })).statusCode).toBe(404);
    expect((await call(null, 'GET', '/public/showcase')).body.total).toBe(1);
    // It is a candidate again and can be published again (the same item).
    expect((await call('staff', 'GET', '/showcase/candidates')).body.appeals.map((a: { refId: string }) => a.refId)).toEqual([chain.solvedAppealId]);
    const again = await call('staff', 'POST', '/showcase/items', { kind: 'appeal', refId: chain.solvedAppealId, title: '文三路人行道地砖换新', summary: '居民反映人行道地砖松动，养护单位三天内全部更换。' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(appealItem.id);

    const list = await call('staff', 'GET', '/showcase/items');
    expect(list.body.total).toBe(2);
  });

  it('every step is on the audit chain', async () => {
    expect((await verifyAuditChain(t.database.handle.db)).ok).toBe(true);
    const actions = (await t.database.handle.db.selectFrom('audit_event').select('action').where('resource_type', '=', 'showcase_item').orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['showcase.publish', 'showcase.publish', 'showcase.update', 'showcase.unpublish', 'showcase.publish']);
  });
});
