import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docOf } from '../../server/modules/public-search/public-search.js';
import { ENGINES } from '../support/db.js';
import { HOSTILE } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { CHAIN, injectCaller, seedShowcaseChain, type Call, type SeededChain } from '../support/showcase-chain.js';

interface Result {
  total: number;
  counts: Record<string, number>;
  items: { kind: string; id: string; title: string; snippet: string; href: string | null; townName: string | null }[];
}

describe.each(ENGINES)('public search on %s', (engine) => {
  let t: TestApp;
  let call: Call;
  let chain: SeededChain;
  let itemId: string;
  const search = async (q: string, extra = '') => {
    const r = await call(null, 'GET', `/public/search?q=${encodeURIComponent(q)}${extra}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as Result;
  };

  beforeAll(async () => {
    t = await createTestApp({ engine, env: { MINHU_PUBLIC_RATE_PER_MINUTE: '10000' } });
    call = injectCaller(t.app);
    chain = await seedShowcaseChain(call, t.database.handle.db);
    const item = await call('staff', 'POST', '/showcase/items', { kind: 'consultation', refId: chain.suggestionId, title: `保俶路站台装上了雨棚${HOSTILE.script}`, summary: '居民反映站台顶棚漏雨，驿站协商后加装雨棚和座椅。' });
    expect(item.status).toBe(201);
    itemId = item.body.id;
    await t.workers.publicSearch.catchUp();
  });
  afterAll(async () => t?.close());

  it('finds public records of every kind, with links, grouped counts and no appeal text', async () => {
    const r = await search('保俶路');
    const kinds = r.items.map((i) => i.kind).sort();
    expect(kinds).toEqual(['event', 'showcase', 'suggestion', 'topic']);
    expect(r.counts).toMatchObject({ showcase: 1, topic: 1, event: 1, suggestion: 1 });
    expect(r.total).toBe(4);
    expect(r.items.find((i) => i.kind === 'showcase')).toMatchObject({ id: itemId, href: `/showcase/${itemId}`, title: `保俶路站台装上了雨棚${HOSTILE.script}` });
    expect(r.items.find((i) => i.kind === 'suggestion')).toMatchObject({ id: chain.suggestionId, href: `/suggestions/${chain.suggestionId}` });
    expect(r.items.find((i) => i.kind === 'event')).toMatchObject({ id: chain.eventId, href: `/events/${chain.eventId}` });
    expect(r.items.find((i) => i.kind === 'topic')).toMatchObject({ id: chain.topicId, href: null });
    // The residents' appeals are not public content.
    expect(JSON.stringify(await search('孙阿姨'))).not.toContain(CHAIN.resident + '每天');
    expect((await search('地砖松动')).total).toBe(0);
  });

  it('Traditional input finds Simplified text; filters by kind; pages', async () => {
    expect((await search('雨棚')).total).toBeGreaterThanOrEqual(2);
    const trad = await search('保俶路站臺裝上了雨棚');
    expect(trad.items.map((i) => i.id)).toContain(itemId);
    const only = await search('保俶路', '&kind=suggestion');
    expect(only.items.map((i) => i.kind)).toEqual(['suggestion']);
    expect(only.total).toBe(1);
    const page2 = await search('保俶路', '&pageSize=2&page=2');
    expect(page2.items).toHaveLength(2);
  });

  it('venues are found by name; the search syntax typed is only text', async () => {
    const venues = await search('驿站', '&kind=venue');
    expect(venues.total).toBeGreaterThan(0);
    for (const q of ['"保俶路" OR *', 'a:b NEAR(x)', "'; drop table public_doc; --", '!!!', HOSTILE.script]) {
      const r = await call(null, 'GET', `/public/search?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
    }
    expect((await call(null, 'GET', `/public/search?q=${'长'.repeat(51)}`)).status).toBe(400);
    expect((await call(null, 'GET', '/public/search?q=')).status).toBe(400);
    expect((await call(null, 'GET', '/public/search?q=x&kind=appeal')).status).toBe(400);
  });

  it('the indexer follows changes: a taken-down item leaves the index, an edit is re-indexed', async () => {
    const list = (await call('staff', 'GET', '/showcase/items')).body.items as { id: string; version: number }[];
    const item = list.find((i) => i.id === itemId)!;
    const upd = await call('staff', 'PATCH', `/showcase/items/${itemId}`, { version: item.version, title: '北山街道候车亭焕然一新' });
    expect(upd.status).toBe(200);
    await t.workers.publicSearch.runOnce();
    expect((await search('候车亭')).items.map((i) => i.id)).toEqual([itemId]);
    expect(await t.workers.publicSearch.runOnce()).toBe(0);
    expect((await call('staff', 'POST', `/showcase/items/${itemId}/unpublish`, { version: upd.body.version })).status).toBe(200);
    await t.workers.publicSearch.runOnce();
    expect((await search('候车亭')).total).toBe(0);
  });

  it('a document is the folded bigrams of title and text, with a short snippet', () => {
    const d = docOf('venue', 'v1', { title: '北山議事堂', text: '保俶路 1 号'.repeat(40), territoryCode: '330106002', updatedAt: '2026-11-29T00:00:00.000Z' });
    expect(d.tokens.split(' ')).toEqual(expect.arrayContaining(['北山', '山议', '议事', '事堂', '保俶']));
    expect([...d.snippet].length).toBeLessThanOrEqual(161);
    expect(d.snippet.endsWith('…')).toBe(true);
  });
});
