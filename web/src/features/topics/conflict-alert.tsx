import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';

/** The server refused a change made to an old copy (409 VERSION_CONFLICT). */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}

/** Says plainly that someone changed the topic meanwhile, and offers to load the current one. */
export function ConflictAlert({ onReload, className }: { onReload: () => void; className?: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      className={className ?? 'mh-block'}
      type="warning"
      showIcon
      role="alert"
      title={t('topics.conflict.title')}
      description={t('topics.conflict.detail')}
      action={
        <Button size="small" onClick={onReload}>
          {t('topics.conflict.reload')}
        </Button>
      }
    />
  );
}
