import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { lastSmsCode, newContext, startWeb, type WebFixture } from './web.fixture.js';

/** Whether the focused element (or the control wrapping it) shows a focus indicator. */
async function focusVisible(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return 'nothing is focused';
    let el: HTMLElement | null = active;
    for (let depth = 0; el && depth < 5; depth++, el = el.parentElement) {
      const s = getComputedStyle(el);
      if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) return null;
      if (s.boxShadow && s.boxShadow !== 'none') return null;
    }
    return `no focus indicator on <${active.tagName.toLowerCase()} class="${active.className}"> “${(active.textContent ?? '').slice(0, 30)}”`;
  });
}

/** Presses Tab until `target` (or something inside it) has the focus, checking every stop shows its focus. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    expect(await focusVisible(page)).toBeNull();
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Presses ArrowDown on the focused native select until the option named `label` is chosen. */
async function arrowTo(page: Page, select: Locator, label: string, max = 80): Promise<void> {
  const chosen = () => select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? '');
  for (let i = 0; i < max && (await chosen()) !== label; i++) await page.keyboard.press('ArrowDown');
  expect(await chosen()).toBe(label);
  expect(await select.evaluate((el) => el === document.activeElement)).toBe(true);
}

describe.skipIf(!browserAvailable())('keyboard only: a resident reports a problem and follows it (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('from the home page to a tracking number and its status, with Tab, Enter, Space and arrows only', async () => {
    const { context, page, problems } = await newContext(web);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // The first Tab reaches the skip link, shown; Enter moves the focus to the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await focusVisible(page)).toBeNull();
    expect((await skip.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');

    // From the main content, the next stop is 我要反映.
    await tabTo(page, page.getByRole('main').getByRole('link', { name: '我要反映' }), 3);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor();

    // Category: a native select grouped by top-level category; arrow down to the category.
    const category = page.getByRole('combobox', { name: '诉求分类' });
    await tabTo(page, category);
    await arrowTo(page, category, '道路设施');

    // Town: the same, arrows to the town.
    const town = page.getByRole('combobox', { name: '所在镇街' });
    await tabTo(page, town);
    await arrowTo(page, town, '北山街道');

    await tabTo(page, page.getByLabel('诉求内容'));
    await page.keyboard.type('宝石山下公交站的遮雨棚破了，下雨天候车的老人都淋湿了');

    // Anonymous: Space ticks the box, Space again unticks it.
    const anonymous = page.getByRole('checkbox', { name: '匿名反映' });
    if (await anonymous.count()) {
      await tabTo(page, anonymous);
      await page.keyboard.press('Space');
      expect(await anonymous.isChecked()).toBe(true);
      await page.keyboard.press('Space');
      expect(await anonymous.isChecked()).toBe(false);
    }

    const phone = '13912345678';
    await tabTo(page, page.getByLabel('手机号'));
    await page.keyboard.type(phone);
    await tabTo(page, page.getByRole('button', { name: '获取验证码' }));
    await page.keyboard.press('Enter');
    await page.getByText('验证码已发送', { exact: false }).first().waitFor();
    const code = await lastSmsCode(web, phone);
    await tabTo(page, page.getByLabel('短信验证码'));
    await page.keyboard.type(code);
    await tabTo(page, page.getByRole('button', { name: '提交诉求' }));
    await page.keyboard.press('Enter');

    const tracking = page.locator('.mh-report-tracking code');
    await tracking.waitFor();
    const trackingNo = (await tracking.textContent())?.trim() ?? '';
    expect(trackingNo).toMatch(/^\d{8}-\d{5}$/);

    // Follow it: the status page has the number filled in; the last four digits and Enter.
    await tabTo(page, page.getByRole('link', { name: '查看办理进度' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '诉求办理进度查询' }).waitFor();
    expect(await page.getByLabel('受理编号').inputValue()).toBe(trackingNo);
    await tabTo(page, page.getByLabel('手机号后四位'));
    await page.keyboard.type(phone.slice(-4));
    await page.keyboard.press('Enter');
    const result = page.getByRole('region', { name: '查询结果' });
    await result.waitFor();
    expect(await result.textContent()).toContain(trackingNo);
    expect(problems).toEqual([]);
    await context.close();
  });
});
