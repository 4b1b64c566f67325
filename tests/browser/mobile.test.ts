import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { horizontalOverflow, newContext, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe.skipIf(!browserAvailable())('phones, 360 px wide (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('shows sign-in and territories without horizontal scrolling, and the menu opens', async () => {
    const { context, page, problems } = await newContext(web, PHONE);
    await page.goto('/login');
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.goto('/territories/330106');
    await page.getByRole('link', { name: '北山街道' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await horizontalOverflow(page)).toBe(0);

    const menuButton = page.getByRole('button', { name: '打开菜单' });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    await menuButton.click();
    const menu = page.getByRole('dialog').getByRole('navigation', { name: '主导航' });
    await menu.getByRole('link', { name: '登录' }).waitFor();
    await menu.getByRole('link', { name: '首页' }).waitFor();
    await menu.getByRole('link', { name: '登录' }).click();
    await page.waitForURL('**/login');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits the workbench and its accounts table into the phone, with the menu in a drawer', async () => {
    const { context, page } = await newContext(web, PHONE);
    await signInViaApi(context.request, 'admin');
    await page.goto('/workbench');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: '工作台菜单' }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByRole('button', { name: '打开菜单' }).click();
    const menu = page.getByRole('dialog').getByRole('navigation', { name: '工作台菜单' });
    await menu.getByRole('link', { name: '账号管理' }).click();
    await page.waitForURL('**/workbench/accounts');
    await page.getByRole('cell', { name: 'resident', exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await context.close();
  });
});
