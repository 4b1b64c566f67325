import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { HOSTILE, XSS_FLAG } from '../support/hostile.js';
import { createOnline, CROWD_ENV, demoEventId, seedVoters, twoCamps } from './online.fixture.js';
import { horizontalOverflow, lastSmsCode, newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

const STATEMENTS = [
  '小区应当在夜间开放临时停车位',
  '外来车辆停车应当收费',
  '绿化带可以改成停车位',
  '应当限制每户只停一辆车',
  `停车问题交给物业自己解决${HOSTILE.link}`,
  '不应占用绿地建停车场',
  '临时停车应当免费',
  `电动车应当另设车棚${HOSTILE.img}`,
  '消防通道必须保持畅通',
  '停车规则应当由居民共同商定',
];

/** The phone the acceptance test holds: 390 × 844, touch. */
const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe.skipIf(!browserAvailable())('online micro-consultation (browser acceptance)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb({ env: CROWD_ENV });
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a resident votes on a phone, adds a statement, watches the live map; the organiser promotes common ground to the suggestion list', async () => {
    const eventId = await demoEventId(web);
    const { id, statementIds } = await createOnline(web, { eventId, title: `小区停车线上微协商${HOSTILE.script}`, statements: STATEMENTS, moderation: 'pre' });
    // Forty voters in two camps over the first eight statements; everyone agrees with the last two.
    await seedVoters(web, id, 40, twoCamps(statementIds, 8));

    const resident = await newContext(web, PHONE_390);
    const page = resident.page;
    await page.goto(`/online/${id}`);
    await page.getByRole('heading', { level: 1, name: `小区停车线上微协商${HOSTILE.script}` }).waitFor();
    // No reload from here on: a flag on the window survives only without one.
    await page.evaluate(() => ((window as unknown as Record<string, unknown>).__sameDocument = true));

    const card = page.getByTestId('online-statement');
    for (const [n, button] of (['同意', '不同意', '跳过', '同意'] as const).entries()) {
      const before = await card.textContent();
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByTestId('online-progress').getByText(`已表态 ${n + 1} 条`).waitFor();
      if (n < 3) expect(await card.textContent()).not.toBe(before);
    }

    const xss = '我建议增设夜间巡逻<script>window.__xss=1</script>';
    await page.getByLabel('一句话说明你的观点（其他参与者将对它表态）').fill(xss);
    await page.getByText(`${[...xss].length} / 140 字`).waitFor();
    await page.getByRole('button', { name: '提交观点' }).click();
    await page.getByText('已提交，审核通过后将显示给其他参与者。').waitFor();

    // The map: groups drawn, the viewer's own dot marked once the worker has placed them.
    const map = page.getByTestId('opinion-map');
    await map.waitFor();
    await page.getByTestId('opinion-map-me').waitFor({ timeout: 20_000 });
    expect(await map.getAttribute('role')).toBe('img');
    expect(await map.getAttribute('aria-label')).toMatch(/^意见地图：4\d 位参与者/);
    await page.getByRole('heading', { name: 'A 群体：该群体的特点' }).waitFor();
    await page.getByRole('heading', { name: 'B 群体：该群体的特点' }).waitFor();
    await page.getByRole('heading', { name: '各方共识' }).waitFor();
    const version = Number(await map.getAttribute('data-version'));
    expect(version).toBeGreaterThan(0);

    // Another batch of voters: the page shows the newer map by itself.
    await seedVoters(web, id, 10, (i) => twoCamps(statementIds, 8)(i * 2 + 1));
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="opinion-map"]')?.getAttribute('data-version')) > v, version, { timeout: 20_000 });
    await page.waitForFunction(() => /^意见地图：5\d 位参与者/.test(document.querySelector('[data-testid="opinion-map"]')?.getAttribute('aria-label') ?? ''), undefined, { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__sameDocument)).toBe(true);

    // The table behind the picture: groups as column headers, statements as row headers.
    const table = page.getByRole('table', { name: /各群体对每条观点的态度/ });
    await table.waitFor();
    const columns = await table.locator('thead th[scope="col"]').allTextContents();
    expect(columns[0]).toBe('观点');
    expect(columns.slice(1).join(' ')).toMatch(/全体（5\d 人）.*A 群体（\d+ 人）.*B 群体（\d+ 人）/);
    const rows = await table.locator('tbody th[scope="row"]').allTextContents();
    expect(rows).toHaveLength(STATEMENTS.length);
    for (const text of STATEMENTS) expect(rows.some((r) => r.includes(text))).toBe(true);
    expect(await table.locator('tbody td').first().textContent()).toMatch(/^同意 \d+% · 不同意 \d+% · 跳过 \d+%（\d+ 人）$/);

    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__xss)).toBeUndefined();
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await page.locator('a[href^="http://spam.example"]').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(resident.problems).toEqual([]);
    await resident.context.close();

    // The organiser: the resident's statement waits in the queue as text; a consensus statement becomes a suggestion.
    const staff = await newContext(web);
    const sp = staff.page;
    await signInViaApi(staff.context.request, 'staff');
    await sp.goto(`/workbench/online/${id}`);
    await sp.getByRole('heading', { level: 1, name: `小区停车线上微协商${HOSTILE.script}` }).waitFor();
    await sp.getByTestId('online-queue').getByText(xss).waitFor();
    const promotable = sp.getByTestId('online-promotable');
    await promotable.waitFor();
    const first = promotable.locator('li').first();
    const text = (await first.locator('.mh-map-seq + span').textContent()) ?? '';
    expect(STATEMENTS).toContain(text);
    await first.getByRole('button', { name: /转为建议/ }).click();
    await first.getByRole('link', { name: '已转为建议，查看' }).waitFor();
    expect(await sp.evaluate(() => (window as unknown as Record<string, unknown>).__xss)).toBeUndefined();
    expect(await seriousA11yViolations(sp)).toEqual([]);

    await sp.goto(`/workbench/consultations/${eventId}/suggestions`);
    await sp.getByRole('heading', { level: 1, name: '意见清单' }).waitFor();
    await sp.getByTestId('suggestion-item').getByText(text).waitFor();
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });

  it('an organiser opens a phone-verified, publish-first consultation on the event page; a resident joins by SMS code; closing leaves the map', async () => {
    const eventId = await demoEventId(web);
    const staff = await newContext(web);
    const sp = staff.page;
    await signInViaApi(staff.context.request, 'staff');
    await sp.goto(`/workbench/consultations/${eventId}`);
    await sp.getByTestId('online-create').click();
    const dialog = sp.getByRole('dialog');
    const title = `电梯加装线上征询${HOSTILE.img}`;
    await dialog.getByLabel('标题').fill(title);
    await dialog.getByLabel('手机号验证后参与').check();
    await dialog.getByLabel('先发后审（新观点立即显示，可事后撤下）').check();
    await dialog.getByRole('button', { name: '发起' }).click();
    await dialog.waitFor({ state: 'detached' });
    await sp.getByRole('link', { name: title }).click();
    await sp.getByRole('heading', { level: 1, name: title }).waitFor();
    const id = sp.url().split('/').pop() as string;
    for (const text of ['低层住户也应分摊电梯费用', `电梯应当由业主共同出资${HOSTILE.link}`]) {
      await sp.getByLabel('观点内容（已审核，立即可表态）').fill(text);
      await sp.getByRole('button', { name: '添加观点' }).click();
      await sp.getByRole('cell', { name: text }).waitFor();
    }

    const resident = await newContext(web, PHONE_390);
    const page = resident.page;
    await page.goto(`/online/${id}`);
    await page.getByRole('heading', { level: 2, name: '验证手机号后参与' }).waitFor();
    const phone = '13900001234';
    await page.getByLabel('手机号').fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('验证码已发送，请查看短信。').waitFor();
    await page.getByLabel('验证码').fill(await lastSmsCode(web, phone));
    await page.getByRole('button', { name: '参与协商' }).click();
    await page.getByTestId('online-statement').waitFor();
    await page.getByRole('button', { name: '不同意', exact: true }).click();
    await page.getByTestId('online-progress').getByText('已表态 1 条').waitFor();
    await page.getByLabel('一句话说明你的观点（其他参与者将对它表态）').fill('加装电梯应当先征得全体住户同意');
    await page.getByRole('button', { name: '提交观点' }).click();
    await page.getByText('已发布，其他参与者将对它表态。').waitFor();
    expect(await page.content()).not.toContain(phone);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Publish-first: the resident's statement is already in the organiser's list; then the organiser closes.
    await sp.reload();
    await sp.getByRole('cell', { name: '加装电梯应当先征得全体住户同意' }).waitFor();
    await sp.getByRole('button', { name: '结束协商' }).click();
    await sp.locator('.ant-popconfirm').getByRole('button', { name: '结束协商' }).click();
    await sp.getByText('已结束', { exact: true }).first().waitFor();
    expect(staff.problems).toEqual([]);
    await staff.context.close();

    await page.reload();
    await page.getByText('本次线上协商已结束，不再接受表态和新观点；意见地图保留如下。').waitFor();
    await page.getByRole('heading', { level: 2, name: '意见地图' }).waitFor();
    expect(await page.getByRole('button', { name: '同意', exact: true }).count()).toBe(0);
    expect(await page.getByLabel('一句话说明你的观点（其他参与者将对它表态）').count()).toBe(0);
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(resident.problems).toEqual([]);
    await resident.context.close();
  });
});
