// `npm run bench:web`: resident pages on a throttled phone. Starts the built server (run
// `npm run build` first) with the demo data on loopback, opens each resident page five times
// in headless Chromium with a cold cache under "Slow 4G" (1.6 Mbps down, 750 kbps up, 150 ms
// RTT) and a 4× slower CPU at 360 × 740, and records:
//   - first contentful paint (PerformanceObserver 'paint'),
//   - the compressed bytes of JavaScript transferred before the page is ready for input
//     (every script response until the network goes quiet: CDP Network.loadingFinished
//     encodedDataLength less the response headers), and all bytes on the wire.
// Prints the medians and writes them into docs/PERFORMANCE.md under
// "Resident pages on a phone (issue 5)". Targets: ≤ 200 KB compressed JS, FCP ≤ 1.5 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.js';
import { pinned, root, stop, waitFor } from './support.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const JS_BUDGET = 200 * 1024;
const FCP_BUDGET_MS = 1500;
const MOBILE_UA = 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
/** "Slow 4G" as DevTools and Lighthouse throttle it. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;

export interface Load {
  fcpMs: number;
  jsBytes: number;
  jsFiles: number;
  totalBytes: number;
}

/**
 * Opens `url` in a fresh context (cold cache) through the throttled CDP profile and measures it.
 * `ready` waits for what shows the page is usable (its heading).
 */
