import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { insertTestConsultation } from '../support/consultations.js';
import { HOSTILE, XSS_FLAG } from '../support/hostile.js';
import { PHONE, horizontalOverflow, newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

describe.skipIf(!browserAvailable())('suggestions from event to result (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a unit clerk signs and replies on a phone; the public journey shows the chain, hostile text inert', async () => {
    const text = `保俶路站台加装雨棚${HOSTILE.script}${HOSTILE.img}`;
    const reply = `已加装雨棚${HOSTILE.link}${HOSTILE.placeholder}`;
    const eventId = await insertTestConsultation(web.db, { title: `保俶路公交站台协商会${HOSTILE.img}`, territoryCode: '330106002' });
    const unitId = (await web.db.selectFrom('role_grant').innerJoin('account', 'account.id', 'role_grant.account_id').select('role_grant.scope_id').where('account.username', '=', 'clerk').executeTakeFirstOrThrow()).scope_id;

    // The town official records the suggestion and decides it; the district assigns it (through the API).
    const staff = await newContext(web);
    const csrf = await signInViaApi(staff.context.request, 'staff');
    const call = async (url: string, data: object) => {
      const r = await staff.context.request.post(`/api/v1${url}`, { data, headers: { 'x-csrf-token': csrf } });
      expect(r.status(), await r.text()).toBeLessThan(300);
      return (await r.json()) as { id: string; version: number };
    };
    let s = await call(`/consultations/${eventId}/suggestions`, { text, authors: [{ name: '居民 周' }] });
    s = await call(`/suggestions/${s.id}/decision`, { version: s.version, decision: 'adopted' });
    await call(`/consultations/${eventId}/suggestion-list`, {});
    s = await call(`/suggestions/${s.id}/assignment`, { version: s.version, leadUnitId: unitId, deadlineDays: 10 });
    await staff.context.close();

    const clerk = await newContext(web, PHONE);
    const page = clerk.page;
    await signInViaApi(clerk.context.request, 'clerk');
    await page.goto('/workbench/suggestions/assigned');
    await page.getByRole('heading', { level: 1, name: '交办的意见建议' }).waitFor();
    await page.getByRole('link', { name: /保俶路站台加装雨棚/ }).click();
    await page.getByTestId('suggestion-text').waitFor();
    expect(await page.getByTestId('suggestion-text').textContent()).toBe(text);
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await page.getByText('办理中', { exact: true }).first().waitFor();
    await page.getByLabel('A 类 · 已解决或采纳').check();
    await page.getByLabel('答复内容').fill(reply);
    await page.getByLabel('办理佐证').fill('12月1日完工验收');
    await page.getByRole('button', { name: '提交答复' }).click();
    await page.getByText('已办结', { exact: true }).first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(clerk.problems).toEqual([]);
    await clerk.context.close();

    const pub = await newContext(web, PHONE);
    await pub.page.goto(`/suggestions/${s.id}`);
    await pub.page.getByRole('heading', { level: 1, name: /第 1 条意见建议/ }).waitFor();
    expect(await pub.page.getByTestId('suggestion-text').textContent()).toBe(text);
    await pub.page.getByText(reply).waitFor();
    const steps = await pub.page.getByTestId('journey-step').allTextContents();
    expect(steps.map((x) => x.split(' · ')[0])).toEqual(['协商会上提出', '研究决定', '交办', '承办单位签收', '答复']);
    expect(await pub.page.content()).not.toContain('居民 周');
    expect(await pub.page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await pub.page.locator('a[href^="http://spam.example"]').count()).toBe(0);
    expect(await horizontalOverflow(pub.page)).toBe(0);
    expect(await seriousA11yViolations(pub.page)).toEqual([]);
    expect(pub.problems).toEqual([]);
    await pub.context.close();
  });

  it('a town official records, decides and issues an event’s suggestion list in the panel; not adopted needs a reason', async () => {
    const eventId = await insertTestConsultation(web.db, { title: '宝石山广场舞噪音协商会', territoryCode: '330106002' });
    const town = await newContext(web);
    const page = town.page;
    await signInViaApi(town.context.request, 'town');
    await page.goto(`/workbench/consultations/${eventId}/suggestions`);
    await page.getByRole('heading', { level: 1, name: '意见清单' }).waitFor();
    await page.getByRole('button', { name: '新增意见建议' }).click();
    const add = page.getByRole('dialog');
    const text = `晚上九点后关音响${HOSTILE.script}${HOSTILE.link}`;
    await add.getByLabel('意见建议内容').fill(text);
    await add.getByLabel('其他提出人').fill('居民 王');
    await add.getByRole('button', { name: '保存' }).click();
    await add.waitFor({ state: 'detached' });
    const item = page.getByTestId('suggestion-item');
    await item.getByText(text).waitFor();

    await item.getByRole('button', { name: '研究结果' }).click();
    const decide = page.getByRole('dialog');
    await decide.getByRole('combobox', { name: '研究结果' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '不予采纳' }).click();
    await decide.getByRole('button', { name: '保存' }).click();
    await decide.getByText('不予采纳须写明理由').first().waitFor();
    await decide.getByLabel('理由').fill('噪音执法由城管负责，另行交办');
    await decide.getByRole('button', { name: '保存' }).click();
    await decide.waitFor({ state: 'detached' });
    await item.getByText('不予采纳', { exact: true }).waitFor();

    await page.getByRole('button', { name: '印发意见清单' }).click();
    await item.getByText('已印发', { exact: true }).waitFor();
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await page.locator('a[href^="http://spam.example"]').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(town.problems).toEqual([]);
    await town.context.close();
  });
});
