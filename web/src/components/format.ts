import { intlLocale } from '../i18n/index.js';

/** A timestamp in the interface language and the browser's time zone; '—' when absent. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A calendar date (YYYY-MM-DD) shown as is; '—' when absent. */
export function formatDate(value: string | null | undefined): string {
  return value ?? '—';
}
