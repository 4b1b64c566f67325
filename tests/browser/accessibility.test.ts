import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

describe.skipIf(!browserAvailable())('accessibility: no serious or critical axe findings (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  const publicPages: [string, string, string, string][] = [
    ['home', '/', 'zh-CN', '民呼 —— 基层协商议事平台'],
    ['sign-in', '/login', 'zh-CN', '登录民呼工作台'],
    ['territory browser', '/territories/330106', 'zh-CN', '西湖区'],
    ['territory browser (English)', '/territories/330106', 'en', '西湖区'],
    ['territory search (English)', '/territories?q=%E5%8C%97%E5%B1%B1', 'en', 'Search: “北山”'],
    ['resident intake', '/report', 'zh-CN', '我要反映'],
    ['resident intake (English)', '/report', 'en', 'Report a problem'],
    ['venues', '/venues', 'zh-CN', '议事场所'],
    ['venues (English)', '/venues', 'en', 'Venues'],
  ];

  it.each(publicPages)('%s', async (_name, path, lang, heading) => {
    const { context, page } = await newContext(web);
    await page.addInitScript((l) => localStorage.setItem('minhu.lang', l), lang);
    const response = await page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(200);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  const workbenchPages: [string, string, string][] = [
    ['workbench home', '/workbench', '您好，系统管理员'],
    ['accounts', '/workbench/accounts', '账号管理'],
    ['venues', '/workbench/venues', '议事场所'],
    ['units', '/workbench/units', '承办单位'],
    ['appeal categories and deadlines', '/workbench/appeal-settings', '诉求类别与办理时限'],
    ['tokens', '/workbench/tokens', 'API 令牌'],
    ['audit log', '/workbench/audit', '审计日志'],
    ['change password', '/workbench/password', '修改密码'],
    ['consultation topics', '/workbench/topics', '协商议题'],
    ['candidate topics', '/workbench/topic-candidates', '候选议题'],
  ];

  it.each(workbenchPages)('%s', async (_name, path, heading) => {
    const { context, page } = await newContext(web);
    await signInViaApi(context.request, 'admin');
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('the account dialog and the create form', async () => {
    const { context, page } = await newContext(web);
    await signInViaApi(context.request, 'admin');
    await page.goto('/workbench/accounts');
    await page.getByRole('cell', { name: 'resident', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建账号' }).click();
    await page.getByRole('dialog').getByLabel('用户名').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '查看 居民 孙阿姨 的详情' }).click();
    await page.getByRole('dialog').getByRole('heading', { name: '基本信息' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
