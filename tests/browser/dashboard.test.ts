import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppealAggregator } from '../../server/modules/dashboards/index.js';
import { browserAvailable } from '../support/browser.js';
import { horizontalOverflow, newContext, PHONE, pick, seriousA11yViolations, signInViaApi, startWeb, type WebFixture } from './web.fixture.js';

interface Figure {
  key: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  kind: 'count' | 'rate';
}
interface Dashboard {
  figures: Figure[];
  scope: { name: string };
}

/** The value as the dashboard formats it (zh-CN): rates as a percentage with one decimal. */
function formatted(f: Figure): string {
  if (f.value === null) return '—';
  if (f.kind === 'rate') return new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(f.value);
  return new Intl.NumberFormat('zh-CN').format(f.value);
}

async function dashboardOf(request: APIRequestContext, query = ''): Promise<Dashboard> {
  const res = await request.get(`/api/v1/public/dashboard${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Dashboard;
}

/** Waits until every figure card shows the value the API gives for the same filters. */
async function expectFiguresMatch(page: Page, query: string): Promise<Dashboard> {
  let last = '';
  for (let attempt = 0; attempt < 40; attempt++) {
    const api = await dashboardOf(page.request, query);
    const shown = await page.locator('[data-figure]').evaluateAll((cards) =>
      cards.map((c) => [c.getAttribute('data-figure'), c.querySelector('[data-testid="figure-value"]')?.textContent ?? '']),
    );
    const expected = api.figures.map((f) => [f.key, formatted(f)]);
    if (JSON.stringify(shown) === JSON.stringify(expected)) return api;
    last = `shown ${JSON.stringify(shown)}\nexpected ${JSON.stringify(expected)}`;
    await page.waitForTimeout(250);
  }
  throw new Error(`figure cards never matched the API for “${query}”:\n${last}`);
}

const figureValue = (page: Page, key: string) => page.locator(`[data-figure="${key}"] [data-testid="figure-value"]`);

describe.skipIf(!browserAvailable())('public dashboards (browser)', () => {
  let web: WebFixture;
  let aggregator: AppealAggregator;
  let campaignId: string;
  let registerAppeal: () => Promise<void>;

  beforeAll(async () => {
    web = await startWeb();
    // The test server runs no background workers; the dashboards' aggregator runs here, on the
    // server's database, as it runs beside the server in production.
    const quiet = { error: () => undefined, debug: () => undefined, info: () => undefined };
    aggregator = new AppealAggregator(web.db, quiet as never);
    aggregator.start(100);
    // Appeals in 北山街道 through the API, as the hotline registers them.
    const { context } = await newContext(web);
    const csrf = await signInViaApi(context.request, 'dispatcher');
    const cats = (await (await context.request.get('/api/v1/categories')).json()) as { items: { id: string; code: string; parentId: string | null }[] };
    const leaf = cats.items.find((c) => c.parentId !== null && !cats.items.some((x) => x.parentId === c.id)) ?? cats.items[0];
    registerAppeal = async () => {
      const res = await context.request.post('/api/v1/appeals', {
        headers: { 'x-csrf-token': csrf },
        data: { categoryId: leaf?.id, territoryCode: '330106002051', description: '北山路公交站台破损 <b>急</b>', residentName: '王阿姨', residentPhone: '13812340000', address: '北山路 1 号' },
      });
      expect(res.status(), await res.text()).toBe(201);
    };
    for (let i = 0; i < 3; i++) await registerAppeal();

    // A campaign this month with targets, opened by district staff.
    const admin = await newContext(web);
    const adminCsrf = await signInViaApi(admin.context.request, 'admin');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await admin.context.request.post('/api/v1/campaigns', {
      headers: { 'x-csrf-token': adminCsrf },
      data: { title: '停车难协商议事月 <script>alert(1)</script>', theme: '停车', startsOn: `${today.slice(0, 8)}01`, endsOn: today, targetEvents: 5, targetSuggestions: 20 },
    });
    expect(res.status(), await res.text()).toBe(201);
    campaignId = ((await res.json()) as { id: string }).id;
    await admin.context.close();
  });
  afterAll(async () => {
    await aggregator?.stop();
    await web?.close();
  });

  it('shows the district figures as the API gives them, updates live, filters to a town in the URL and follows a figure to its records', async () => {
    const { context, page, problems } = await newContext(web);
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据看板' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { level: 1, name: '数据看板' }).waitFor();
    await figureValue(page, 'appeals').waitFor();
    const district = await expectFiguresMatch(page, '');
    expect(district.figures.map((f) => f.key)).toHaveLength(14);
    expect(await page.getByTestId('dashboard-updated').getAttribute('aria-live')).toBe('polite');

    // The formula, with this figure's numbers, on keyboard focus.
    const sign = district.figures.find((f) => f.key === 'sign_on_time_rate') as Figure;
    await page.locator('[data-figure="sign_on_time_rate"] [data-testid="figure-formula"]').focus();
    const tooltip = page.getByRole('tooltip').filter({ hasText: '签收及时率 = 按时签收的诉求 ÷ 应签收的诉求' });
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(`（${sign.numerator} ÷ ${sign.denominator ?? 0}）`);

    // Live: an appeal registered through the API shows within seconds, without reloading.
    const before = district.figures.find((f) => f.key === 'appeals')?.value ?? 0;
    const stamp = await page.getByTestId('dashboard-updated').getAttribute('data-updated-at');
    await registerAppeal();
    await page.waitForFunction(
      ([want]) => document.querySelector('[data-figure="appeals"] [data-testid="figure-value"]')?.textContent === want,
      [new Intl.NumberFormat('zh-CN').format(before + 1)],
      { timeout: 10_000 },
    );
    expect(await page.getByTestId('dashboard-updated').getAttribute('data-updated-at')).not.toBe(stamp);

    // Charts: a figure with a caption, a labelled canvas and a table behind the 数据表 button.
    const figures = page.locator('figure.mh-chart-figure');
    expect(await figures.count()).toBe(3);
    const first = figures.first();
    expect(await first.locator('figcaption').textContent()).toContain('按类别的诉求');
    expect(await first.getByRole('img').getAttribute('aria-label')).toBeTruthy();
    await first.locator('canvas').first().waitFor();
    const toggle = first.getByRole('button', { name: '数据表' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await first.locator('table').count()).toBe(1);
    // Off screen (1 px, clipped) but in the document until the button shows it.
    const width = async () => (await first.getByTestId('chart-table').boundingBox())?.width ?? 0;
    expect(await width()).toBeLessThanOrEqual(1);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await width()).toBeGreaterThan(100);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A town: the URL says so, the figures are the town's.
    await pick(page, page, '地区', '北山街道');
    await page.waitForURL(/territory=330106002(&|$)/);
    const town = await expectFiguresMatch(page, '?territory=330106002');
    expect(town.scope.name).toBe('北山街道');
    expect(await page.getByTestId('dashboard-scope').textContent()).toContain('北山街道');
    await page.getByTestId('town-report-link').waitFor();

    // Reopening the address restores the filters.
    await page.reload();
    await expectFiguresMatch(page, '?territory=330106002');
    await page.locator('.ant-select', { has: page.getByRole('combobox', { name: '地区' }) }).filter({ hasText: '北山街道' }).waitFor();

    // The records behind the appeal count, with the filters kept on the way back.
    await page.locator('[data-figure="appeals"] [data-testid="figure-records"]').click();
    await page.waitForURL(/\/dashboard\/records\?.*figure=appeals/);
    expect(page.url()).toContain('territory=330106002');
    await page.getByTestId('record-row').first().waitFor();
    const appeals = town.figures.find((f) => f.key === 'appeals') as Figure;
    expect(await page.getByTestId('record-row').count()).toBe(Math.min(20, appeals.numerator));
    const body = await page.locator('main').textContent();
    for (const secret of ['王阿姨', '13812340000', '北山路 1 号', '公交站台破损']) expect(body).not.toContain(secret);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('records-back').click();
    await page.waitForURL(/\/dashboard\?.*territory=330106002/);
    await expectFiguresMatch(page, '?territory=330106002');

    // The formula also shows on hover.
    await page.locator('[data-figure="satisfaction_rate"] [data-testid="figure-formula"]').hover();
    await page.getByRole('tooltip').filter({ hasText: '满意率 = 评价满意和基本满意的诉求 ÷ 已回访评价的诉求' }).waitFor();

    // A station: picked from the coverage list, its id in the URL.
    const coverage = (await (await page.request.get('/api/v1/public/coverage')).json()) as { stations: { id: string; name: string }[] };
    const station = coverage.stations[0];
    if (station) {
      await page.locator('.ant-radio-button-wrapper', { hasText: '站点' }).click();
      await pick(page, page, '站点', station.name);
      await page.waitForURL(new RegExp(`venue=${station.id}`));
      await expectFiguresMatch(page, `?venue=${station.id}`);
      expect(await page.getByTestId('dashboard-scope').textContent()).toContain(station.name);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows coverage as a schematic town map and as tables', async () => {
    const { context, page, problems } = await newContext(web);
    await page.goto('/coverage');
    await page.getByRole('heading', { level: 1, name: '议事场所覆盖情况' }).waitFor();
    const coverage = (await (await page.request.get('/api/v1/public/coverage')).json()) as { summary: { towns: number; townsWithHall: number }; towns: unknown[]; stations: { href: string }[] };
    expect(await page.getByTestId('coverage-summary').textContent()).toContain(`${coverage.summary.towns} 个街道（镇）中有 ${coverage.summary.townsWithHall} 个设有议事厅`);
    await page.locator('.mh-chart-map canvas').first().waitFor();
    expect(await page.getByTestId('schematic-note').textContent()).toContain('示意图');
    expect(await page.getByTestId('coverage-towns').locator('tbody tr').count()).toBe(coverage.towns.length);
    expect(coverage.towns.length).toBe(12);
    expect(await page.getByTestId('coverage-stations').locator('tbody tr').count()).toBe(coverage.stations.length);
    if (coverage.stations[0]) expect(await page.getByTestId('coverage-stations').locator(`a[href="${coverage.stations[0].href}"]`).count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a campaign day by day against its targets and prints its report and a town report', async () => {
    const { context, page, problems } = await newContext(web);
    await page.goto(`/campaigns/${campaignId}/progress`);
    await page.getByRole('heading', { level: 1, name: /停车难协商议事月 <script>alert\(1\)<\/script> · 进度/ }).waitFor();
    await page.getByTestId('campaign-totals').waitFor();
    expect(await page.getByTestId('campaign-totals').textContent()).toContain('目标 5');
    const figure = page.locator('figure.mh-chart-figure');
    await figure.locator('canvas').first().waitFor();
    expect(await figure.locator('table tbody tr').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId('campaign-report-link').click();
    await page.waitForURL(`**/reports/campaign/${campaignId}`);
    await page.getByRole('heading', { level: 1, name: /进度报告/ }).waitFor();
    await page.getByRole('button', { name: '打印' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto('/reports/town/330106002');
    await page.getByRole('heading', { level: 1, name: '北山街道数据报告' }).waitFor();
    await page.locator('tr[data-figure]').first().waitFor();
    expect(await page.locator('tr[data-figure]').count()).toBe(14);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // On paper: no header, navigation, footer or buttons; the chart tables print.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.mh-header').isVisible()).toBe(false);
    expect(await page.locator('.mh-footer').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect((await page.getByTestId('chart-table').first().locator('table').boundingBox())?.width ?? 0).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a 360 px phone: charts resize, tables scroll inside the page', async () => {
    const { context, page, problems } = await newContext(web, PHONE);
    for (const path of ['/dashboard?territory=330106002', '/coverage', `/campaigns/${campaignId}/progress`, '/reports/town/330106002']) {
      await page.goto(path);
      await page.locator('.mh-chart canvas').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page), path).toBe(0);
      const widest = await page.locator('.mh-chart').evaluateAll((charts) => Math.max(...charts.map((c) => c.getBoundingClientRect().width)));
      expect(widest, path).toBeLessThanOrEqual(360);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads in English, and the workbench campaign page links to the progress board', async () => {
    const { context, page, problems } = await newContext(web);
    await page.addInitScript(() => localStorage.setItem('minhu.lang', 'en'));
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('combobox', { name: 'Area' }).waitFor();
    await figureValue(page, 'appeals').waitFor();
    expect(await page.locator('[data-figure="satisfaction_rate"]').textContent()).toContain('Satisfaction');
    expect(await page.getByRole('button', { name: 'Data table' }).count()).toBe(3);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto('/coverage');
    await page.getByRole('heading', { level: 1, name: 'Venue coverage' }).waitFor();
    expect(await page.getByTestId('coverage-summary').textContent()).toMatch(/\d+ of \d+ towns in .+ have a hall/);
    await context.close();

    const admin = await newContext(web);
    await signInViaApi(admin.context.request, 'admin');
    await admin.page.goto(`/workbench/campaigns/${campaignId}`);
    await admin.page.getByRole('link', { name: '进度看板' }).click();
    await admin.page.waitForURL(`**/campaigns/${campaignId}/progress`);
    await admin.page.getByTestId('campaign-totals').waitFor();
    expect([...problems, ...admin.problems]).toEqual([]);
    await admin.context.close();
  });

  it('keeps ECharts out of the resident pages', async () => {
    const { context, page } = await newContext(web);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    for (const path of ['/', '/report', '/status']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    const echarts = (list: string[]) => list.filter((s) => /\/assets\/chart-[\w-]+\.js$/.test(s));
    expect(echarts(scripts)).toEqual([]);
    await page.goto('/dashboard');
    await page.locator('.mh-chart canvas').first().waitFor();
    expect(echarts(scripts).length).toBe(1);
    await context.close();
  });
});
