import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAppeals, seedDemoCampaignMonth } from '../../server/modules/demo/index.js';
import { browserAvailable } from '../support/browser.js';
import { createOnline, CROWD_ENV, demoEventId, seedVoters, twoCamps } from './online.fixture.js';
import { newContext, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

/**
 * Every page of the app, read from the route files (so pages added later are swept too), opened
 * in Chinese by someone allowed to see it, with no serious or critical axe findings; the public
 * pages again in elder mode (长辈模式).
 */
const WEB = path.resolve(import.meta.dirname, '../../web/src');

interface RoutePage {
  pattern: string;
  permission: string | null;
}

/** `<Route path="…">` / `<Route index>` of a route file, with the permission its element requires. */
function routesOf(file: string, base: string): RoutePage[] {
  const source = fs.readFileSync(path.join(WEB, file), 'utf8');
  const out: RoutePage[] = [];
  for (const segment of source.split('<Route').slice(1)) {
    const head = segment.match(/^\s([^>]*?)(\/?)>/s)?.[1] ?? '';
    const routePath = head.match(/\bpath="([^"]*)"/)?.[1];
    const index = /\bindex\b/.test(head);
    if (routePath === undefined && !index) continue; // a layout route
    if (routePath === '*' || routePath?.endsWith('/*')) continue; // not found, nested route files
    const permission = segment.split('</Route>')[0]?.match(/permission="([^"]+)"/)?.[1] ?? null;
    out.push({ pattern: index ? base : `${base === '/' ? '' : base}/${routePath}`, permission });
  }
  return out;
}

const PUBLIC = routesOf('app/app.tsx', '/');
const WORKBENCH = routesOf('features/workbench/workbench.routes.tsx', '/workbench');

/** Query strings some pages need to show their content. */
const QUERY: Record<string, string> = {
  '/territories': '?q=%E5%8C%97%E5%B1%B1',
  '/search': '?q=%E4%BA%95%E7%9B%96',
  '/dashboard/records': '?figure=appeals',
};

/** Demo accounts in the order they are tried for a permission. */
const ACCOUNTS = ['admin', 'staff', 'dispatcher', 'town', 'station', 'member', 'clerk', 'resident'];