export async function measure(browser: Browser, url: string, ready: (page: Page) => Promise<void>, throttle = true): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, userAgent: MOBILE_UA, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  const scripts = new Set<string>();
  let jsBytes = 0;
  let totalBytes = 0;
  let jsFiles = 0;
  const headerBytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { encodedDataLength: number } }) => {
    if (e.type === 'Script') scripts.add(e.requestId);
    headerBytes.set(e.requestId, e.response.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    totalBytes += e.encodedDataLength;
    if (scripts.has(e.requestId)) {
      // The compressed body: what was received minus the response headers.
      jsBytes += e.encodedDataLength - (headerBytes.get(e.requestId) ?? 0);
      jsFiles++;
    }
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __fcp?: number };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') w.__fcp = entry.startTime;
    }).observe({ type: 'paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await ready(page);
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const fcpMs = await page.waitForFunction(() => (window as unknown as { __fcp?: number }).__fcp, undefined, { timeout: 60_000 }).then((h) => h.jsonValue() as Promise<number>);
  await context.close();
  return { fcpMs, jsBytes, jsFiles, totalBytes };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const serverJs = path.join(root, 'dist/server/main.js');
  if (!fs.existsSync(serverJs) || !fs.existsSync(path.join(root, 'dist/web/index.html'))) throw new Error('run `npm run build` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-bench-web-'));
  const port = 3000 + Math.floor(Math.random() * 1000) + 7000;
  const base = `http://127.0.0.1:${port}`;
  const server = pinned([serverJs], { PORT: String(port), HOST: '127.0.0.1', MINHU_DATA_DIR: dataDir, MINHU_SEED: 'demo', NODE_ENV: 'production', MINHU_SECURE_COOKIES: 'false', LOG_LEVEL: 'warn', MINHU_PUBLIC_RATE_PER_MINUTE: '100000000' });
  let browser: Browser | undefined;
  try {
    await waitFor(`${base}/readyz`, 1500);
    // A demo suggestion with a public page.
    const db = new Database(path.join(dataDir, 'minhu.sqlite'), { readonly: true });
    const ids = db.prepare(`select id from suggestion where issued_at is not null and state <> 'merged' order by issued_at limit 20`).all() as { id: string }[];
    db.close();
    let suggestionId: string | undefined;
    for (const { id } of ids) if ((await fetch(`${base}/api/v1/public/suggestions/${id}`)).ok) ((suggestionId = id), undefined);
    const showcase = (await fetch(`${base}/api/v1/public/showcase`)).ok;

    const heading = (page: Page) => page.locator('h1').first().waitFor({ timeout: 120_000 });
    const pages: [string, string][] = [
      ['home', '/'],
      ['report (我要反映)', '/report'],
      ['status (查询办理进度)', '/status'],
      ['venues (议事场所)', '/venues'],
      ...(showcase ? ([['showcase (成果展示)', '/showcase']] as [string, string][]) : []),
      ...(suggestionId ? ([['a suggestion’s journey', `/suggestions/${suggestionId}`]] as [string, string][]) : []),
    ];

    browser = await launchBrowser();
    // Warm the server (first reads of the database, the static file cache) without throttling.
    for (const [, p] of pages) await measure(browser, base + p, heading, false);

    const rows: { name: string; path: string; fcp: number; js: number; files: number; total: number }[] = [];
    for (const [name, p] of pages) {
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i++) loads.push(await measure(browser, base + p, heading));
      rows.push({ name, path: p, fcp: median(loads.map((l) => l.fcpMs)), js: median(loads.map((l) => l.jsBytes)), files: median(loads.map((l) => l.jsFiles)), total: median(loads.map((l) => l.totalBytes)) });
      console.log(`${name}: FCP ${Math.round(rows.at(-1)!.fcp)} ms, JS ${kb(rows.at(-1)!.js)} in ${rows.at(-1)!.files} files`);
    }
    const chromiumVersion = browser.version();

    const table = [
      '| Page | FCP (median of ' + RUNS + ') | JS before interaction, compressed | JS files | All bytes transferred | Targets met |',
      '|---|---:|---:|---:|---:|---|',
      ...rows.map((r) => {
        const p = r.path.startsWith('/suggestions/') ? '/suggestions/:id' : r.path;
        const ok = r.js <= JS_BUDGET && r.fcp <= FCP_BUDGET_MS;
        return `| ${r.name} \`${p}\` | ${Math.round(r.fcp)} ms | ${kb(r.js)} | ${r.files} | ${kb(r.total)} | ${ok ? 'yes' : `**no** (${r.js > JS_BUDGET ? 'JS' : ''}${r.js > JS_BUDGET && r.fcp > FCP_BUDGET_MS ? ', ' : ''}${r.fcp > FCP_BUDGET_MS ? 'FCP' : ''})`} |`;
      }),
    ];
    console.log(`\n${table.join('\n')}\n`);

    const section = [
      '## Resident pages on a phone (issue 5)',
      '',
      `Measured by \`npm run bench:web\` (\`bench/web-vitals.ts\`) on ${new Date().toISOString().slice(0, 10)}: the built server (\`NODE_ENV=production\`, SQLite,`,
      'demo data) on loopback, headless Chromium ' + chromiumVersion + ' at 360 × 740 with a mobile user agent, a cold cache',
      'for every load, "Slow 4G" through CDP (`Network.emulateNetworkConditions`: 1.6 Mbps down, 750 kbps up,',
      `150 ms round trip) and a ${CPU_SLOWDOWN}× slower CPU (\`Emulation.setCPUThrottlingRate\`). Each figure is the median of ${RUNS} loads.`,
      'FCP is the browser\'s first-contentful-paint entry; "JS before interaction" sums the compressed bodies of every',
      'script response until the page shows its heading and the network is quiet ("all bytes" adds HTML, CSS, API',
      'answers and every response\'s headers, about 0.9 KB each with the security headers). Targets:',
      '≤ 200 KB compressed JavaScript and FCP ≤ 1.5 s. The server sends the Brotli or gzip copy the build wrote beside',
      'each asset (`vite-plugin-compression2`, `@fastify/static` `preCompressed`); Chromium asks plain-HTTP servers for',
      'gzip only, so these are gzip sizes (Brotli over HTTPS is about 15 % smaller). The machine is shared (2 cores).',
      '',
      ...table,
      '',
    ].join('\n');
    const doc = path.join(root, 'docs/PERFORMANCE.md');
    const text = fs.readFileSync(doc, 'utf8');
    const start = text.indexOf('## Resident pages on a phone (issue 5)');
    let next: string;
    if (start < 0) next = `${text.trimEnd()}\n\n${section}`;
    else {
      const after = text.indexOf('\n## ', start + 5);
      next = text.slice(0, start) + section + (after < 0 ? '' : `\n${text.slice(after + 1)}`);
    }
    fs.writeFileSync(doc, next.endsWith('\n') ? next : `${next}\n`);
    console.log('wrote docs/PERFORMANCE.md');
  } finally {
    await browser?.close();
    await stop(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('web-vitals.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
