import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { PublicSearchIndexer } from '../../server/modules/public-search/index.js';
import { browserAvailable } from '../support/browser.js';
import { CHAIN, fetchCaller, seedShowcaseChain, type SeededChain } from '../support/showcase-chain.js';
import { newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

const TITLE = '保俶路站台装上了雨棚';
const SUMMARY = '居民反映保俶路公交站台顶棚漏雨，驿站协商后城管部门加装了雨棚和座椅，居民评价满意。';

/**
 * 成果展示 end to end: district staff publish an implemented suggestion from the workbench; a
 * visitor finds it on /showcase, follows its chain, finds it by search (Traditional characters
 * too) and downloads the open data; the chain page carries its content without JavaScript.
 */
describe.skipIf(!browserAvailable())('showcase, search and open data (browser)', () => {
  let web: WebFixture;
  let chain: SeededChain;
  let itemUrl = '';

  beforeAll(async () => {
    web = await startWeb();
    chain = await seedShowcaseChain(fetchCaller(web.url), web.db);
  });
  afterAll(async () => {
    await web?.close();
  });

  it('staff publish a candidate through the workbench with a title, a summary and a photo', async () => {
    const staff = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = staff.page;
    await signInViaApi(staff.context.request, 'staff');
    await page.goto('/workbench');
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '成果展示' }).click();
    await page.getByRole('heading', { level: 1, name: '成果展示' }).waitFor();
    const card = page.getByTestId('showcase-candidate').filter({ hasText: CHAIN.suggestion });
    await card.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await card.getByRole('button', { name: '发布' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-modal-title').filter({ hasText: '发布成果' }).waitFor();
    await dialog.getByLabel('标题').fill(TITLE);
    await dialog.getByLabel(/^摘要/).fill(SUMMARY);
    await dialog.getByRole('checkbox').first().check();
    await dialog.getByRole('button', { name: '发布' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('.ant-table-row', { hasText: TITLE });
    await row.getByText('公开中').waitFor();
    itemUrl = (await row.getByRole('link', { name: TITLE }).getAttribute('href')) ?? '';
    expect(itemUrl).toMatch(/^\/showcase\/[0-9a-f-]{36}$/);
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });

  it('a visitor opens the showcase and follows the chain from concern to rating', async () => {
    const visitor = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = visitor.page;
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '成果展示' }).click();
    await page.getByRole('heading', { level: 1, name: '成果展示' }).waitFor();
    const card = page.getByTestId('showcase-card').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await page.getByTestId('showcase-card').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await card.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const steps = page.getByTestId('chain-step');
    await steps.nth(6).waitFor();
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual(['concern', 'topic', 'event', 'suggestion', 'reply', 'implementation', 'rating']);
    await page.locator('[data-step="suggestion"]').getByRole('link', { name: CHAIN.suggestion }).waitFor();
    await page.locator('[data-step="reply"]').getByText(CHAIN.reply).waitFor();
    // The published photo loads (served only because it was published).
    const img = page.locator('[data-step="concern"] img');
    await img.waitFor();
    expect(await img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0)).toBe(true);
    const text = await page.locator('main').innerText();
    for (const secret of [CHAIN.resident, CHAIN.phone, chain.trackingNo]) expect(text).not.toContain(secret);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('[data-step="event"]').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: CHAIN.event }).waitFor();
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it('search finds it, Traditional characters too, and links to it', async () => {
    await new PublicSearchIndexer(web.db, pino({ level: 'silent' })).catchUp();
    const visitor = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = visitor.page;
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '搜索' }).click();
    await page.getByRole('heading', { level: 1, name: '搜索' }).waitFor();
    await page.getByRole('searchbox', { name: '搜索公开内容' }).fill('站臺裝上了雨棚');
    await page.getByRole('searchbox', { name: '搜索公开内容' }).press('Enter');
    const hit = page.getByTestId('search-result').filter({ has: page.locator(`a[href="${itemUrl}"]`) });
    await hit.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`/search?q=${encodeURIComponent('雨棚')}`);
    await page.locator('[data-kind="suggestion"]').first().waitFor();
    await page.locator('mark', { hasText: '雨棚' }).first().waitFor();
    await hit.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it('open data lists every dataset with working download links', async () => {
    const visitor = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = visitor.page;
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '开放数据' }).click();
    await page.getByRole('heading', { level: 1, name: '开放数据' }).waitFor();
    await page.getByTestId('dataset').nth(5).waitFor();
    expect(await page.getByTestId('dataset').count()).toBe(6);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const links = await page.locator('[data-testid="dataset"] a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(12);
    for (const href of links) {
      const r = await visitor.context.request.get(href!);
      expect(r.status(), href!).toBe(200);
      if (href!.endsWith('.csv')) expect((await r.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      else expect(((await r.json()) as { licence: { name: string } }).licence.name).toBe('CC BY 4.0');
    }
    const showcaseCsv = await (await visitor.context.request.get('/api/v1/open-data/showcase.csv')).text();
    expect(showcaseCsv).toContain(TITLE);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it('without JavaScript the chain page still shows its content', async () => {
    const noJs = await newContext(web, { javaScriptEnabled: false });
    await noJs.page.goto(itemUrl);
    await noJs.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await noJs.page.locator('li[data-step]').count()).toBe(7);
    expect(await noJs.page.title()).toContain(TITLE);
    await noJs.page.goto(`/search?q=${encodeURIComponent('雨棚')}`);
    await noJs.page.locator(`a[href="${itemUrl}"]`).waitFor();
    await noJs.context.close();
  });
});
