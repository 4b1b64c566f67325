import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE, XSS_FLAG } from '../support/hostile.js';
import { horizontalOverflow, newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

/** Opens an Ant Design select by its label and picks the option showing `text`. */
async function pick(scope: Page | Locator, page: Page, label: string, text: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click();
}

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const TITLE = `加装电梯协商${HOSTILE.script}`;

describe.skipIf(!browserAvailable())('consultation events (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a station head plans an event, adds the agenda, a phone signs in by the QR page, and the step advances once its documents are there', async () => {
    // District staff file a topic and post a short procedure (through the API, as the other browser tests seed).
    const staff = await newContext(web);
    const csrf = await signInViaApi(staff.context.request, 'staff');
    const headers = { 'x-csrf-token': csrf };
    const topic = (await (await staff.context.request.post('/api/v1/topics', { headers, data: { title: '老旧小区加装电梯', description: '居民反映加装电梯费用分摊难以达成一致。', source: 'committee' } })).json()) as { id: string; version: number };
    const submitted = (await (await staff.context.request.post(`/api/v1/topics/${topic.id}/actions`, { headers, data: { action: 'submit', version: topic.version } })).json()) as { version: number };
    expect((await staff.context.request.post(`/api/v1/topics/${topic.id}/actions`, { headers, data: { action: 'approve', version: submitted.version } })).status()).toBe(200);
    const steps = [
      { key: 'prepare', label: '会前准备', requires: ['agenda'] },
      { key: 'consult', label: '协商议事', requires: ['sign_in_list', 'minutes'] },
      { key: 'showcase', label: '成果展示', requires: [] },
    ];
    expect((await staff.context.request.post('/api/v1/procedure-templates', { headers, data: { name: '驿站微协商', description: '', steps } })).status()).toBe(201);
    await staff.context.close();

    const head = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = head.page;
    await signInViaApi(head.context.request, 'station');
    await page.goto('/workbench');
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '我的协商活动' }).click();
    await page.getByRole('heading', { level: 1, name: '我的协商活动' }).waitFor();
    await page.getByRole('link', { name: '查看协商活动“小区停车难怎么解——驿站微协商”' }).waitFor();

    await page.getByRole('button', { name: '新建协商活动' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('活动名称').fill(TITLE);
    await pick(dialog, page, '协商议题', '老旧小区加装电梯');
    await pick(dialog, page, '议事场所', '上保社区协商驿站');
    await pick(dialog, page, '规程', '驿站微协商');
    await dialog.getByLabel('开始时间').fill('2026-12-10T14:30');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // The server refuses to move on and says what is missing.
    await page.getByRole('button', { name: '进入下一步' }).click();
    await page.getByRole('alert').getByText('“会前准备”步骤缺少：议程').waitFor();

    await page.getByRole('button', { name: '添加材料' }).click();
    const agenda = page.getByRole('dialog');
    await agenda.getByLabel('事项 1').fill(HOSTILE.img);
    await agenda.getByLabel('发言人 1').fill('社区书记');
    await agenda.getByRole('button', { name: '保存' }).click();
    await agenda.waitFor({ state: 'detached' });
    await page.getByText(HOSTILE.img, { exact: true }).waitFor();
    await page.getByRole('button', { name: '进入下一步' }).click();
    await page.getByText('缺少材料：签到名单、会议纪要').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The QR code carries the sign-in page's address; a resident opens it on a phone.
    await page.getByRole('img', { name: `“${TITLE}”签到二维码` }).waitFor();
    const link = await page.getByRole('link', { name: /\/sign-in\// }).getAttribute('href');
    expect(link).toMatch(/\/sign-in\/[0-9a-f-]{36}\?t=/);
    const phone = await newContext(web, PHONE);
    await phone.page.goto(link!);
    await phone.page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await phone.page.getByLabel('姓名').fill('居民 钱阿姨');
    await phone.page.getByLabel('手机号').fill('13812345678');
    await phone.page.getByRole('button', { name: '签 到' }).or(phone.page.getByRole('button', { name: '签到' })).click();
    await phone.page.getByText('签到成功，居民 钱阿姨，欢迎参加！').waitFor();
    await phone.page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(phone.page)).toBe(0);
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    expect(await phone.page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(phone.problems).toEqual([]);
    await phone.context.close();

    // Back at the station: the attendance shows her (phone masked); minutes complete the step.
    await page.reload();
    await page.getByRole('cell', { name: '居民 钱阿姨', exact: true }).waitFor();
    await page.getByRole('cell', { name: '138****5678' }).waitFor();
    await page.getByRole('button', { name: '添加材料' }).click();
    const minutes = page.getByRole('dialog');
    await minutes.getByLabel('内容').fill(`居民同意按楼层分摊。${HOSTILE.link}`);
    await minutes.getByRole('button', { name: '保存' }).click();
    await minutes.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '进入下一步' }).click();
    await page.getByText('已进入下一步').waitFor();
    await page.locator('.ant-descriptions-item-content', { hasText: '成果展示' }).first().waitFor();
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await page.locator('a[href*="spam.example"]').count()).toBe(0);
    expect(head.problems).toEqual([]);
    await head.context.close();
  });

  it('the event page, the procedure editor and the public event page fit a 360 px phone', async () => {
    const head = await newContext(web, PHONE);
    await signInViaApi(head.context.request, 'station');
    await head.page.goto('/workbench/my-events');
    await head.page.getByRole('heading', { level: 1, name: '我的协商活动' }).waitFor();
    await head.page.getByRole('link', { name: '查看协商活动“小区停车难怎么解——驿站微协商”' }).click();
    await head.page.getByRole('heading', { level: 1, name: '小区停车难怎么解——驿站微协商' }).waitFor();
    await head.page.getByText('收集议题').first().waitFor();
    await head.page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(head.page)).toBe(0);
    expect(await seriousA11yViolations(head.page)).toEqual([]);
    await head.page.getByRole('link', { name: '公开页面' }).click();
    await head.page.getByRole('heading', { level: 1, name: '小区停车难怎么解——驿站微协商' }).waitFor();
    await head.page.getByText('社区通报停车位现状').waitFor();
    await head.page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(head.page)).toBe(0);
    expect(await seriousA11yViolations(head.page)).toEqual([]);
    expect(head.problems).toEqual([]);
    await head.context.close();

    const staff = await newContext(web, PHONE);
    await signInViaApi(staff.context.request, 'staff');
    await staff.page.goto('/workbench/procedure-templates');
    await staff.page.getByRole('heading', { level: 1, name: '协商规程' }).waitFor();
    await staff.page.getByRole('heading', { level: 2, name: '基层协商标准规程' }).waitFor();
    await staff.page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(staff.page)).toBe(0);
    expect(await seriousA11yViolations(staff.page)).toEqual([]);
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });
});
