import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE_NAME } from '../support/hostile.js';
import { HTML_AS_JPG, jpegWithMetadata, smallPng } from '../support/photos.js';
import { DEMO_PASSWORD, PHONE, horizontalOverflow, lastSmsCode, newContext, seriousA11yViolations, startWeb, type WebFixture, pick } from './web.fixture.js';

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/workbench$/);
}

const stateTag = (page: Page) => page.locator('.mh-page-head .mh-state-tag');
const timelineLength = (page: Page) => page.locator('.mh-timeline > li').count();
/** The clocks the detail page shows, by kind, each with a due time. */
const clocks = async (page: Page) => {
  const items = page.locator('[data-clock]');
  const kinds: string[] = [];
  for (const item of await items.all()) {
    expect(await item.textContent()).toMatch(/\d{4}\D\d{1,2}\D\d{1,2}/);
    kinds.push((await item.getAttribute('data-clock')) ?? '');
  }
  return kinds.sort();
};

/**
 * Takes one action from the detail page and waits for the new state, a timeline one entry
 * longer and the clocks the new state runs.
 */
async function act(page: Page, action: string, expectedState: string, expectedClocks: string[], fill?: (dialog: Locator) => Promise<void>) {
  const before = await timelineLength(page);
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-modal-title').filter({ hasText: action }).waitFor();
  // Let the dialog's opening motion end first: on a loaded machine a click on 提交 during it
  // was seen to be lost (the dialog stayed open showing nothing but its question).
  await expect.poll(async () => (await dialog.getAttribute('class')) ?? '').not.toMatch(/ant-zoom/);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: '提交' }).click();
  // A dialog that stays open says why (a refusal, a missing field): put that in the failure.
  await dialog.waitFor({ state: 'detached' }).catch(async (err: unknown) => {
    throw new Error(`the “${action}” dialog stayed open: ${await dialog.innerText().catch(() => '?')}\n${String(err)}`);
  });
  await stateTag(page).filter({ hasText: expectedState }).waitFor();
  await expect.poll(() => timelineLength(page)).toBe(before + 1);
  await expect.poll(() => clocks(page)).toEqual([...expectedClocks].sort());
}

/** Opens the appeal fresh (someone else acted) and waits for its state. */
async function open(page: Page, id: string, state: string) {
  await page.goto(`/workbench/appeals/${id}`);
  await stateTag(page).filter({ hasText: state }).waitFor();
}

const HOSTILE = '路灯不亮 <script>window.__xss=1</script> 详见 <a href="https://spam.example/">免费领取</a> https://spam.example/x';
const HOSTILE_ADDRESS = '宝石二路 <img src=x onerror="window.__xss=1"> <蜘蛛词>{关键词}【外链】';
const RESIDENT_PHONE = '13900001234';

