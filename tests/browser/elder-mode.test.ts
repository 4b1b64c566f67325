import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { PHONE, horizontalOverflow, newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

describe.skipIf(!browserAvailable())('elder mode (长辈模式) (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('turns on from the header, enlarges text and targets, simplifies the report form, and is remembered before the first paint', async () => {
    const { context, page, problems } = await newContext(web, PHONE);
    await page.goto('/report');
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor();
    const toggle = page.getByTestId('elder-mode');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.textContent()).toContain('长辈模式');
    const before = await page.getByLabel('诉求内容').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    // Optional fields are on the page in the normal form.
    expect(await page.getByLabel('详细地址').isVisible()).toBe(true);

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.classList.contains('mh-elder'))).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('minhu.elder'))).toBe('1');
    // antd eases the change in; wait for the text to settle at 20 px.
    await page.waitForFunction(() => parseFloat(getComputedStyle(document.querySelector('.mh-report textarea') as Element).fontSize) >= 20);
    const after = await page.getByLabel('诉求内容').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThan(before);
    // Secondary fields wait behind 更多选项; the essentials stay.
    expect(await page.getByLabel('详细地址').isVisible()).toBe(false);
    for (const label of ['诉求分类', '所在镇街', '诉求内容', '手机号', '短信验证码']) expect(await page.getByLabel(label).first().isVisible(), label).toBe(true);
    const more = page.getByRole('button', { name: '更多选项' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await page.getByLabel('详细地址').isVisible()).toBe(true);
    await page.getByRole('button', { name: '收起更多选项' }).click();

    await page.waitForTimeout(400); // the same easing for heights
    // Every visible control in the form is at least 48 px tall; nothing scrolls sideways.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.mh-report .ant-btn, .mh-report .mh-input, .mh-report label.mh-check, .mh-header-tools .ant-btn')]
        .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 47.5)
        .map((el) => `${el.className} ${Math.round(el.getBoundingClientRect().height)}`),
    );
    expect(small).toEqual([]);
    const wide = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && el.offsetParent !== null).map((el) => `${el.tagName}.${el.className}`.slice(0, 80)).slice(0, 8));
    expect(wide).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Remembered: on reload <html> has the class before the app's first render.
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.classList.contains('mh-elder'))).toBe(true);
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor();
    expect(await page.getByTestId('elder-mode').getAttribute('aria-pressed')).toBe('true');

    // The home page puts the two resident tasks first, stacked.
    await page.goto('/');
    await page.getByRole('main').getByRole('link', { name: '查询办理进度' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId('elder-mode').click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('mh-elder'))).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('minhu.elder'))).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is in the workbench header too', async () => {
    const { context, page } = await newContext(web);
    await signInViaApi(context.request, 'town');
    await page.goto('/workbench');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByTestId('elder-mode').click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('mh-elder'))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
