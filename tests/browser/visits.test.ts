import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE, XSS_FLAG } from '../support/hostile.js';
import { PHONE, horizontalOverflow, newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

/** Opens an Ant Design select by its label and picks the option showing `text`. */
async function pick(scope: Page | Locator, page: Page, label: string, text: string, typed?: string) {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  if (typed) await input.fill(typed);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click();
}

const TOPIC = '老小区停车难（虚构）';
const LIGHT = `小区北门路灯坏了一个月 ${HOSTILE.script}`;
const PARKING = `停车位太少，希望划线停车 ${HOSTILE.link}`;

describe.skipIf(!browserAvailable())('my visits (走访) (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
    // A filed topic members can attach concerns to, seeded through the API.
    const town = await newContext(web);
    const townCsrf = await signInViaApi(town.context.request, 'town');
    const created = await town.context.request.post('/api/v1/topics', {
      data: { title: TOPIC, description: '北山街道多个老小区停车位不足，建议协商挖潜和错时停车。', source: 'committee', territoryCode: '330106002' },
      headers: { 'x-csrf-token': townCsrf },
    });
    const topic = (await created.json()) as { id: string; version: number };
    const submitted = (await (await town.context.request.post(`/api/v1/topics/${topic.id}/actions`, { data: { action: 'submit', version: topic.version }, headers: { 'x-csrf-token': townCsrf } })).json()) as { version: number };
    const staff = await newContext(web);
    const staffCsrf = await signInViaApi(staff.context.request, 'staff');
    const filed = await staff.context.request.post(`/api/v1/topics/${topic.id}/actions`, { data: { action: 'approve', version: submitted.version }, headers: { 'x-csrf-token': staffCsrf } });
    expect(filed.status()).toBe(200);
    await town.context.close();
    await staff.context.close();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a member records a visit with two concerns on a phone, files one as an appeal and attaches the other to a topic', async () => {
    const { context, page, problems } = await newContext(web, { ...PHONE, timezoneId: 'Asia/Shanghai' });
    await signInViaApi(context.request, 'member');
    await page.goto('/workbench/my-visits');
    await page.getByRole('heading', { level: 1, name: '我的走访' }).waitFor();
    await page.getByText('还没有走访记录').waitFor();

    await page.getByRole('button', { name: '记录走访' }).click();
    const dialog = page.getByRole('dialog');
    await pick(dialog, page, '村（社区）', '上保社区', '上保');
    await dialog.getByLabel('具体地点或住户').fill(`3 幢某户 ${HOSTILE.img}`);
    await dialog.getByLabel('走访情况').fill('走访上保社区，听取居民意见。');
    await dialog.getByRole('textbox', { name: '第 1 条意见' }).fill(LIGHT);
    await dialog.getByRole('button', { name: '再加一条意见' }).click();
    await dialog.getByRole('textbox', { name: '第 2 条意见' }).fill(PARKING);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = page.locator('.mh-visit').first();
    await card.getByText(LIGHT, { exact: true }).waitFor();
    await card.getByText(PARKING, { exact: true }).waitFor();
    await card.getByText(`· 3 幢某户 ${HOSTILE.img}`, { exact: true }).waitFor();

    await card.getByRole('button', { name: '登记为诉求（第 1 条）' }).click();
    const file = page.getByRole('dialog');
    await pick(file, page, '诉求分类', '公交线路');
    await file.getByRole('button', { name: '登记为诉求' }).click();
    await file.waitFor({ state: 'detached' });
    await card.locator('li[data-status="appeal"]').getByRole('link', { name: '已登记诉求' }).waitFor();

    await card.getByRole('button', { name: '关联议题（第 2 条）' }).click();
    const attach = page.getByRole('dialog');
    await pick(attach, page, '协商议题', TOPIC);
    await attach.getByRole('button', { name: '关联议题' }).click();
    await attach.waitFor({ state: 'detached' });
    await card.locator('li[data-status="topic"]').getByRole('link', { name: '已关联议题' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The filed appeal is a visit appeal carrying the concern's words, still as text.
    await card.locator('li[data-status="appeal"]').getByRole('link', { name: '已登记诉求' }).click();
    await page.locator('.mh-appeal-description').getByText(LIGHT, { exact: true }).waitFor();
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await page.locator('a[href*="spam.example"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
