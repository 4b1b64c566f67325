import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import zhTWModule from 'antd/locale/zh_TW.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;

// antd ships its locales as CommonJS: the type checker (NodeNext) sees the module object,
// the bundler hands over its default export. Accept either.
function unwrap(mod: unknown): Locale {
  const value = mod as Locale & { default?: Locale };
  return typeof value.locale === 'string' ? value : (value.default as Locale);
}

export const antdLocales: Record<'zh-CN' | 'zh-TW' | 'en', Locale> = {
  'zh-CN': unwrap(zhCNModule),
  'zh-TW': unwrap(zhTWModule),
  en: unwrap(enUSModule),
};
