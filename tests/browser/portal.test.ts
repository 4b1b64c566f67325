import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAppeals, seedDemoCampaignMonth } from '../../server/modules/demo/index.js';
import { browserAvailable } from '../support/browser.js';
import { newContext, pick, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

/**
 * The public portal as a visitor meets it (issue 5's acceptance): the district dashboard,
 * filtered to one town, a figure followed to its records, a showcase chain; elder mode; the
 * three interface languages; a change made through the API reaching an open dashboard live.
 * With MINHU_SCREENSHOTS=1 it also refreshes the README's screenshots in docs/screenshots/.
 */

const SHOTS = process.env.MINHU_SCREENSHOTS === '1' ? path.resolve(import.meta.dirname, '../../docs/screenshots') : null;
const TOWN = { code: '330106002', name: '北山街道' };

interface Figure { key: string; value: number | null; numerator: number; denominator: number | null }
interface Dashboard { figures: Figure[]; dataVersion: number }

const figureCard = (page: Page, key: string) => page.locator(`[data-figure="${key}"]`);
const figureValue = (page: Page, key: string) => figureCard(page, key).getByTestId('figure-value');

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

describe.skipIf(!browserAvailable())('the public portal (browser)', () => {
  let web: WebFixture;
  let showcaseId = '';
  let showcaseTitle = '';

  beforeAll(async () => {
    web = await startWeb();
    // A realistic district: the demo phone appeals and the demo consultation month (24 events
    // in 12 towns, their suggestions decided, assigned, answered, implemented and rated).
    await seedDemoAppeals(web.db);
    await seedDemoCampaignMonth(web.db);
    // District staff publish one implemented suggestion to the showcase.
    const staff = await newContext(web);
    const csrf = { 'x-csrf-token': await signInViaApi(staff.context.request, 'staff') };
    const candidates = await staff.context.request.get('/api/v1/showcase/candidates');
    expect(candidates.status(), await candidates.text()).toBe(200);
    const first = ((await candidates.json()) as { suggestions: { refId: string; text: string }[] }).suggestions[0];
    expect(first).toBeDefined();
    showcaseTitle = `${[...first!.text].slice(0, 24).join('')}——已落实`;
    const published = await staff.context.request.post('/api/v1/showcase/items', {
      headers: csrf,
      data: { kind: 'consultation', refId: first!.refId, title: showcaseTitle, summary: '居民在驿站协商会上提出的这条建议已被采纳，承办单位答复并落实，居民作了评价。', photoIds: [] },
    });
    expect(published.status(), await published.text()).toBe(201);
    showcaseId = ((await published.json()) as { id: string }).id;
    await staff.context.close();
  }, 300_000);
  afterAll(async () => {
    await web?.close();
  });

  it('a visitor opens the district dashboard, filters to one town and follows a figure to its records', async () => {
    const { context, page, problems } = await newContext(web, { viewport: { width: 1280, height: 900 } });
    const district = (await (await context.request.get('/api/v1/public/dashboard')).json()) as Dashboard;
    const appeals = district.figures.find((f) => f.key === 'appeals')!;
    expect(appeals.value).toBeGreaterThan(0);

    await page.goto('/dashboard');
    await expect.poll(() => figureValue(page, 'appeals').textContent()).toContain(String(appeals.value));
    await figureCard(page, 'adoption_rate').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'dashboard.png');

    // One town: the URL carries the filter and the figures are the town's.
    const town = (await (await context.request.get(`/api/v1/public/dashboard?territory=${TOWN.code}`)).json()) as Dashboard;
    const townAppeals = town.figures.find((f) => f.key === 'appeals')!;
    await pick(page.locator('main'), page, '地区', TOWN.name);
    await expect.poll(() => new URL(page.url()).searchParams.get('territory')).toBe(TOWN.code);
    await expect.poll(() => figureValue(page, 'suggestions').textContent()).toContain(String(town.figures.find((f) => f.key === 'suggestions')!.value));
    await expect.poll(() => figureValue(page, 'appeals').textContent()).toContain(String(townAppeals.value));

    // A shared link restores the view.
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await expect.poll(() => figureValue(other, 'suggestions').textContent()).toContain(String(town.figures.find((f) => f.key === 'suggestions')!.value));
    await other.close();

    // The suggestions behind the town's adoption rate: each row links to its public journey.
    const adoption = town.figures.find((f) => f.key === 'adoption_rate')!;
    await figureCard(page, 'adoption_rate').getByTestId('figure-records').click();
    await page.waitForURL(/\/dashboard\/records\?/);
    expect(new URL(page.url()).searchParams.get('territory')).toBe(TOWN.code);
    const rows = page.getByTestId('record-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Math.min(20, adoption.denominator ?? 0));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await rows.first().getByRole('link').first().click();
    await page.waitForURL(/\/suggestions\//);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a visitor opens the showcase and reads a result with its whole chain', async () => {
    const { context, page, problems } = await newContext(web, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto('/showcase');
    const card = page.getByTestId('showcase-card').filter({ hasText: showcaseTitle });
    await card.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'showcase.png');
    await card.getByRole('link').first().click();
    await page.waitForURL(`**/showcase/${showcaseId}`);
    const steps = page.getByTestId('chain-step');
    await steps.first().waitFor();
    const kinds = await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    for (const step of ['topic', 'event', 'suggestion', 'reply']) expect(kinds).toContain(step);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'showcase-chain.png');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('elder mode enlarges the pages and is remembered on the device', async () => {
    const { context, page, problems } = await newContext(web, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto('/');
    const toggle = page.getByTestId('elder-mode').first();
    await toggle.waitFor();
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await toggle.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('mh-elder'))).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThan(before);
    await page.reload();
    await page.getByTestId('elder-mode').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('mh-elder'))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto('/report');
    expect(await page.evaluate(() => document.documentElement.classList.contains('mh-elder'))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches between Simplified Chinese, Traditional Chinese and English', async () => {
    const { context, page, problems } = await newContext(web, { viewport: { width: 1280, height: 900 } });
    await page.goto('/dashboard');
    await figureCard(page, 'appeals').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '数据看板' }).waitFor();
    const switcher = page.locator('.mh-header .mh-lang-switch');
    await switcher.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    await page.getByRole('navigation').getByRole('link', { name: '資料看板' }).waitFor();
    expect(await switcher.getByRole('button', { name: '繁體中文' }).getAttribute('aria-pressed')).toBe('true');
    await switcher.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).waitFor();
    // Remembered on the device.
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an open dashboard shows a change made through the API within two seconds', async () => {
    const { context, page, problems } = await newContext(web, { viewport: { width: 1280, height: 900 } });
    const before = (await (await context.request.get('/api/v1/public/dashboard')).json()) as Dashboard;
    const count = before.figures.find((f) => f.key === 'appeals')!.value as number;
    await page.goto('/dashboard');
    await expect.poll(() => figureValue(page, 'appeals').textContent()).toContain(String(count));
    await page.getByTestId('dashboard-updated').waitFor({ state: 'attached' });
    // Let the stream connect before the change.
    await page.waitForTimeout(500);

    const hotline = await newContext(web);
    const csrf = await signInViaApi(hotline.context.request, 'dispatcher');
    const cats = (await (await hotline.context.request.get('/api/v1/categories')).json()) as { items: { id: string; code: string }[] };
    const categoryId = cats.items.find((c) => c.code === 'traffic.bus')!.id;
    const started = Date.now();
    const filed = await hotline.context.request.post('/api/v1/appeals', {
      headers: { 'x-csrf-token': csrf },
      data: { categoryId, territoryCode: '330106002051', description: '保俶路公交站台的电子站牌不亮了 <script>window.__pwned=1</script>', residentPhone: '13800001999' },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    await expect.poll(() => figureValue(page, 'appeals').textContent(), { timeout: 2_000, interval: 100 }).toContain(String(count + 1));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2_000);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await hotline.context.close();
    expect(problems).toEqual([]);
    await context.close();
  });
});
