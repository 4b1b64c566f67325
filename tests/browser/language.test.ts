import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { newContext, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

describe.skipIf(!browserAvailable())('interface language (browser)', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('starts in Chinese, switches to English, and remembers it across a reload', async () => {
    const { context, page, problems } = await newContext(web, { locale: 'en-US' });
    await page.goto('/territories');
    // Chinese is the default whatever the browser prefers.
    await page.getByRole('heading', { level: 1, name: '行政区划' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Territories' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Territories · Minhu 民呼');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => localStorage.getItem('minhu.lang'))).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Territories' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { level: 1, name: '行政区划' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('minhu.lang'))).toBe('zh-CN');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers Traditional Chinese: the interface, <html lang>, antd and the server’s messages follow, and it is remembered', async () => {
    const { context, page, problems } = await newContext(web);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: '登录民呼工作台' }).waitFor();
    const switcher = page.getByRole('group', { name: '界面语言' });
    expect(await switcher.getByRole('button').allTextContents()).toEqual(['简体中文', '繁體中文', 'English']);
    await switcher.getByRole('button', { name: '繁體中文' }).click();
    await page.getByRole('heading', { level: 1, name: '登入民呼工作臺' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-TW');
    expect(await page.evaluate(() => localStorage.getItem('minhu.lang'))).toBe('zh-TW');
    expect(await page.getByRole('button', { name: '繁體中文' }).getAttribute('aria-pressed')).toBe('true');
    // The API client asks for zh-TW; the server answers in Traditional characters.
    const asked = page.waitForRequest((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByLabel('使用者名稱').fill('admin');
    await page.getByLabel('密碼', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: '登入', exact: true }).click();
    expect((await asked).headers()['accept-language']).toBe('zh-TW');
    await page.getByRole('alert').filter({ hasText: '使用者名稱或密碼錯誤' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '登入民呼工作臺' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-TW');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks the server for English messages when English is chosen', async () => {
    const { context, page } = await newContext(web);
    await page.addInitScript(() => localStorage.setItem('minhu.lang', 'en'));
    await page.goto('/login');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong user name or password' }).waitFor();
    await context.close();
  });

  it('translates the workbench, role names included', async () => {
    const { context, page } = await newContext(web);
    await page.addInitScript(() => localStorage.setItem('minhu.lang', 'en'));
    await signInViaApi(context.request, 'town');
    await page.goto('/workbench');
    await page.getByRole('heading', { level: 1, name: 'Hello, 北山街道 李强' }).waitFor();
    await page.getByText('Town / street official').waitFor();
    await page.getByText('Territory: 北山街道').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await context.close();
  });
});