describe.skipIf(!browserAvailable())('appeals: register, dispatch, handle, review, rate and track (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a resident files on a phone with a photo; hotline and unit carry it through its lifecycle; the resident follows it', async () => {
    // The resident, on a phone, without an account: from the home page to the intake form.
    const resident = await newContext(web, PHONE);
    const r = resident.page;
    await r.goto('/');
    await r.getByRole('link', { name: '我要反映诉求' }).click();
    await r.getByRole('heading', { level: 1, name: '我要反映' }).waitFor();
    await r.getByRole('combobox', { name: '诉求分类' }).selectOption({ label: '市容环境' });
    await r.getByRole('combobox', { name: '所在镇街' }).selectOption({ label: '北山街道' });
    await r.getByRole('option', { name: '宝石社区' }).waitFor({ state: 'attached' });
    await r.getByRole('combobox', { name: '所在村社区（选填）' }).selectOption({ label: '宝石社区' });
    await r.getByLabel('详细地址（选填）').fill(HOSTILE_ADDRESS);
    await r.getByLabel('诉求内容').fill(HOSTILE);
    await r.getByText(`${[...HOSTILE].length} / 4000`).waitFor();

    // A real photo uploads; an HTML page renamed .jpg is refused with the server's reason.
    await r.locator('input[type=file]').setInputFiles([
      { name: '路灯.jpg', mimeType: 'image/jpeg', buffer: await jpegWithMetadata(1200, 900) },
      { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: HTML_AS_JPG },
    ]);
    await r.locator('.mh-photo-item[data-status="done"]').filter({ hasText: '路灯.jpg' }).waitFor();
    const refused = r.locator('.mh-photo-item[data-status="error"]').filter({ hasText: 'photo.jpg' });
    await refused.getByText('只能上传 JPEG、PNG 或 WebP 格式的照片', { exact: false }).waitFor();
    await refused.getByRole('button', { name: '移除照片 photo.jpg' }).click();
    expect(await r.locator('.mh-photo-item').count()).toBe(1);
    await r.getByLabel('您的称呼（选填）').fill(HOSTILE_NAME);
    await r.getByLabel('手机号').fill(RESIDENT_PHONE);
    await r.getByRole('button', { name: '获取验证码' }).click();
    await r.getByText('验证码已发送', { exact: false }).waitFor();
    const code = await lastSmsCode(web, RESIDENT_PHONE);
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code fails the submit; everything typed and uploaded is still there.
    await r.getByLabel('短信验证码').fill(code === '000000' ? '000001' : '000000');
    await r.getByRole('button', { name: '提交诉求' }).click();
    await r.getByRole('alert').filter({ hasText: '验证码错误' }).first().waitFor();
    expect(await r.getByLabel('诉求内容').inputValue()).toBe(HOSTILE);
    expect(await r.getByLabel('详细地址（选填）').inputValue()).toBe(HOSTILE_ADDRESS);
    expect(await r.getByLabel('手机号').inputValue()).toBe(RESIDENT_PHONE);
    expect(await r.locator('.mh-photo-item[data-status="done"]').count()).toBe(1);
    expect(await horizontalOverflow(r)).toBeLessThanOrEqual(0);

    await r.getByLabel('短信验证码').fill(code);
    await r.getByRole('button', { name: '提交诉求' }).click();
    await r.getByText('您的诉求已受理').waitFor();
    const trackingNo = /\d{8}-\d{5}/.exec((await r.locator('.mh-report-tracking').textContent()) ?? '')?.[0] ?? '';
    expect(trackingNo).toMatch(/^\d{8}-\d{5}$/);
    expect(await r.getByRole('link', { name: '查看办理进度' }).getAttribute('href')).toBe(`/status?no=${trackingNo}`);
    expect(await horizontalOverflow(r)).toBeLessThanOrEqual(0);
    expect(await r.evaluate(() => (window as unknown as { __xss?: unknown; __minhu_xss?: unknown }).__xss ?? (window as unknown as { __minhu_xss?: unknown }).__minhu_xss)).toBeUndefined();

    // The hotline finds it in the queue.
    const hotline = await newContext(web);
    const d = hotline.page;
    await signIn(d, 'dispatcher');
    await d.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '诉求工单' }).click();
    await d.getByRole('heading', { level: 1, name: '诉求工单' }).waitFor();
    await d.getByRole('radio', { name: /^待派单（\d+）$/ }).waitFor({ state: 'attached' });
    await d.waitForLoadState('networkidle');
    await d.mouse.move(0, 0); // antd's hover blue is below 4.5:1; judge the page at rest
    expect(await seriousA11yViolations(d)).toEqual([]);
    await pick(d, d, '搜索方式', '受理编号');
    await d.getByLabel('搜索工单').fill(trackingNo);
    await d.getByRole('button', { name: '查询', exact: true }).click();
    await d.getByRole('link', { name: `查看工单 ${trackingNo}` }).click();
    await d.getByRole('heading', { level: 1, name: `工单 ${trackingNo}` }).waitFor();
    const id = /\/workbench\/appeals\/([0-9a-f-]+)$/.exec(d.url())?.[1] ?? '';
    expect(id).not.toBe('');
    await stateTag(d).filter({ hasText: '已受理' }).waitFor();
    expect(await clocks(d)).toEqual(['dispatch']);

    // The resident's words are text: the script is shown, never run; the link is not a link.
    expect(await d.locator('.mh-appeal-description').textContent()).toBe(HOSTILE);
    expect(await d.locator('a[href^="https://spam.example"], a[href^="http://spam.example"]').count()).toBe(0);
    expect(await d.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await d.getByText(HOSTILE_ADDRESS).waitFor();
    await d.getByText(RESIDENT_PHONE).waitFor();
    // The photo came through, loaded for the dispatcher.
    const photo = d.locator('.mh-timeline .mh-photo-thumbs img');
    expect(await photo.count()).toBe(1);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await timelineLength(d)).toBe(1);
    await d.waitForLoadState('networkidle');
    await d.mouse.move(0, 0);
    expect(await seriousA11yViolations(d)).toEqual([]);

    await act(d, '派单', '已派单', ['sign', 'reply'], async (dialog) => {
      await pick(dialog, d, '主办单位', '西湖区城市管理局', '城市管理');
    });
    await d.locator('[data-clock="reply"]').waitFor();
    await d.locator('.mh-units').getByText('西湖区城市管理局').waitFor();

    // The unit's clerk, in a browser of their own.
    const unit = await newContext(web);
    const c = unit.page;
    await signIn(c, 'clerk');
    await open(c, id, '已派单');
    expect(await c.locator('.mh-appeal-description').textContent()).toBe(HOSTILE);
    await act(c, '签收', '已签收', ['reply']);
    await act(c, '申请退单', '退单审核中', ['return', 'reply'], async (dialog) => {
      await dialog.getByLabel('理由').fill('路灯归属供电公司');
    });
    // Only the actions the server allows are offered.
    expect(await c.getByRole('button', { name: '开始办理', exact: true }).count()).toBe(0);

    await open(d, id, '退单审核中');
    await act(d, '驳回退单', '已签收', ['reply'], async (dialog) => {
      // An empty reason is refused before anything is sent.
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.locator('.ant-form-item-explain-error').first().waitFor();
      await dialog.getByLabel('理由').fill('该路段路灯由城管局维护');
    });
    await d.getByText('该路段路灯由城管局维护').waitFor();

    await open(c, id, '已签收');
    await act(c, '开始办理', '办理中', ['reply']);
    await act(c, '申请延期', '延期审核中', ['reply', 'requested_extension'], async (dialog) => {
      expect(await dialog.getByLabel('延期至').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await dialog.getByLabel('理由').fill('需协调供电部门更换电缆');
    });
    await c.locator('[data-clock="requested_extension"]').waitFor();

    await open(d, id, '延期审核中');
    await act(d, '批准延期', '办理中', ['reply']);
    await d.locator('[data-clock="reply"]').waitFor();

    const firstReply = '已更换灯泡 <b>当晚恢复</b>\n第二行';
    await open(c, id, '办理中');
    await act(c, '答复', '已答复待审核', ['review', 'reply'], async (dialog) => {
      await dialog.getByLabel('答复内容').fill(firstReply);
      await dialog.locator('input[type=file]').setInputFiles({ name: '修好了.png', mimeType: 'image/png', buffer: await smallPng(400, 300) });
      await dialog.locator('.mh-photo-item[data-status="done"]').waitFor();
    });
    expect(await c.locator('.mh-timeline .mh-photo-thumbs img').count()).toBe(2);
    await c.locator('.mh-timeline').getByText('当晚恢复', { exact: false }).waitFor();

    await open(d, id, '已答复待审核');
    await act(d, '审核通过', '待回访', ['callback', 'reply']);
    await act(d, '回访评价', '已回访', ['review', 'reply'], async (dialog) => {
      await dialog.getByText('不满意', { exact: true }).click();
      expect(await dialog.getByRole('radio', { name: '不满意' }).isChecked()).toBe(true);
    });
    await act(d, '重办', '办理中', ['reply']);

    const secondReply = '已更换整段电缆，路灯全部恢复';
    await open(c, id, '办理中');
    await act(c, '答复', '已答复待审核', ['review', 'reply'], async (dialog) => {
      await dialog.getByLabel('答复内容').fill(secondReply);
    });

    await open(d, id, '已答复待审核');
    await act(d, '审核通过', '待回访', ['callback', 'reply']);
    await act(d, '回访评价', '已回访', ['review', 'reply'], async (dialog) => {
      await dialog.getByText('满意', { exact: true }).click();
      expect(await dialog.getByRole('radio', { name: '满意', exact: true }).isChecked()).toBe(true);
    });
    await act(d, '办结', '已办结', []);
    expect(await d.locator('.mh-timeline > li').count()).toBeGreaterThanOrEqual(16);
    expect(await d.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await c.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    // The queue finds it by tracking number.
    await d.goto('/workbench/appeals');
    await pick(d, d, '搜索方式', '受理编号');
    await d.getByLabel('搜索工单').fill(trackingNo);
    await d.getByRole('button', { name: '查询', exact: true }).click();
    await d.getByRole('row').filter({ hasText: trackingNo }).getByText('已办结').waitFor();

    // The resident follows it on the status page, on the phone, from the receipt's link.
    await r.getByRole('link', { name: '查看办理进度' }).click();
    await r.getByRole('heading', { level: 1, name: '诉求办理进度查询' }).waitFor();
    expect(await r.getByLabel('受理编号').inputValue()).toBe(trackingNo);
    await r.getByLabel('手机号后四位').fill('9999');
    await r.getByRole('button', { name: '查询' }).click();
    await r.getByText('没有找到这件诉求').waitFor();
    await r.getByLabel('手机号后四位').fill(RESIDENT_PHONE.slice(-4));
    await r.getByRole('button', { name: '查询' }).click();
    const result = r.locator('.mh-status-result');
    await result.locator('.mh-state-tag').filter({ hasText: '已办结' }).waitFor();
    await result.getByText('市容环境').waitFor();
    await result.getByText('1 张（照片仅工作人员可见）').waitFor();
    expect(await result.locator('img').count()).toBe(0);
    expect(await result.getByText('已更换灯泡 <b>当晚恢复</b>', { exact: false }).count()).toBe(1);
    await result.getByText(secondReply).waitFor();
    expect(await result.locator('b').count()).toBe(0);
    expect(await horizontalOverflow(r)).toBeLessThanOrEqual(0);
    await r.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(r)).toEqual([]);

    expect(hotline.problems.concat(unit.problems, resident.problems)).toEqual([]);
    await resident.context.close();
    await unit.context.close();
    await hotline.context.close();
  }, 240_000);

  it('shows the queue at 360 px without horizontal scrolling and in English', async () => {
    const { context, page, problems } = await newContext(web, { viewport: { width: 360, height: 740 } });
    await page.addInitScript(() => localStorage.setItem('minhu.lang', 'en'));
    await page.goto('/login');
    await page.getByLabel('User name').fill('dispatcher');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/workbench$/);
    await page.goto('/workbench/appeals');
    await page.getByRole('heading', { level: 1, name: 'Appeals' }).waitFor();
    await page.getByRole('radio', { name: /^To dispatch \(\d+\)$/ }).waitFor({ state: 'attached' });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto('/workbench/appeals/new');
    await page.getByRole('heading', { level: 1, name: 'Register an appeal' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
