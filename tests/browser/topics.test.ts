import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE, XSS_FLAG } from '../support/hostile.js';
import { PHONE, horizontalOverflow, newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

// Fictional concerns in 北山街道: one reported four times (one report carrying hostile markup),
// one three times, one once.
const BUS = [
  '北山街道保俶路公交站台顶棚破了，下雨天老人候车淋雨',
  '保俶路公交站的雨棚坏了好几天了，等车没地方躲雨',
  '北山街道保俶路公交站台顶棚损坏，请尽快修理',
  `北山街道保俶路公交站台顶棚漏雨，下雨天候车的人都淋湿了 ${HOSTILE.script}${HOSTILE.placeholder}`,
];
const NOISE = ['宝石山下小区广场舞音乐太吵，晚上十点还在跳', '宝石山小区楼下广场舞噪音大，影响休息', '宝石山下小区广场舞声音太响，老人孩子睡不着'];
const ONE_OFF = '断桥附近共享单车乱停放，挡住盲道';
const RETURN_COMMENT = `请补充站台位置和受影响人数 ${HOSTILE.link}`;

const stateTag = (page: Page) => page.locator('.mh-page-head .mh-state-tag');
const historyActions = (page: Page) => page.locator('.mh-topic-history > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-action')));

/** Takes a review step from the topic page: the button, then the dialog's confirming button. */
async function act(page: Page, action: string, state: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.locator('section[aria-labelledby="topic-actions"]').getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-title').filter({ hasText: action }).waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await stateTag(page).filter({ hasText: state }).waitFor();
}

