import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import 'dayjs/locale/zh-tw.js';
import type { Language } from '../i18n/index.js';

const DAYJS: Record<Language, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

/** Date pickers name months and weekdays in the interface language. */
export function syncDayjsLocale(lng: Language): void {
  dayjs.locale(DAYJS[lng]);
}
