import { describe, expect, it } from 'vitest';
import { HOSTILE, HOSTILE_NAME, HOSTILE_UNIT } from '../../../tests/support/hostile.js';
import { escapeHtml, html, paragraphs, safeHref } from './html.js';
import { fillShell } from './shell.js';

const ALL = [...Object.values(HOSTILE), HOSTILE_NAME, HOSTILE_UNIT, '"><svg onload=alert(1)>', "' onmouseover='x", '`${x}`', '</title><script>x</script>', '&lt;already&gt;'];

describe('escaping server-rendered HTML', () => {
  it('turns every hostile string into inert text', () => {
    for (const s of ALL) {
      const out = escapeHtml(s);
      expect(out).not.toMatch(/[<>"'`]/);
      expect(out).not.toMatch(/=/);
      // Decoding gives the original back: nothing is lost, only neutralised.
      const decoded = out.replace(/&#(\d+);/g, (_m, d) => String.fromCharCode(Number(d))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      expect(decoded).toBe(s);
    }
  });

  it('escapes values in the html template, including arrays, and keeps literal markup', () => {
    const out = html`<p title="${HOSTILE.img}">${HOSTILE.script}</p><ul>${[HOSTILE.link, HOSTILE.extB].map((x) => html`<li>${x}</li>`)}</ul>`.value;
    expect(out.startsWith('<p title="&lt;img src&#61;x onerror&#61;&quot;window.__minhu_xss&#61;1&quot;&gt;">')).toBe(true);
    expect(out).toContain('&lt;script&gt;window.__minhu_xss&#61;1&lt;/script&gt;');
    expect(out).toContain('<li>&lt;a href&#61;&quot;http://spam.example/&quot;&gt;点击领取&lt;/a&gt;</li>');
    expect(out).toContain('<li>张𣵦</li>');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<a ');
  });

  it('paragraphs split lines and escape each', () => {
    expect(paragraphs(`一${HOSTILE.script}\n\n二`).value).toBe('<p>一&lt;script&gt;window.__minhu_xss&#61;1&lt;/script&gt;</p><p>二</p>');
  });

  it('links only to same-site paths', () => {
    expect(safeHref('/showcase/1?q=a')).toBe('/showcase/1?q=a');
    for (const bad of ['javascript:alert(1)', '//evil.example/', 'http://spam.example/', 'data:text/html,x', '/\\evil', '/a b']) expect(safeHref(bad)).toBe('#');
  });

  it('fills the shell: lang, escaped title and description, content in #root, no script added', () => {
    const shell = '<!doctype html><html lang="zh-CN"><head><meta name="description" content="x" /><title>民呼 Minhu</title><script type="module" src="/assets/a.js"></script></head><body><div id="root"></div></body></html>';
    const out = fillShell(shell, { lang: 'en', title: `${HOSTILE.script}`, description: HOSTILE.img, body: html`<h1>${HOSTILE_NAME}</h1>` });
    expect(out).toContain('<html lang="en">');
    expect(out).toContain('<title>&lt;script&gt;window.__minhu_xss&#61;1&lt;/script&gt; · 民呼 Minhu</title>');
    expect(out).toContain('<meta name="description" content="&lt;img src&#61;x onerror&#61;&quot;window.__minhu_xss&#61;1&quot;&gt;" />');
    expect(out).toContain('<div id="root"><h1>张𣵦&lt;script&gt;window.__minhu_xss&#61;1&lt;/script&gt;</h1></div>');
    expect(out.match(/<script/g)).toHaveLength(1);
  });
});
