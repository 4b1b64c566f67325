import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { DEMO_PASSWORD, newContext, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

const ADMIN_NAV = ['工作台', '我的消息', '诉求工单', '协商议题', '候选议题', '协商活动', '我的协商活动', '协商议事月', '意见建议交办台', '成果展示', '议事场所', '类别与时限', '协商规程', '行政区划', '账号管理', '承办单位', 'API 令牌', '审计日志', '修改密码'];

describe.skipIf(!browserAvailable())('signing in (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('signs the admin in through the form and shows every workbench section', async () => {
    const { context, page, problems } = await newContext(web);
    await page.goto('/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/workbench');
    await page.getByRole('heading', { level: 1, name: '您好，系统管理员' }).waitFor();

    const nav = page.getByRole('navigation', { name: '工作台菜单' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(ADMIN_NAV);
    expect(await page.title()).toBe('工作台 · 民呼 Minhu');

    await nav.getByRole('link', { name: '账号管理' }).click();
    await page.waitForURL('**/workbench/accounts');
    await page.getByRole('cell', { name: 'resident', exact: true }).waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await page.goto('/workbench/accounts');
    await page.waitForURL(/\/login\?next=/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a resident only what a resident may use, and a 403 page elsewhere', async () => {
    const { context, page, problems } = await newContext(web);
    await page.goto('/login?next=%2Fworkbench%2Faccounts');
    await page.getByLabel('用户名').fill('resident');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/workbench/accounts');
    await page.getByRole('heading', { name: '没有权限访问此页面' }).waitFor();

    const nav = page.getByRole('navigation', { name: '工作台菜单' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['工作台', '我的消息', '我的意见建议', '行政区划', '修改密码']);
    for (const name of ['账号管理', '承办单位', 'API 令牌', '审计日志']) {
      expect(await page.getByRole('link', { name }).count()).toBe(0);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the server’s Chinese message for a wrong password', async () => {
    const { context, page } = await newContext(web);
    await page.goto('/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
    await alert.waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await context.close();
  });

  it('sends people back to sign-in when their session ends, and returns them afterwards', async () => {
    const { context, page } = await newContext(web);
    const csrf = await signInViaApi(context.request, 'staff');
    await page.goto('/workbench/units');
    await page.getByRole('cell', { name: '西湖区城市管理局', exact: true }).waitFor();
    const out = await context.request.post('/api/v1/auth/logout', { headers: { 'x-csrf-token': csrf } });
    expect(out.status()).toBe(204);

    await page.getByLabel('关键词').fill('城市');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/\/login\?next=%2Fworkbench%2Funits$/);
    await page.getByLabel('用户名').fill('staff');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/workbench/units');
    await page.getByRole('cell', { name: '西湖区城市管理局', exact: true }).waitFor();
    await context.close();
  });

  it('asks for both fields before calling the server', async () => {
    const { context, page } = await newContext(web);
    await page.goto('/login');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请输入用户名').waitFor();
    await page.getByText('请输入密码').waitFor();
    await context.close();
  });
});
