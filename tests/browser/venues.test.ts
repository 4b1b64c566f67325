import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE, HOSTILE_NAME, XSS_FLAG } from '../support/hostile.js';
import { horizontalOverflow, newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture, pick } from './web.fixture.js';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe.skipIf(!browserAvailable())('venues and duty rosters (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('staff open a station, assign a member, add a weekly rule; the public page shows today’s duty, hostile text inert', async () => {
    // China time, so "today" in the form is the server's today.
    const staff = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = staff.page;
    await signInViaApi(staff.context.request, 'staff');
    await page.goto('/workbench');
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '议事场所' }).click();
    await page.getByRole('heading', { level: 1, name: '议事场所' }).waitFor();
    await page.getByRole('link', { name: '查看“北山街道民生议事堂”' }).waitFor();

    await page.getByRole('button', { name: '新建场所' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill(HOSTILE_NAME);
    await pick(dialog, page, '所属区划', '北山街道', '北山');
    await dialog.getByLabel('地址').fill(`${HOSTILE.link}${HOSTILE.img}（虚构）`);
    await dialog.getByLabel('开放时间说明（可选）').fill(HOSTILE.placeholder);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { level: 1, name: HOSTILE_NAME }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await pick(page, page, '委员', '委员 刘芳');
    await page.getByRole('button', { name: '安排委员进站' }).click();
    await page.getByRole('cell', { name: '委员 刘芳', exact: true }).waitFor();

    await page.getByRole('button', { name: '添加排班规则' }).click();
    const rule = page.getByRole('dialog');
    for (const day of ['周一', '周二', '周四', '周五', '周六', '周日']) await rule.getByLabel(day).check();
    await rule.getByLabel('照常值班并标注').check();
    await rule.getByRole('button', { name: '保存' }).click();
    await rule.waitFor({ state: 'detached' });
    await page.locator('.mh-rule-list').getByText('委员 刘芳').waitFor();
    await page.locator('.mh-duty-list').getByText('委员 刘芳').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '查看公开页面' }).click();

    await page.getByRole('heading', { level: 1, name: HOSTILE_NAME }).waitFor();
    await page.locator('.mh-duty-today').getByText('委员 刘芳').waitFor();
    await page.getByText(`${HOSTILE.link}${HOSTILE.img}（虚构）`, { exact: true }).waitFor();
    await page.getByText(HOSTILE.placeholder, { exact: true }).waitFor();
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await page.locator('a[href*="spam.example"]').count()).toBe(0);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });

  it('the public venue page fits a 360 px phone, with no personal phone numbers', async () => {
    const { context, page, problems } = await newContext(web, PHONE);
    await page.goto('/venues');
    await page.getByRole('heading', { level: 1, name: '议事场所' }).waitFor();
    await page.getByRole('link', { name: '上保社区协商驿站' }).click();
    await page.getByRole('heading', { level: 1, name: '上保社区协商驿站' }).waitFor();
    await page.getByText('委员 刘芳').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.locator('main').textContent()).not.toMatch(/1[3-9]\d{9}/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a member sees their own duty and the iCal link', async () => {
    const { context, page } = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    await signInViaApi(context.request, 'member');
    await page.goto('/workbench');
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '我的值班' }).click();
    await page.getByRole('heading', { level: 1, name: '我的值班' }).waitFor();
    const link = page.getByRole('link', { name: '下载我的值班日历（iCal）' });
    expect(await link.getAttribute('href')).toBe('/api/v1/me/duty.ics');
    const ics = await context.request.get('/api/v1/me/duty.ics');
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR\r\n');
    await page.locator('.mh-duty-list').getByText('上保社区协商驿站').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
