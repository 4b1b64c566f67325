import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE_NAME, HOSTILE_UNIT, XSS_FLAG } from '../support/hostile.js';
import { newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

/** The options an open Ant Design select shows for what was typed into it. */
async function optionsFor(page: Page, label: string, typed: string): Promise<string[]> {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(typed);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.waitFor();
  await page.waitForTimeout(300);
  return dropdown.locator('.ant-select-item-option').allTextContents();
}

describe.skipIf(!browserAvailable())('categories and deadlines administration (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('an admin adds a hostile sub-category, changes a deadline, deactivates a category; the dispatcher’s form follows', async () => {
    const admin = await newContext(web);
    const page = admin.page;
    await signInViaApi(admin.context.request, 'admin');
    await page.goto('/workbench');
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '类别与时限' }).click();
    await page.getByRole('heading', { level: 1, name: '诉求类别与办理时限' }).waitFor();
    await page.getByText('公交线路', { exact: true }).waitFor();

    // A bad code is refused by the server in Chinese; nothing typed is lost.
    await page.getByRole('button', { name: '为“交通出行”添加子类' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('代码').inputValue()).toBe('traffic.');
    await dialog.getByLabel('代码').fill('traffic.Night Bus');
    await dialog.getByLabel('中文名称').fill(HOSTILE_NAME);
    await dialog.getByLabel('英文名称').fill(HOSTILE_UNIT);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '只能用小写字母' }).waitFor();
    await dialog.getByRole('alert').filter({ hasText: '提交的内容有误' }).waitFor();
    expect(await dialog.getByLabel('中文名称').inputValue()).toBe(HOSTILE_NAME);
    expect(await dialog.getByLabel('英文名称').inputValue()).toBe(HOSTILE_UNIT);
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByLabel('代码').fill('traffic.night-bus');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The hostile name is shown as text, in the tree under its parent.
    const cell = page.getByText(HOSTILE_NAME, { exact: true });
    await cell.waitFor();
    expect(await cell.textContent()).toBe(HOSTILE_NAME);
    await page.getByText(HOSTILE_UNIT, { exact: true }).waitFor();

    // The dispatch deadline becomes one working day.
    await page.getByRole('button', { name: '编辑“派单”的时限' }).click();
    const classDialog = page.getByRole('dialog');
    await classDialog.getByLabel('时长').fill('1');
    await classDialog.getByRole('button', { name: '保存' }).click();
    await classDialog.waitFor({ state: 'detached' });
    await page.locator('tr[data-row-key="dispatch"]').filter({ hasText: '1 个工作日' }).waitFor();

    // Parking is no longer offered.
    await page.getByRole('button', { name: '停用“停车管理”' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    await page.getByRole('row').filter({ hasText: '停车管理' }).filter({ hasText: '已停用' }).waitFor();
    await page.getByRole('button', { name: '启用“停车管理”' }).waitFor();

    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await page.locator('a[href*="spam.example"]').count()).toBe(0);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(admin.problems).toEqual([]);

    const dispatcher = await newContext(web);
    const d = dispatcher.page;
    await signInViaApi(dispatcher.context.request, 'dispatcher');
    await d.goto('/workbench/appeals/new');
    await d.getByRole('heading', { level: 1, name: '登记诉求' }).waitFor();
    await d.waitForLoadState('networkidle');
    expect(await optionsFor(d, '诉求分类', '停车')).toEqual([]);
    expect(await optionsFor(d, '诉求分类', '张')).toContain(HOSTILE_NAME);
    expect(await optionsFor(d, '诉求分类', '公交')).toContain('公交线路');
    expect(await d.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await d.locator('a[href*="spam.example"]').count()).toBe(0);
    expect(dispatcher.problems).toEqual([]);

    // The server holds what the page showed.
    const classes = (await (await admin.context.request.get('/api/v1/deadline-classes')).json()) as { items: { code: string; amount: number }[] };
    expect(classes.items.find((c) => c.code === 'dispatch')?.amount).toBe(1);
    await admin.context.close();
    await dispatcher.context.close();
  });

  it('an English-speaking admin sees the page and the server’s errors in English', async () => {
    const { context, page, problems } = await newContext(web, { locale: 'en-US' });
    await page.addInitScript(() => localStorage.setItem('minhu.lang', 'en'));
    await signInViaApi(context.request, 'admin');
    await page.goto('/workbench/appeal-settings');
    await page.getByRole('heading', { level: 1, name: 'Categories & deadlines' }).waitFor();
    await page.getByRole('button', { name: 'Edit the deadline “General”' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Minutes (clock time)').check();
    await dialog.getByLabel('Amount').fill('5');
    await dialog.getByLabel('Chinese name').fill('一般类');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('tr[data-row-key="general"]').filter({ hasText: '5 minutes' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add a sub-category to “Transport”' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel('Code').fill('traffic.X Y');
    await add.getByLabel('Chinese name').fill('夜班车');
    await add.getByLabel('English name').fill('Night buses');
    await add.getByRole('button', { name: 'Save' }).click();
    await add.locator('.ant-form-item-explain-error').filter({ hasText: 'lower-case letters, digits and hyphens' }).waitFor();
    await add.getByRole('alert').filter({ hasText: 'Some fields are invalid' }).waitFor();
    expect(await add.getByLabel('English name').inputValue()).toBe('Night buses');
    await add.getByRole('button', { name: 'Cancel' }).click();
    await add.waitFor({ state: 'detached' });
    // Deleting a category appeals use is not offered; one that is unused goes after confirmation.
    expect(await page.getByRole('button', { name: 'Delete “Policy questions”' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete “Policy questions”' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Saved').waitFor();
    await expect.poll(() => page.getByText('Policy questions', { exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
