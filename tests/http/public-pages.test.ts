import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/db.js';
import { HOSTILE, XSS_FLAG } from '../support/hostile.js';
import { createTestApp, type TestApp } from '../support/server.js';
import { CHAIN, injectCaller, seedShowcaseChain, type Call, type SeededChain } from '../support/showcase-chain.js';

const TITLE = `保俶路站台装上了雨棚${HOSTILE.script}`;

/** The markup must carry no live hostile piece: no script element but the app's own, no handler, no injected link. */
function expectInert(body: string) {
  expect(body).not.toContain(`<script>window.${XSS_FLAG}`);
  expect(body).not.toMatch(/<img[^>]*onerror/i);
  expect(body).not.toContain('<a href="http://spam.example/"');
  expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
}

describe.each(ENGINES)('server-rendered public pages on %s', (engine) => {
  let t: TestApp;
  let call: Call;
  let chain: SeededChain;
  let itemId: string;
  const page = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp({ engine, env: { MINHU_PUBLIC_RATE_PER_MINUTE: '10000' } });
    call = injectCaller(t.app);
    chain = await seedShowcaseChain(call, t.database.handle.db);
    const r = await call('staff', 'POST', '/showcase/items', { kind: 'consultation', refId: chain.suggestionId, title: TITLE, summary: `居民反映站台顶棚漏雨，驿站协商后加装雨棚和座椅。${HOSTILE.link}${HOSTILE.img}`, photoIds: [chain.photoId] });
    expect(r.status).toBe(201);
    itemId = r.body.id;
    await t.workers.publicSearch.catchUp();
  });
  afterAll(async () => t?.close());

  it('a showcase chain is content in the HTML: title, meta description, every step, escaped', async () => {
    const r = await page(`/showcase/${itemId}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const body = r.body;
    expect(body).toContain('<html lang="zh-CN"');
    expect(body).toContain('<title>保俶路站台装上了雨棚&lt;script&gt;');
    expect(body).toMatch(/<meta name="description" content="居民反映站台顶棚漏雨/);
    expect(body).toContain('<h1>保俶路站台装上了雨棚&lt;script&gt;window.__minhu_xss&#61;1&lt;/script&gt;</h1>');
    for (const step of ['concern', 'topic', 'event', 'suggestion', 'reply', 'implementation', 'rating']) expect(body).toContain(`data-step="${step}"`);
    for (const h of ['群众诉求', '协商议题', '协商活动', '意见建议', '答复', '落实', '评价']) expect(body).toContain(`<h3>${h}</h3>`);
    expect(body).toContain(CHAIN.topic);
    expect(body).toContain(`<a href="/events/${chain.eventId}">`);
    expect(body).toContain(`<a href="/suggestions/${chain.suggestionId}">`);
    expect(body).toContain(`<img src="/api/v1/public/showcase/${itemId}/photos/${chain.photoId}"`);
    expect(body).toContain(CHAIN.reply);
    expectInert(body);
    for (const secret of [CHAIN.resident, CHAIN.phone, chain.trackingNo]) expect(body).not.toContain(secret);
  });

  it('follows the lang cookie and Accept-Language', async () => {
    const en = await page(`/showcase/${itemId}`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('<h3>Concern</h3>');
    const cookie = await page('/showcase', { cookie: 'lang=zh-TW', 'accept-language': 'en' });
    expect(cookie.body).toContain('<html lang="zh-TW"');
    expect((await page('/showcase', { cookie: 'lang="><script>' })).body).toContain('<html lang="zh-CN"');
  });

  it('home, showcase list, search, open data, venues, events, suggestions and results render without JavaScript', async () => {
    const home = await page('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`<a href="/showcase/${itemId}">`);
    const list = await page('/showcase');
    expect(list.body).toContain('<h1>成果展示</h1>');
    expect(list.body).toContain(`<a href="/showcase/${itemId}">`);

    const search = await page(`/search?q=${encodeURIComponent('雨棚')}`);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('<form role="search" method="get" action="/search">');
    expect(search.body).toContain(`<a href="/showcase/${itemId}">`);
    expect(search.body).toContain(`<a href="/suggestions/${chain.suggestionId}">`);
    const hostileQ = await page(`/search?q=${encodeURIComponent(HOSTILE.script)}`);
    expect(hostileQ.statusCode).toBe(200);
    expectInert(hostileQ.body);
    expect((await page('/search')).body).toContain('name="q"');

    const data = await page('/open-data');
    expect(data.body).toContain('<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>');
    expect(data.body).toContain('<a href="/api/v1/open-data/suggestions.csv">CSV</a>');

    const venues = await page('/venues');
    expect(venues.body).toContain('<h1>议事场所</h1>');
    const venueId = /href="\/venues\/([0-9a-f-]{36})"/.exec(venues.body)![1];
    expect((await page(`/venues/${venueId}`)).statusCode).toBe(200);

    const event = await page(`/events/${chain.eventId}`);
    expect(event.statusCode).toBe(200);
    expect(event.body).toContain('保俶路公交站台协商会&lt;a href&#61;');
    expectInert(event.body);
    const suggestion = await page(`/suggestions/${chain.suggestionId}`);
    expect(suggestion.body).toContain(CHAIN.reply);
    expectInert(suggestion.body);
    const results = await page(`/consultations/${chain.eventId}/results`);
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain(`<a href="/suggestions/${chain.suggestionId}">`);
    expectInert(results.body);

    const dashboard = await page('/dashboard');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('<h1>数据看板</h1>');
    expect(dashboard.body).toContain('<th scope="row">满意率</th>');
  });

  it('unknown records are 404 pages; other paths keep the single-page app', async () => {
    const missing = await page('/showcase/00000000-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await page('/suggestions/not-a-uuid')).statusCode).toBe(404);
    expect((await page('/api/v1/nothing')).statusCode).toBe(404);
  });
});
