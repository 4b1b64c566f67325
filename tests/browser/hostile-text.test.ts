import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE_NAME, HOSTILE_UNIT as SHARED_HOSTILE_UNIT, XSS_FLAG } from '../support/hostile.js';
import { newContext, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

// Markup, a spam link, an onerror image and a CJK Extension B character: all must stay text.
// Display names are capped at 64 characters, so the person's link is protocol-relative;
// unit names take 100, so the unit carries the full-length variant and an onerror image.
const HOSTILE_PERSON = '<script>window.__xss=1</script>张𣵦<a href="//spam.example">点我</a>';
const HOSTILE_UNIT = '<script>window.__xss=1</script>张𣵦<a href="http://spam.example">点我</a><img src=x onerror=__xss=1>';

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

  it('keeps the shared hostile strings inert in the workbench and on the public territory pages', async () => {
    const { context, page, problems } = await newContext(web);
    const csrf = await signInViaApi(context.request, 'admin');
    const headers = { 'x-csrf-token': csrf };
    const created = await context.request.post('/api/v1/accounts', {
      headers,
      data: { username: 'hostile2', displayName: HOSTILE_NAME, grants: [{ role: 'member', scopeType: 'district', scopeId: '' }] },
    });
    expect(created.status(), await created.text()).toBe(201);
    const unit = await context.request.post('/api/v1/units', { headers, data: { name: SHARED_HOSTILE_UNIT, kind: 'government' } });
    expect(unit.status(), await unit.text()).toBe(201);
    const town = await context.request.patch('/api/v1/territories/330106002', { headers, data: { name: `北山街道${SHARED_HOSTILE_UNIT}` } });
    expect(town.status(), await town.text()).toBe(200);

    await page.goto('/workbench/accounts');
    await page.getByRole('button', { name: HOSTILE_NAME, exact: true }).waitFor();
    await page.goto('/workbench/units');
    await page.getByText(SHARED_HOSTILE_UNIT, { exact: true }).waitFor();
    await page.goto('/workbench/audit');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button').first().click();
    await page.locator('.mh-snapshot pre').filter({ hasText: 'spam.example' }).first().waitFor();

    // The public browser, signed out, in a fresh context.
    const visitor = await newContext(web);
    await visitor.page.goto('/territories/330106');
    await visitor.page.getByRole('link', { name: `北山街道${SHARED_HOSTILE_UNIT}`, exact: true }).click();
    await visitor.page.getByRole('heading', { level: 1, name: `北山街道${SHARED_HOSTILE_UNIT}` }).waitFor();
    await visitor.page.goto('/territories?q=%E5%8C%97%E5%B1%B1');
    await visitor.page.getByRole('link', { name: `北山街道${SHARED_HOSTILE_UNIT}`, exact: true }).waitFor();

    for (const p of [page, visitor.page]) {
      expect(await p.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
      expect(await p.locator('a[href*="spam.example"]').count()).toBe(0);
    }
    expect(problems.concat(visitor.problems)).toEqual([]);
    await visitor.context.close();
    await context.close();
  });
});
