import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { XSS_FLAG } from '../support/hostile.js';
import { fetchCaller, seedShowcaseChain, type Call, type SeededChain } from '../support/showcase-chain.js';
import { newContext, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

/**
 * An XSS corpus through every kind of user text — appeals, topics, events, suggestions, venues,
 * visits, showcase results — then every page that shows them, workbench and public, opened in
 * Chromium: no payload may run (each would set window[XSS_FLAG]), no CSP violation may be
 * reported (an injected inline script the policy blocked still counts), and no injected
 * element or link may appear. The public server-rendered pages are discovered from the
 * OpenAPI description (tag "public pages").
 */
const F = XSS_FLAG;
const CORPUS = [
  `<script>window.${F}=1</script>`,
  `<img src=x onerror="window.${F}=1">`,
  `<svg onload="window.${F}=1"></svg>`,
  `"><iframe srcdoc="<script>parent.${F}=1</script>"></iframe>`,
  `<a href="javascript:window.${F}=1">点我</a>`,
  `<details open ontoggle="window.${F}=1">x</details>`,
  `'-alert(1)-'"><body onload="window.${F}=1">`,
  `{{constructor.constructor('window.${F}=1')()}}`,
  `javascript:window.${F}=1`,
  '<a href="http://spam.example/">点击领取</a>',
  `<style>@import 'http://spam.example/x.css';</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.${F}=1">`,
];
/** All of it in one text (long fields), and short pieces for short fields (names, titles). */
const ALL = CORPUS.join(' ');
const piece = (i: number) => CORPUS[i % CORPUS.length]!;

/** What an injection would leave in the document. */
const INJECTED = [
  'a[href*="spam.example"]',
  'a[href^="javascript:"]',
  'iframe',
  'svg[onload]',
  'details[ontoggle]',
  'img[src="x"]',
  'body[onload]',
  'main script',
  '#root script',
  'link[href*="spam.example"]',
  'mglyph',
].join(', ');

async function expectInert(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], F), `${where}: a payload ran`).toBeUndefined();
  expect(await page.locator(INJECTED).count(), `${where}: injected markup`).toBe(0);
  const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').filter((t) => t.includes('spam.example')).length);
  expect(styles, `${where}: injected style`).toBe(0);
}

describe.skipIf(!browserAvailable())('an XSS corpus through every user text field stays text on every page (browser)', () => {
  let web: WebFixture;
  let call: Call;
  let chain: SeededChain;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    web = await startWeb();
    call = fetchCaller(web.url);
    chain = await seedShowcaseChain(call, web.db);
    const ok = async (p: Promise<{ status: number; body: any }>, status: number, what: string) => {
      const r = await p;
      if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const cats = await ok(call(null, 'GET', '/categories'), 200, 'categories');
    const categoryId = cats.items.find((c: { code: string }) => c.code === 'traffic.bus').id as string;
    const appeal = await ok(
      call('dispatcher', 'POST', '/appeals', { categoryId, territoryCode: '330106002051', description: `站台破损。${ALL}`, residentName: `王${piece(0)}`.slice(0, 64), residentPhone: '13900007788', address: piece(1) }),
      201,
      'appeal',
    );
    ids.appeal = appeal.id;
    const topic = await ok(call('town', 'POST', '/topics', { title: `议题${piece(1)}`.slice(0, 100), description: `居民反映的问题。${ALL}`, source: 'committee', territoryCode: '330106002' }), 201, 'topic');
    ids.topic = topic.id;
    const venue = await ok(
      call('staff', 'POST', '/venues', {
        kind: 'station',
        stationKind: 'community',
        name: `驿站${piece(2)}`.slice(0, 64),
        territoryCode: '330106002051',
        address: `虚构路 1 号${piece(4)}`.slice(0, 200),
        openingHours: { ranges: [{ weekday: 3, from: '09:00', to: '17:00' }], note: piece(0) },
        public: true,
      }),
      201,
      'venue',
    );
    ids.venue = venue.id;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const visit = await ok(
      call('member', 'POST', '/visits', { visitedOn: today, territoryCode: '330106002051', place: piece(5).slice(0, 200), summary: `走访。${ALL}`, concerns: [{ text: `路灯不亮。${ALL}` }] }),
      201,
      'visit',
    );
    ids.visit = visit.id;
    const item = await ok(
      call('staff', 'POST', '/showcase/items', { kind: 'consultation', refId: chain.suggestionId, title: `雨棚${piece(0)}`.slice(0, 60), summary: `居民反映站台漏雨，协商后加装雨棚。${ALL}`.slice(0, 500), photoIds: [chain.photoId] }),
      201,
      'showcase item',
    );
    ids.showcase = item.id;
  });
  afterAll(async () => web?.close());

  // One test per role, so each stays short on a loaded machine.
  const WORKBENCH: [string, () => string[]][] = [
    ['dispatcher', () => ['/workbench/appeals', `/workbench/appeals/${ids.appeal}`, `/workbench/appeals/${chain.appealId}`]],
    ['town', () => ['/workbench/topics', `/workbench/topics/${ids.topic}`]],
    ['staff', () => ['/workbench/venues', `/workbench/venues/${ids.venue}`, `/workbench/showcase`, '/workbench/audit']],
    ['staff', () => [`/workbench/consultations/${chain.eventId}`, `/workbench/consultations/${chain.eventId}/suggestions`, `/workbench/suggestions/${chain.suggestionId}`]],
    ['member', () => ['/workbench/my-visits']],
  ];
  let workbenchShown = 0;
  it.each(WORKBENCH.map(([who, paths], i) => [i, who, paths] as const))('workbench pages %i, signed in as %s', async (_i, who, paths) => {
    const { context, page, problems } = await newContext(web);
    await signInViaApi(context.request, who);
    for (const path of paths()) {
      await page.goto(path);
      await expectInert(page, `${who} ${path}`);
      // The payload is there, as text (the page did render the record).
      if ((await page.locator('body').innerText()).includes(`window.${F}=1`)) workbenchShown++;
    }
    expect(problems, who).toEqual([]);
    await context.close();
  });

  it('the workbench pages did show the payloads, as text', () => {
    expect(workbenchShown).toBeGreaterThanOrEqual(6);
  });

  it('public pages (server-rendered and the app), signed out', async () => {
    const doc = (await (await fetch(`${web.url}/api/openapi.json`)).json()) as { paths: Record<string, { get?: { tags?: string[] } }> };
    const idFor: Record<string, string> = { showcase: ids.showcase!, venues: ids.venue!, events: chain.eventId, suggestions: chain.suggestionId, consultations: chain.eventId };
    const pages = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get?.tags?.includes('public pages'))
      .map(([p]) => p.replace(/\{id\}/, () => idFor[p.split('/')[1]!] ?? 'missing'));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((p) => p.includes('missing'))).toEqual([]);
    pages.push(`/search?q=${encodeURIComponent('雨棚')}`, `/search?q=${encodeURIComponent(piece(0))}`, '/territories/330106');
    const { page, problems, context } = await newContext(web);
    let shown = 0;
    for (const path of pages) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBeLessThan(400);
      await expectInert(page, `visitor ${path}`);
      if ((await page.locator('body').innerText()).includes(`window.${F}=1`)) shown++;
    }
    expect(shown).toBeGreaterThanOrEqual(4);
    expect(problems).toEqual([]);
    await context.close();
  });
});
