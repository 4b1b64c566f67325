import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { newContext, signInViaApi, startWeb, type WebFixture, pick } from './web.fixture.js';

describe.skipIf(!browserAvailable())('workbench administration (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('creates an account in the form, shows its password once, and forces a password change', async () => {
    const admin = await newContext(web);
    await signInViaApi(admin.context.request, 'admin');
    const page = admin.page;
    await page.goto('/workbench/accounts');
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('wang.town');
    await dialog.getByLabel('姓名').fill('王𣵦 <i>镇街</i>');
    await pick(dialog, page, '角色', '镇街干部');
    await pick(dialog, page, '辖区', '北山街道', '北山');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('账号“王𣵦 <i>镇街</i>”已创建').waitFor();
    const password = (await dialog.locator('.mh-secret code').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    await dialog.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '王𣵦 <i>镇街</i>', exact: true }).waitFor();

    // A duplicate user name comes back as the server's message.
    await page.getByRole('button', { name: '新建账号' }).click();
    await dialog.getByLabel('用户名').fill('wang.town');
    await dialog.getByLabel('姓名').fill('重复');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();

    const person = await newContext(web);
    await person.page.goto('/login');
    await person.page.getByLabel('用户名').fill('wang.town');
    await person.page.getByLabel('密码', { exact: true }).fill(password);
    await person.page.getByRole('button', { name: '登录' }).click();
    await person.page.waitForURL('**/workbench/password');
    await person.page.getByText('为了账号安全，请先修改初始密码').waitFor();

    // Other workbench pages wait until the password is changed.
    await person.page.goto('/workbench/territories');
    await person.page.waitForURL('**/workbench/password');

    await person.page.getByLabel('当前密码').fill(password);
    await person.page.getByLabel('新密码', { exact: true }).fill('short');
    await person.page.getByLabel('确认新密码').fill('short');
    await person.page.getByRole('button', { name: '修改密码' }).click();
    await person.page.getByRole('alert').filter({ hasText: '密码至少 8 位' }).waitFor();
    // The same rule is shown on the field itself.
    await person.page.locator('#change-password_newPassword_help').getByText('密码至少 8 位').waitFor();

    await person.page.getByLabel('新密码', { exact: true }).fill('Beishan#2026');
    await person.page.getByLabel('确认新密码').fill('Beishan#2027');
    await person.page.getByRole('button', { name: '修改密码' }).click();
    await person.page.getByText('两次输入的新密码不一致').waitFor();
    await person.page.getByLabel('确认新密码').fill('Beishan#2026');
    await person.page.getByRole('button', { name: '修改密码' }).click();
    await person.page.waitForURL(/\/workbench$/);
    await person.page.getByText('辖区：北山街道').waitFor();
    expect(admin.problems.concat(person.problems)).toEqual([]);
    await person.context.close();
    await admin.context.close();
  });

  it('edits an account in its drawer: profile, roles and password reset', async () => {
    const { context, page, problems } = await newContext(web);
    await signInViaApi(context.request, 'admin');
    await page.goto('/workbench/accounts');
    await page.getByRole('button', { name: '查看 委员 刘芳 的详情' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('heading', { name: '基本信息' }).waitFor();

    await drawer.getByLabel('电话（选填）').fill('138 0000 1234');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await drawer.getByText('138 0000 1234', { exact: true }).waitFor();

    await drawer.getByLabel('电话（选填）').fill('not a phone');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.getByText('电话号码格式不正确').waitFor();

    await pick(drawer, page, '角色', '受理派单员');
    await drawer.getByRole('button', { name: '添加角色' }).click();
    await drawer.getByText('受理派单员 · 全区').waitFor().catch(async (err: unknown) => {
      throw new Error(`the grant did not appear; the drawer shows: ${await drawer.innerText().catch(() => '?')}\n${String(err)}`);
    });
    await drawer.getByRole('button', { name: '移除角色：受理派单员 · 全区' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '移除' }).click();
    await page.getByText('已移除角色').waitFor();
    expect(await drawer.getByText('受理派单员 · 全区').count()).toBe(0);

    await drawer.getByRole('button', { name: '重置密码' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '重置密码' }).click();
    await drawer.getByText('临时密码').waitFor();
    expect(((await drawer.locator('.mh-secret code').textContent()) ?? '').length).toBeGreaterThanOrEqual(12);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates and edits a unit; a unit clerk may read but not edit', async () => {
    const { context, page, problems } = await newContext(web);
    await signInViaApi(context.request, 'staff');
    await page.goto('/workbench/units');
    await page.getByRole('button', { name: '新建承办单位' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位名称').fill('西湖区园林文物局');
    await pick(dialog, page, '所属区划（选填）', '西湖区', '西湖区');
    await dialog.getByLabel('地址（选填）').fill('杭州市西湖区');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '西湖区园林文物局', exact: true }).waitFor();

    await page.getByRole('button', { name: '编辑 西湖区园林文物局' }).click();
    await dialog.getByLabel('单位名称').fill('西湖区园林文物局（西湖风景名胜区）');
    await dialog.getByRole('switch').click();
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = page.getByRole('row').filter({ hasText: '西湖区园林文物局（西湖风景名胜区）' });
    await row.getByText('已停用').waitFor();
    await context.close();

    const clerk = await newContext(web);
    await signInViaApi(clerk.context.request, 'clerk');
    await clerk.page.goto('/workbench/units');
    await clerk.page.getByRole('cell', { name: '西湖区城市管理局', exact: true }).waitFor();
    expect(await clerk.page.getByRole('button', { name: '新建承办单位' }).count()).toBe(0);
    expect(await clerk.page.getByRole('button', { name: /^编辑 / }).count()).toBe(0);
    expect(problems.concat(clerk.problems)).toEqual([]);
    await clerk.context.close();
  });

  it('issues an API token shown once, which works, then revokes it', async () => {
    const { context, page, problems } = await newContext(web);
    await signInViaApi(context.request, 'admin');
    await page.goto('/workbench/tokens');
    await page.getByRole('button', { name: '新建令牌' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('12345 热线对接');
    await pick(dialog, page, '所属账号', '区政协 王敏', '王敏');
    await dialog.getByLabel('查看承办单位').check();
    await dialog.getByRole('button', { name: '创建' }).click();
    const secret = (await dialog.locator('.mh-secret code').textContent()) ?? '';
    expect(secret).toMatch(/^mh_/);
    await dialog.getByRole('button', { name: '完成' }).click();

    const api = await web.browser.newContext({ baseURL: web.url });
    const ok = await api.request.get('/api/v1/units', { headers: { authorization: `Bearer ${secret}` } });
    expect(ok.status()).toBe(200);

    const row = page.getByRole('row').filter({ hasText: '12345 热线对接' });
    await row.getByText('有效').waitFor();
    await row.getByRole('button', { name: '撤销令牌 12345 热线对接' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }).click();
    await row.getByText('已撤销').waitFor();
    const refused = await api.request.get('/api/v1/units', { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);
    expect(problems).toEqual([]);
    await api.close();
    await context.close();
  });

  it('lists audit events with their changes as text and verifies the chain', async () => {
    const { context, page, problems } = await newContext(web);
    await signInViaApi(context.request, 'staff');
    await page.goto('/workbench/audit');
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await firstRow.waitFor();
    await firstRow.getByRole('button').first().click();
    await page.locator('.mh-snapshot').first().waitFor();
    expect(await page.locator('.mh-snapshots pre, .mh-snapshots p').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: '校验日志链' }).click();
    await page.getByText('审计日志链完整').waitFor();
    await page.getByText(/已校验 \d+ 条记录/).waitFor();

    await page.getByLabel('对象类型').fill('no-such-type');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('.ant-empty').waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const clerk = await newContext(web);
    await signInViaApi(clerk.context.request, 'clerk');
    await clerk.page.goto('/workbench/audit');
    await clerk.page.getByRole('heading', { name: '没有权限访问此页面' }).waitFor();
    await clerk.context.close();
  });
});
