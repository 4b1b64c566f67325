import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.js';
import zhCN from './zh-CN.js';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'minhu.lang';

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** Chinese unless the person chose English before on this device. */
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
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // Permission names contain ':' ('units:read'), so ':' must not mean "namespace".
  nsSeparator: false,
  // React escapes every interpolated value; escaping here too would show &lt; to people.
  interpolation: { escapeValue: false },
  returnNull: false,
});

reflect(i18n.language);
i18n.on('languageChanged', reflect);

/** Switches the interface language and remembers the choice on this device. */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, still switched
  }
  // The server-rendered public pages read the same choice from a cookie (no personal data).
  document.cookie = `lang=${encodeURIComponent(lng)}; path=/; max-age=31536000; samesite=lax`;
  void i18n.changeLanguage(lng);
}

/** The current interface language. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export default i18n;
