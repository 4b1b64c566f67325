import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.js';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'minhu.lang';

// Simplified Chinese ships with the page; the other languages load when someone picks them, so
// a resident's phone downloads one language, not three.
const LOADERS: Record<Exclude<Language, 'zh-CN'>, () => Promise<{ default: object }>> = {
  'zh-TW': () => import('./zh-TW.js'),
  en: () => import('./en.js'),
};

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** Chinese unless the person chose another language before on this device. */
function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); the default is fine
  }
  return 'zh-CN';
}

function reflect(lng: string): void {
  document.documentElement.lang = isLanguage(lng) ? lng : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  partialBundledLanguages: true,
  initAsync: false,
  // Permission names contain ':' ('units:read'), so ':' must not mean "namespace".
  nsSeparator: false,
  // React escapes every interpolated value; escaping here too would show &lt; to people.
  interpolation: { escapeValue: false },
  returnNull: false,
});

reflect(i18n.language);
i18n.on('languageChanged', reflect);

/** Loads a language's text (once) without switching to it. */
async function load(lng: Language): Promise<void> {
  if (lng === 'zh-CN' || i18n.hasResourceBundle(lng, 'translation')) return;
  const text = await LOADERS[lng]();
  i18n.addResourceBundle(lng, 'translation', text.default, true, true);
}

/** Switches to the language remembered on this device; main.tsx awaits it before the first render. */
export async function restoreLanguage(): Promise<void> {
  const lng = initialLanguage();
  if (lng === 'zh-CN') return;
  try {
    await load(lng);
    await i18n.changeLanguage(lng);
  } catch {
    // a failed download leaves the page in Simplified Chinese rather than blank
  }
}

/** Switches the interface language and remembers the choice on this device. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, still switched
  }
  // The server-rendered public pages read the same choice from a cookie (no personal data).
  document.cookie = `lang=${encodeURIComponent(lng)}; path=/; max-age=31536000; samesite=lax`;
  await load(lng);
  await i18n.changeLanguage(lng);
}

/** The current interface language. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** The BCP 47 tag for Intl formatting in the current language. */
export function intlLocale(): string {
  const lng = currentLanguage();
  return lng === 'en' ? 'en-GB' : lng;
}

export default i18n;