describe.skipIf(!browserAvailable())('accessibility sweep: every page, no serious or critical axe findings (browser)', () => {
  let web: WebFixture;
  const samples = new Map<string, string>();
  const permissions = new Map<string, Set<string>>();

  beforeAll(async () => {
    web = await startWeb({ env: CROWD_ENV });
    // The demo a server seeds on first start: appeals, a campaign month of events and suggestions.
    await seedDemoAppeals(web.db);
    await seedDemoCampaignMonth(web.db);
    const db = web.db;
    const venue = await (db.selectFrom('venue').select('id').orderBy('id').executeTakeFirst());
    const event = await (db.selectFrom('consultation').select(['id', 'sign_in_token']).orderBy('sign_in_token', 'desc').executeTakeFirst());
    const suggestion = await (db.selectFrom('suggestion').select('id').where('issued_at', 'is not', null).where('state', '<>', 'merged').orderBy('issued_at').executeTakeFirst());
    const appeal = await (db.selectFrom('appeal').select('id').orderBy('created_at').executeTakeFirst());
    const topic = await (db.selectFrom('topic').select('id').orderBy('created_at').executeTakeFirst());
    const campaign = await (db.selectFrom('campaign').select('id').orderBy('created_at').executeTakeFirst());
    if (venue) samples.set('venue', venue.id);
    if (event) samples.set('event', event.id), samples.set('signInToken', event.sign_in_token ?? 'x');
    if (suggestion) samples.set('suggestion', suggestion.id);
    if (appeal) samples.set('appeal', appeal.id);
    if (topic) samples.set('topic', topic.id);
    if (campaign) samples.set('campaign', campaign.id);
    // Showcase entries come from the showcase API when it exists.
    const { context } = await newContext(web);
    const showcase = await context.request.get('/api/v1/public/showcase');
    if (showcase.ok()) {
      const first = ((await showcase.json()) as { items?: { id: string }[] }).items?.[0];
      if (first) samples.set('showcase', first.id);
    }
    await context.close();
    // An online consultation on a demo event, with voters enough for a map of two groups.
    const online = await createOnline(web, { eventId: await demoEventId(web), title: '小区停车线上微协商', statements: ['夜间开放临时停车位', '外来车辆停车收费', '绿化带改成停车位', '每户只停一辆车', '消防通道保持畅通', '停车规则由居民商定'] });
    await seedVoters(web, online.id, 20, twoCamps(online.statementIds, 4));
    samples.set('online', online.id);
    for (const username of ACCOUNTS) {
      const c = await newContext(web);
      await signInViaApi(c.context.request, username);
      const session = (await (await c.context.request.get('/api/v1/auth/session')).json()) as { permissions: string[] };
      permissions.set(username, new Set(session.permissions));
      await c.context.close();
    }
  });
  afterAll(async () => {
    await web?.close();
  });

  /** A concrete address for a route pattern, with the demo's records in place of parameters. */
  function address(pattern: string): string {
    const need = (key: string) => {
      const v = samples.get(key);
      if (!v) throw new Error(`no demo ${key} for ${pattern}`);
      return encodeURIComponent(v);
    };
    const filled = pattern.replace(/:(\w+)/g, (_m, name: string) => {
      if (/\/online\//.test(pattern)) return need('online');
      if (name === 'code') return pattern.includes('/reports/town') ? '330106002' : '330106';
      if (/\/(venues)\//.test(pattern)) return need('venue');
      if (/\/(events|sign-in|consultations)\//.test(pattern)) return need('event');
      if (/\/suggestions\//.test(pattern)) return need('suggestion');
      if (/\/appeals\//.test(pattern)) return need('appeal');
      if (/\/topics\//.test(pattern)) return need('topic');
      if (/\/campaigns\//.test(pattern) || /\/reports\/campaign\//.test(pattern)) return need('campaign');
      if (/\/showcase\//.test(pattern)) return need('showcase');
      throw new Error(`the sweep has no sample for ${pattern}: add one in tests/browser/a11y-sweep.test.ts`);
    });
    const token = pattern.startsWith('/sign-in/') ? `?t=${need('signInToken')}` : '';
    return filled + (QUERY[pattern] ?? token);
  }

  async function sweep(page: Page, url: string): Promise<string[]> {
    const response = await page.goto(url);
    expect(response?.status(), `GET ${url}`).toBe(200);
    await page.locator('main h1, h1').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    // Loading placeholders gone: the page shows its data.
    await page.locator('.mh-page-loading, .ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    return seriousA11yViolations(page);
  }

  it('finds the pages in the route files', () => {
    expect(PUBLIC.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/', '/report', '/status', '/venues', '/venues/:id', '/suggestions/:id']));
    expect(WORKBENCH.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/workbench', '/workbench/appeals', '/workbench/appeals/:id', '/workbench/accounts']));
    expect(WORKBENCH.find((r) => r.pattern === '/workbench/accounts')?.permission).toBe('accounts:manage');
  });

  it.each(PUBLIC.map((r) => [r.pattern]))('public %s', async (pattern) => {
    const { context, page, problems } = await newContext(web);
    const url = address(pattern);
    expect(await sweep(page, url), url).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(PUBLIC.filter((r) => r.pattern !== '/login').map((r) => [r.pattern]))('public %s in elder mode', async (pattern) => {
    const { context, page, problems } = await newContext(web);
    await page.addInitScript(() => localStorage.setItem('minhu.elder', '1'));
    const url = address(pattern);
    expect(await sweep(page, url), url).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.classList.contains('mh-elder'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(WORKBENCH.map((r) => [r.pattern, r.permission]))('workbench %s (%s)', async (pattern, permission) => {
    const username = ACCOUNTS.find((u) => !permission || permissions.get(u)?.has(permission));
    expect(username, `a demo account with ${permission}`).toBeDefined();
    const { context, page, problems } = await newContext(web);
    await signInViaApi(context.request, username as string);
    const url = address(pattern);
    expect(await sweep(page, url), `${url} as ${username}`).toEqual([]);
    expect(await page.getByText('没有权限').count(), `${url} as ${username} is forbidden`).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
