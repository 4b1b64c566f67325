import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from './use-page-title.js';

/** Shown on workbench pages the signed-in person has no permission for. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <Result
      status="403"
      title={<h1 className="mh-result-title">{t('forbidden.title')}</h1>}
      subTitle={t('forbidden.detail')}
      extra={
        <Link to="/workbench" className="mh-button-link">
          {t('forbidden.back')}
        </Link>
      }
    />
  );
}

/** Shown for addresses that match no page. */
export function NotFoundPage({ home = '/' }: { home?: string }) {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 className="mh-result-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.detail')}
      extra={
        <Link to={home} className="mh-button-link">
          {t('notFound.back')}
        </Link>
      }
    />
  );
}

export { PageLoading } from './page-loading.js';
