import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A secret the server shows only once (initial password, token): copyable, with a warning. */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={label}
      description={
        <>
          <Typography.Paragraph className="mh-secret" copyable={{ text: value, tooltips: [t('common.copy'), t('common.copied')] }}>
            <code>{value}</code>
          </Typography.Paragraph>
          <Typography.Paragraph className="mh-secret-note">{t('common.shownOnce')}</Typography.Paragraph>
        </>
      }
    />
  );
}
