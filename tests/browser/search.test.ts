import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE, XSS_FLAG } from '../support/hostile.js';
import { newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

describe.skipIf(!browserAvailable())('appeal search in the workbench queue (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('searches by words, keeps the search and filters in the address, and survives a reload', async () => {
    const { context, page, problems } = await newContext(web);
    // Seed through the API as the dispatcher: one appeal to find, one that must not match.
    const csrf = await signInViaApi(context.request, 'dispatcher');
    const categories = (await (await context.request.get('/api/v1/categories')).json()) as { items: { id: string; code: string }[] };
    const categoryId = categories.items.find((c) => c.code === 'city.appearance')?.id;
    const file = async (territoryCode: string, description: string) => {
      const res = await context.request.post('/api/v1/appeals', { headers: { 'x-csrf-token': csrf }, data: { categoryId, territoryCode, description, residentPhone: '13800005678' } });
      expect(res.status()).toBe(201);
      return ((await res.json()) as { trackingNo: string }).trackingNo;
    };
    const wanted = await file('330106002051', `文三路人行道上的垃圾三天没人清理了 ${HOSTILE.script}${HOSTILE.link}`);
    await file('330106004053', '西溪街道垃圾桶满了没人管');

    // Signed in through the API on this context: the page opens straight away.
    await page.goto('/workbench/appeals');
    await page.getByRole('heading', { level: 1, name: '诉求工单' }).waitFor();
    await page.locator('.ant-radio-button-wrapper', { hasText: '全部' }).click();
    await page.getByLabel('搜索工单').fill('垃圾清理');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    // The server's indexer catches up within a second; the search is repeated until it has.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: '查询', exact: true }).click();
          return page.getByRole('row').filter({ hasText: wanted }).count();
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    expect(await page.getByRole('row').filter({ hasText: '西溪街道' }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('垃圾清理');
    expect(new URL(page.url()).searchParams.get('queue')).toBe('all');
    await page.getByText(/按相关度排序/).waitFor();

    // Reloading (or sharing the address) shows the same view, the search box filled in.
    await page.reload();
    await page.getByRole('row').filter({ hasText: wanted }).waitFor();
    expect(await page.getByLabel('搜索工单').inputValue()).toBe('垃圾清理');
    expect(await page.getByRole('radio', { name: /^全部/ }).isChecked()).toBe(true);
    await page.mouse.move(0, 0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A territory filter from a shared address: the other town's appeal only.
    await page.goto('/workbench/appeals?queue=all&q=%E5%9E%83%E5%9C%BE&territory=330106004');
    await page.getByRole('row').filter({ hasText: '西溪街道垃圾桶' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: wanted }).count()).toBe(0);

    // The end of a tracking number and the last four digits of the phone.
    await page.goto(`/workbench/appeals?trackingNo=${wanted.slice(-5)}`);
    await page.getByRole('row').filter({ hasText: wanted }).waitFor();
    await page.goto('/workbench/appeals?phone=5678');
    await expect.poll(() => page.getByRole('row').filter({ hasText: /\d{8}-\d{5}/ }).count(), { timeout: 15_000 }).toBe(2);

    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });
});
