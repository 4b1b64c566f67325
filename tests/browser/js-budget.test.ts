import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { createOnline, CROWD_ENV, demoEventId, seedVoters, twoCamps } from './online.fixture.js';
import { PHONE, newContext, startWeb, type WebFixture } from './web.fixture.js';

/**
 * Compressed JavaScript a resident's phone downloads before it can use a page: every script
 * response (encoded body, as sent: gzip or Brotli) until the page shows its heading and the
 * network is quiet. Bytes, not timing: timing lives in `npm run bench:web`.
 */
async function scriptBytes(page: Page, path: string): Promise<{ bytes: number; files: string[] }> {
  const sizes = new Map<string, number>();
  const plain: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const headers = (await (await request.response())?.allHeaders()) ?? {};
        const size = (await request.sizes()).responseBodySize;
        // The build compresses every asset over 1 KB (smaller ones gain nothing).
        if (size > 1024 && !/^(gzip|br)$/.test(headers['content-encoding'] ?? '')) plain.push(request.url());
        sizes.set(request.url(), size);
      })(),
    );
  });
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  expect(plain, 'scripts sent uncompressed').toEqual([]);
  const files = [...sizes].sort((a, b) => b[1] - a[1]).map(([url, n]) => `${url.split('/').pop()} ${(n / 1024).toFixed(1)} KB`);
  return { bytes: [...sizes.values()].reduce((a, b) => a + b, 0), files };
}

const KB = 1024;

describe.skipIf(!browserAvailable())('resident pages: compressed JavaScript before first interaction (browser)', () => {
  let web: WebFixture;
  let online = '';
  beforeAll(async () => {
    web = await startWeb({ env: CROWD_ENV });
    const { id, statementIds } = await createOnline(web, { eventId: await demoEventId(web), title: '小区停车线上微协商', statements: ['夜间开放临时停车位', '外来车辆停车收费', '绿化带改成停车位', '每户只停一辆车', '消防通道保持畅通'] });
    await seedVoters(web, id, 20, twoCamps(statementIds, 4));
    online = id;
  });
  afterAll(async () => {
    await web?.close();
  });

  // Every resident page: at most 200 KB (docs/PERFORMANCE.md).
  const budgets: [string, number][] = [
    ['/', 200 * KB],
    ['/status', 200 * KB],
    ['/report', 200 * KB],
    // The online micro-consultation: voting, the statement form and the map (SVG, no chart library).
    ['/online/:id', 200 * KB],
  ];

  it.each(budgets)('%s stays within its budget', async (pattern, budget) => {
    const path = pattern.replace(':id', online);
    const { context, page } = await newContext(web, PHONE);
    const { bytes, files } = await scriptBytes(page, path);
    console.log(`${path}: ${(bytes / KB).toFixed(1)} KB of compressed JavaScript in ${files.length} files`);
    expect(bytes, `${path}: ${(bytes / KB).toFixed(1)} KB in ${files.length} files:\n${files.join('\n')}`).toBeLessThanOrEqual(budget);
    await context.close();
  });

  it('serves the web app precompressed, Brotli when asked', async () => {
    const { context } = await newContext(web);
    const html = await context.request.get('/', { headers: { 'accept-encoding': 'gzip' } });
    const script = (await html.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const br = await context.request.get(script as string, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers()['content-encoding']).toBe('br');
    expect(br.headers()['vary']).toMatch(/accept-encoding/i);
    const gz = await context.request.get(script as string, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers()['content-encoding']).toBe('gzip');
    await context.close();
  });
});
