import { useTranslation } from 'react-i18next';

/** A quiet placeholder while a page's code or data loads (no antd: it is on every first paint). */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="mh-page-loading" role="status" aria-live="polite">
      {t('common.loading')}
    </div>
  );
}
