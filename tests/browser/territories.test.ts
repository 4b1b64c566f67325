import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { newContext, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

describe.skipIf(!browserAvailable())('territory browser (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  const crumbs = (page: import('playwright-core').Page) =>
    page.getByRole('navigation', { name: '所在位置' }).getByRole('listitem').allTextContents();

  it('is reached from the home page', async () => {
    const { context, page, problems } = await newContext(web);
    const response = await page.goto('/');
    expect(response?.status(), 'GET / serves the app').toBe(200);
    await page.getByRole('heading', { level: 1, name: '民呼 —— 基层协商议事平台' }).waitFor();
    expect(await page.title()).toBe('首页 · 民呼 Minhu');
    await page.getByRole('main').getByRole('link', { name: '浏览行政区划' }).click();
    await page.waitForURL('**/territories');
    await page.getByRole('link', { name: '浙江省' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('drills from the province to a town with the right breadcrumb', async () => {
    const { context, page, problems } = await newContext(web);
    await page.goto('/territories');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('行政区划');

    await page.getByRole('link', { name: '浙江省' }).click();
    await page.waitForURL('**/territories/33');
    await page.getByRole('heading', { level: 1, name: '浙江省' }).waitFor();

    await page.getByRole('link', { name: '杭州市' }).click();
    await page.getByRole('heading', { level: 1, name: '杭州市' }).waitFor();

    await page.getByRole('link', { name: '西湖区' }).click();
    await page.getByRole('heading', { level: 1, name: '西湖区' }).waitFor();
    await page.getByText('330106000000', { exact: true }).waitFor();
    const towns = page.locator('.mh-territory-list > li');
    await towns.first().waitFor();
    expect(await towns.count()).toBe(12);

    await page.getByRole('link', { name: '北山街道' }).click();
    await page.waitForURL('**/territories/330106002');
    await page.getByRole('heading', { level: 1, name: '北山街道' }).waitFor();
    expect(await crumbs(page)).toEqual(['全部', '浙江省', '杭州市', '西湖区', '北山街道']);
    expect(await page.getByRole('navigation', { name: '所在位置' }).locator('[aria-current="page"]').textContent()).toBe('北山街道');
    expect(await page.title()).toBe('北山街道 · 民呼 Minhu');

    // The breadcrumb leads back up.
    await page.getByRole('navigation', { name: '所在位置' }).getByRole('link', { name: '杭州市' }).click();
    await page.getByRole('heading', { level: 1, name: '杭州市' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds 北山街道 by name and by code', async () => {
    const { context, page } = await newContext(web);
    await page.goto('/territories');
    await page.getByLabel('按名称或区划代码搜索').fill('北山');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: '北山街道' }).waitFor();

    await page.getByLabel('按名称或区划代码搜索').fill('330106002');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: '北山街道' }).waitFor();

    await page.getByRole('button', { name: '清除搜索' }).click();
    await page.getByRole('link', { name: '浙江省' }).waitFor();
    await context.close();
  });

  it('pages through search results', async () => {
    const { context, page } = await newContext(web);
    await page.goto('/territories?q=社区');
    await page.locator('.mh-territory-list > li').first().waitFor();
    expect(await page.locator('.mh-territory-list > li').count()).toBe(20);
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/page=2/);
    await page.locator('.mh-territory-list > li').first().waitFor();
    await context.close();
  });

  it('is part of the workbench when signed in', async () => {
    const { context, page } = await newContext(web);
    await signInViaApi(context.request, 'town');
    await page.goto('/workbench/territories/330106');
    await page.getByRole('heading', { level: 1, name: '西湖区' }).waitFor();
    await page.getByRole('navigation', { name: '工作台菜单' }).waitFor();
    await page.getByRole('link', { name: '北山街道' }).click();
    await page.waitForURL('**/workbench/territories/330106002');
    await context.close();
  });
});
