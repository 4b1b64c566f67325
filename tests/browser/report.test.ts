import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE, XSS_FLAG } from '../support/hostile.js';
import { PHONE, horizontalOverflow, newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

/** Interactive things narrower or shorter than 44 px (visible ones only). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mh-report button, .mh-report input:not([type=file]):not([type=checkbox]), .mh-report textarea, .mh-report select, .mh-report label.mh-check, .mh-report a')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.width)}×${Math.round(r.height)} "${el.textContent?.slice(0, 20) ?? ''}"`),
  );
}

describe.skipIf(!browserAvailable())('resident intake page (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('fits a 360 px phone with 44 px targets and no serious axe findings, in Chinese and English', async () => {
    const { context, page, problems } = await newContext(web, PHONE);
    await page.goto('/report');
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The public menu leads here too.
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('dialog').getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我要反映' }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report a problem' }).waitFor();
    for (const label of ['Category', 'Town or street', 'What is the problem?', 'Photos (optional)', 'Mobile number', 'Code from the text message']) await page.getByText(label, { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Send code' }).waitFor();
    // Every word of the form is English; only the place names (data, listed in the town and
    // village selects as the server names them) stay Chinese.
    expect(
      await page.locator('.mh-report').evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('select[name=town] option[value]:not([value=""]), select[name=village] option[value]:not([value=""])').forEach((o) => o.remove());
        return copy.textContent;
      }),
    ).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('hints at similar open appeals while the resident types, without their text or people, and keeps hostile input inert', async () => {
    // An open appeal filed by the hotline, with a name and a phone.
    const staff = await newContext(web);
    await signInViaApi(staff.context.request, 'dispatcher');
    const cats = (await (await staff.context.request.get('/api/v1/categories')).json()) as { items: { id: string; code: string }[] };
    const categoryId = cats.items.find((c) => c.code === 'traffic.roads')!.id;
    const session = (await (await staff.context.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    const filed = await staff.context.request.post('/api/v1/appeals', {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { categoryId, territoryCode: '330106002051', description: '保俶路与北山路口的井盖松动，车辆经过时哐当作响', residentName: '王五', residentPhone: '13811112222' },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const trackingNo = ((await filed.json()) as { trackingNo: string }).trackingNo;
    await staff.context.close();

    const { context, page, problems } = await newContext(web, PHONE);
    await page.goto('/report');
    await page.getByRole('heading', { level: 1, name: '我要反映' }).waitFor();
    await page.getByRole('combobox', { name: '诉求分类' }).selectOption({ label: '道路设施' });
    await page.getByRole('combobox', { name: '所在镇街' }).selectOption({ label: '北山街道' });
    await page.getByLabel('诉求内容').fill('北山路口井盖松动，车辆经过哐当作响');
    const hint = page.locator('.mh-similar');
    await hint.getByText('附近已有 1 件类似诉求正在办理').waitFor();
    const shown = (await hint.textContent()) ?? '';
    for (const leak of ['井盖', '王五', '13811112222', '2222', trackingNo]) expect(shown).not.toContain(leak);
    await hint.getByText('已受理', { exact: false }).waitFor();

    // Hostile text in every text field stays text.
    await page.getByLabel('诉求内容').fill(`北山路口井盖松动 ${HOSTILE.script}${HOSTILE.img}${HOSTILE.link}${HOSTILE.placeholder}`);
    await page.getByLabel('详细地址（选填）').fill(`${HOSTILE.img}${HOSTILE.link}`.slice(0, 200));
    await page.getByLabel('您的称呼（选填）').fill(`${HOSTILE.extB}${HOSTILE.script}`);
    expect(await page.locator('a[href^="http://spam.example"]').count()).toBe(0);
    expect(await page.locator('.mh-report img[src="x"]').count()).toBe(0);
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
