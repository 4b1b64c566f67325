import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Kysely } from 'kysely';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { DB } from '../../server/infra/db/schema.js';
import { launchBrowser } from '../support/browser.js';
import { DEMO_PASSWORD } from '../support/http.js';
import { startTestServer } from '../support/server.js';

export { DEMO_PASSWORD };

const INDEX = path.resolve(import.meta.dirname, '../../dist/web/index.html');

export interface WebFixture {
  url: string;
  browser: Browser;
  /** The server's database, to read what its adapters would send (the SMS outbox). */
  db: Kysely<DB>;
  close(): Promise<void>;
}

/** A real server with the demo data and the built web app, and a headless Chromium. */
export async function startWeb(opts: { env?: Record<string, string> } = {}): Promise<WebFixture> {
  if (!fs.existsSync(INDEX)) throw new Error('dist/web is missing: run `npx vite build` (npm test does it for you)');
  const server = await startTestServer({ seed: 'demo', env: opts.env });
  const browser = await launchBrowser();
  return {
    url: server.url,
    browser,
    db: server.testApp.database.handle.db,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A browser context that fails the test on any script error or CSP violation, so a
 * page that only works by breaking the policy cannot pass.
 */
export async function newContext(
  web: WebFixture,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await web.browser.newContext({ baseURL: web.url, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** Signs in through the API on the context's cookie jar; returns the session's CSRF token. */
export async function signInViaApi(request: APIRequestContext, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request.post('/api/v1/auth/login', { data: { username, password } });
  if (res.status() !== 200) throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Width the document wants beyond the viewport; 0 means no horizontal scrolling. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Serious and critical axe findings on the page, one line each. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** The one-time code the SMS adapter was given for a phone: the newest in the outbox. */
export async function lastSmsCode(web: WebFixture, phone: string): Promise<string> {
  const row = await web.db.selectFrom('outbox').select('payload').where('recipient', '=', phone).where('template', '=', 'otp.code').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  return (JSON.parse(row.payload) as { code: string }).code;
}

/** A phone: 360 × 740, touch. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * Opens an Ant Design select by its label and picks the option showing `text`, then checks
 * the select shows it. On a loaded machine a click can land while the dropdown is still
 * re-rendering (a remote search answering, the opening motion); the pick is then retried
 * rather than leaving the form without a value and failing later at its submit.
 */
export async function pick(scope: Page | Locator, page: Page, label: string, text: string, typed?: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: label });
  const select = input.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt++) {
    if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click();
    if (typed) await input.fill(typed);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click();
    try {
      await select.filter({ hasText: text }).waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw new Error(`the select “${label}” did not take “${text}” after ${attempt} tries: ${String(err)}`);
    }
  }
}
