import { Converter } from 'opencc-js/cn2t';

/**
 * Builds the Traditional Chinese interface text (zh-TW.ts) from the Simplified one: same keys,
 * every value converted with OpenCC (Simplified → Taiwan, with Taiwan phrases), the
 * `{{placeholders}}` left exactly as they are. Used by `npm run i18n:hant` and by the test that
 * fails when zh-TW.ts is stale; never loaded by the web app itself.
 */
type Tree = { [key: string]: string | Tree };

let converter: ((text: string) => string) | null = null;

/** One Simplified string in Traditional characters; `{{name}}` placeholders untouched. */
export function toHant(text: string): string {
  const convert = (converter ??= Converter({ from: 'cn', to: 'twp' }));
  return text
    .split(/(\{\{[^}]*\}\})/)
    .map((part) => (part.startsWith('{{') && part.endsWith('}}') ? part : convert(part)))
    .join('');
}

function convertTree(tree: Tree): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) out[key] = typeof value === 'string' ? toHant(value) : convertTree(value);
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function render(tree: Tree, depth: number): string {
  const pad = '  '.repeat(depth + 1);
  const lines = Object.entries(tree).map(([key, value]) => {
    const k = IDENTIFIER.test(key) ? key : quote(key);
    return `${pad}${k}: ${typeof value === 'string' ? quote(value) : render(value, depth + 1)},`;
  });
  return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** The full source of web/src/i18n/zh-TW.ts for the given zh-CN tree. */
export function renderZhTW(zhCN: object): string {
  return [
    '/**',
    ' * 繁體中文介面文字。由 zh-CN.ts 自動產生（npm run i18n:hant，OpenCC 簡→繁臺灣用語），請勿手動修改。',
    ' * Generated from zh-CN.ts by `npm run i18n:hant`; do not edit by hand.',
    ' */',
    `const zhTW = ${render(convertTree(zhCN as Tree), 0)};`,
    '',
    'export default zhTW;',
    '',
  ].join('\n');
}
