/**
 * HTML built on the server without a template engine: every interpolated value is escaped
 * unless it is already `Html` made by this module, so text a person typed can only ever be text.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=]/g, (c) => ESCAPES[c] as string);
}

/** A piece of markup produced by `html` (trusted because every value in it was escaped). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Html) return part.value;
  return escapeHtml(part);
}

/** Tagged template: literal parts are markup, values are escaped (arrays joined, Html kept). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** A link target for a same-site path only: anything else (javascript:, //host, data:) becomes '#'. */
export function safeHref(path: string | null | undefined): string {
  if (!path) return '#';
  return /^\/(?!\/)[^\s\\]*$/.test(path) ? path : '#';
}

/** Text with line breaks as separate paragraphs. */
export function paragraphs(text: string | null | undefined): Html {
  if (!text) return html``;
  return html`${text
    .split(/\n+/)
    .filter((l) => l.trim())
    .map((l) => html`<p>${l}</p>`)}`;
}
