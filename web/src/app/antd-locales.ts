import type { ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/locale/zh_CN.js';
import type { Language } from '../i18n/index.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;

// antd ships its locales as CommonJS: the type checker (NodeNext) sees the module object,
// the bundler hands over its default export. Accept either.
function unwrap(mod: unknown): Locale {
  const value = mod as Locale & { default?: Locale };
  return typeof value.locale === 'string' ? value : (value.default as Locale);
}

// Simplified Chinese ships with the page; Traditional and English load when chosen.
const loaded: Partial<Record<Language, Locale>> = { 'zh-CN': unwrap(zhCNModule) };
const LOADERS: Record<Exclude<Language, 'zh-CN'>, () => Promise<unknown>> = {
  'zh-TW': () => import('antd/locale/zh_TW.js'),
  en: () => import('antd/locale/en_US.js'),
};

/** antd's texts for the language, once loaded (Simplified Chinese until then). */
export function antdLocale(lng: Language): Locale {
  return loaded[lng] ?? (loaded['zh-CN'] as Locale);
}

export async function loadAntdLocale(lng: Language): Promise<void> {
  if (lng === 'zh-CN' || loaded[lng]) return;
  const mod = (await LOADERS[lng]()) as { default?: unknown };
  loaded[lng] = unwrap(mod.default ?? mod);
}
