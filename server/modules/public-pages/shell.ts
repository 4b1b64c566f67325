import fs from 'node:fs';
import path from 'node:path';
import { escapeHtml, type Html } from './html.js';

export type PageLang = 'zh-CN' | 'zh-TW' | 'en';

/** The markup around a page when the web app is not built (API-only deployments, HTTP tests). */
export const FALLBACK_SHELL = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="民呼 Minhu" />
    <title>民呼 Minhu</title>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/** index.html of the built web app, read once per process (it changes only with a new build). */
export function loadShell(webDir: string): string {
  try {
    return fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  } catch {
    return FALLBACK_SHELL;
  }
}

/**
 * The page: `<html lang>`, `<title>` and meta description set, the content inside `#root` (the
 * React app replaces it when it starts; without JavaScript the content is the page). Only
 * text is substituted: no script, no inline handler is ever added.
 */
export function fillShell(shell: string, page: { lang: PageLang; title: string; description: string; body: Html }): string {
  const title = `${escapeHtml(page.title)} · 民呼 Minhu`;
  return shell
    .replace(/<html lang="[^"]*"/, `<html lang="${page.lang}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
    .replace(/<meta name="description" content="[^"]*"/, () => `<meta name="description" content="${escapeHtml(page.description)}"`)
    .replace(ROOT, () => `<div id="root">${page.body.value}</div>`)
    // The page is readable without JavaScript, so the "needs JavaScript" notice goes.
    .replace(/<noscript>[\s\S]*?<\/noscript>\s*/, '');
}

/**
 * `#root` with whatever the built index.html paints there before the code arrives (the boot
 * header): everything up to the `</div>` that the `<noscript>` notice follows; or an empty root.
 */
const ROOT = /<div id="root">[\s\S]*?<\/div>(?=\s*<noscript>)|<div id="root"><\/div>/;

/** The page language: the `lang` cookie when it names one, else Accept-Language, else Simplified Chinese. */
export function pageLang(cookieLang: string | undefined, acceptLanguage: string | undefined): PageLang {
  if (cookieLang === 'en' || cookieLang === 'zh-CN' || cookieLang === 'zh-TW') return cookieLang;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first === 'zh-tw' || first === 'zh-hk' || first.startsWith('zh-hant')) return 'zh-TW';
  return 'zh-CN';
}
