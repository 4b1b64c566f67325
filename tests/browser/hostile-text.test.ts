import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { newContext, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

// Markup, a spam link, an onerror image and a CJK Extension B character: all must stay text.
const HOSTILE_PERSON = '<script>window.__xss=1</script>张𣵦<a href="http://spam.example">点我</a>';
const HOSTILE_UNIT = '<img src=x onerror="window.__xss=1">城管<a href="http://spam.example/u">点我</a>𣵦';

describe.skipIf(!browserAvailable())('user text is never markup (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('shows hostile account and unit names literally on the accounts and units pages', async () => {
    const { context, page, problems } = await newContext(web);
    const csrf = await signInViaApi(context.request, 'admin');
    const headers = { 'x-csrf-token': csrf };
    const account = await context.request.post('/api/v1/accounts', {
      headers,
      data: {
        username: 'hostile',
        displayName: HOSTILE_PERSON,
        grants: [{ role: 'resident', scopeType: 'district', scopeId: '' }],
      },
    });
    expect(account.status(), await account.text()).toBe(201);
    const unit = await context.request.post('/api/v1/units', {
      headers,
      data: { name: HOSTILE_UNIT, kind: 'non_government', territoryCode: '330106', address: '<b>西湖</b>大道 1 号' },
    });
    expect(unit.status(), await unit.text()).toBe(201);

    await page.goto('/workbench/accounts');
    const cell = page.getByRole('button', { name: HOSTILE_PERSON, exact: true });
    await cell.waitFor();
    expect(await cell.textContent()).toBe(HOSTILE_PERSON);

    // The drawer shows it too, as its title and in the form.
    await page.getByRole('button', { name: `查看 ${HOSTILE_PERSON} 的详情` }).click();
    await page.getByRole('dialog').getByText(HOSTILE_PERSON, { exact: true }).first().waitFor();
    expect(await page.getByRole('dialog').getByLabel('姓名').inputValue()).toBe(HOSTILE_PERSON);

    await page.goto('/workbench/units');
    const unitName = page.getByText(HOSTILE_UNIT, { exact: true });
    await unitName.waitFor();
    expect(await unitName.textContent()).toBe(HOSTILE_UNIT);
    await page.getByText('<b>西湖</b>大道 1 号', { exact: true }).waitFor();

    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('a[href*="spam.example"]').count()).toBe(0);
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
