import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, problemText } from '../api/client.js';

/**
 * Shows a failed call the way the server phrased it (detail, else title), plus any field
 * complaints that no form field took, and the request id for support.
 */
export function ProblemAlert({ error, extra, className }: { error: unknown; extra?: string[]; className?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.problem.requestId : undefined;
  const lines = extra ?? [];
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      role="alert"
      title={problemText(error)}
      description={
        lines.length > 0 || requestId ? (
          <>
            {lines.length > 0 && (
              <ul className="mh-problem-list">
                {lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            {requestId && <div className="mh-request-id">{t('errors.requestId', { id: requestId })}</div>}
          </>
        ) : undefined
      }
    />
  );
}