describe.skipIf(!browserAvailable())('consultation topics: candidates, drafting, review and filing (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
    // Seed through the API, as the hotline would: a dispatcher registers the appeals.
    const { context } = await newContext(web);
    const csrf = await signInViaApi(context.request, 'dispatcher');
    const cats = (await (await context.request.get('/api/v1/categories')).json()) as { items: { id: string; code: string }[] };
    const categoryId = cats.items.find((c) => c.code === 'traffic.bus')!.id;
    for (const description of [...BUS, ...NOISE, ONE_OFF]) {
      const r = await context.request.post('/api/v1/appeals', { data: { categoryId, territoryCode: '330106002051', description }, headers: { 'x-csrf-token': csrf } });
      expect(r.status()).toBe(201);
    }
    await context.close();
  });
  afterAll(async () => {
    await web?.close();
  });

  // One topic's way through review, in steps that share the two people's pages.
  let town: Awaited<ReturnType<typeof newContext>>;
  let staff: Awaited<ReturnType<typeof newContext>>;
  let topicUrl = '';

  it('a town official finds the clusters of its area and drafts a topic from one, then submits it', async () => {
    town = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    const page = town.page;
    await signInViaApi(town.context.request, 'town');
    await page.goto('/workbench');
    await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '候选议题' }).click();
    await page.getByRole('heading', { level: 1, name: '候选议题' }).waitFor();
    // The town's own area and the last 30 days are searched at once.
    await page.getByRole('heading', { level: 2, name: /分析了 \d+ 件诉求，找到 2 组/ }).waitFor();
    const cluster = page.locator('.mh-cluster').first();
    await cluster.getByText('4 件诉求', { exact: true }).waitFor();
    await cluster.locator('.mh-sparkline').waitFor();
    await cluster.getByText('北山街道', { exact: false }).first().waitFor();
    expect(await cluster.locator('.mh-cluster-samples > li').count()).toBe(3);
    await page.locator('.mh-cluster').nth(1).getByText('3 件诉求', { exact: true }).waitFor();
    // Asking for larger groups finds none.
    const minSize = async (label: string) => {
      await page.getByRole('combobox', { name: '每组至少' }).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }).click();
      await page.getByRole('button', { name: '查找' }).click();
    };
    await minSize('5 件');
    await page.getByRole('heading', { level: 2, name: /找到 0 组/ }).waitFor();
    await page.getByText('没有找到内容相近的诉求组').waitFor();
    await minSize('3 件');
    await page.getByRole('heading', { level: 2, name: /找到 2 组/ }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await cluster.getByRole('button', { name: /^生成议题草稿/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('将关联这一组的 4 件诉求。').waitFor();
    const title = await dialog.getByLabel('议题名称').inputValue();
    expect(title).toMatch(/^关于“.+”问题的协商议题$/);
    expect(await dialog.getByLabel('议题说明').inputValue()).toContain('4 件诉求');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await stateTag(page).filter({ hasText: '草稿' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '关联诉求（4 件）' }).waitFor();
    topicUrl = page.url();
    expect(topicUrl).toMatch(/\/workbench\/topics\/[0-9a-f-]{36}$/);
    await act(page, '提交审核', '待审核');
  });

  it('the committee sends it back with comments; the proposer’s stale page explains the conflict and reloads; revised and resubmitted', async () => {
    const page = town.page;
    // The district committee sends it back; comments are required.
    staff = await newContext(web, { timezoneId: 'Asia/Shanghai' });
    await signInViaApi(staff.context.request, 'staff');
    await staff.page.goto(topicUrl);
    await stateTag(staff.page).filter({ hasText: '待审核' }).waitFor();
    await staff.page.locator('section[aria-labelledby="topic-actions"]').getByRole('button', { name: '退回修改', exact: true }).click();
    const back = staff.page.getByRole('dialog');
    await back.getByRole('button', { name: '退回修改', exact: true }).click();
    await back.getByText('请填写意见或理由').waitFor();
    await back.getByLabel('修改意见').fill(RETURN_COMMENT);
    await back.getByRole('button', { name: '退回修改', exact: true }).click();
    await back.waitFor({ state: 'detached' });
    await stateTag(staff.page).filter({ hasText: '已退回' }).waitFor();

    // The proposer's page is stale (it still offers to withdraw): the server's 409 is explained, with a reload.
    await page.locator('section[aria-labelledby="topic-actions"]').getByRole('button', { name: '撤回', exact: true }).click();
    const stale = page.getByRole('dialog');
    await stale.getByRole('button', { name: '撤回', exact: true }).click();
    await stale.getByText('议题已被他人更新').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await stale.getByRole('button', { name: '重新加载' }).click();
    await stateTag(page).filter({ hasText: '已退回' }).waitFor();
    await page.locator('.mh-topic-history').getByText(RETURN_COMMENT, { exact: true }).waitFor();

    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('议题说明').fill('保俶路公交站（近宝石山下）顶棚破损漏雨，早晚高峰约两百人候车，建议协商改造方案。');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByText('早晚高峰约两百人候车', { exact: false }).waitFor();
    await act(page, '提交审核', '待审核');
  });

  it('the committee files it; the history shows each step with who, when and the comments; nothing typed became markup', async () => {
    const page = town.page;
    await staff.page.reload();
    await stateTag(staff.page).filter({ hasText: '待审核' }).waitFor();
    await act(staff.page, '审核备案', '已备案');
    await expect.poll(() => historyActions(staff.page)).toEqual(['propose', 'submit', 'return', 'submit', 'approve']);
    const history = staff.page.locator('.mh-topic-history');
    await history.getByText('操作人：town').first().waitFor();
    await history.getByText('操作人：staff').first().waitFor();
    await history.getByText(RETURN_COMMENT, { exact: true }).waitFor();
    await staff.page.getByText('您当前没有可执行的操作').waitFor();
    await staff.page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(staff.page)).toEqual([]);

    // Nothing typed became markup anywhere on the way.
    for (const p of [page, staff.page]) {
      expect(await p.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
      expect(await p.locator('a[href*="spam.example"]').count()).toBe(0);
    }
    expect(town.problems).toEqual([]);
    expect(staff.problems).toEqual([]);
    await staff.context.close();
    await town.context.close();
  });

  it('a member proposes a topic directly (点题) on a 360 px phone; hostile text stays text', async () => {
    const { context, page, problems } = await newContext(web, PHONE);
    await signInViaApi(context.request, 'member');
    await page.goto('/workbench/topics');
    await page.getByRole('heading', { level: 1, name: '协商议题' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: '提出议题' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('议题名称').fill(`老旧小区加装电梯${HOSTILE.img}`);
    await dialog.getByLabel('议题说明').fill(`多个老旧小区居民希望加装电梯，费用分摊难以达成一致。${HOSTILE.link}${HOSTILE.placeholder}`);
    await expect.poll(() => dialog.getByLabel('委员提出').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('heading', { level: 1, name: `老旧小区加装电梯${HOSTILE.img}` }).waitFor();
    await page.getByText(`${HOSTILE.link}${HOSTILE.placeholder}`, { exact: false }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await act(page, '提交审核', '待审核');

    await page.goto('/workbench/topics');
    await page.getByLabel('只看我提出的').check();
    await page.getByRole('link', { name: `老旧小区加装电梯${HOSTILE.img}` }).waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await page.locator('main img, a[href*="spam.example"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
