import { Alert, Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client.js';
import { useElderMode } from '../../app/elder-mode.js';
import type { AppealStatus } from '../../api/types.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { actionLabel, categoryName, StateTag } from '../appeals/appeal-text.js';
import { TRACKING_NO } from '../appeals/tracking-no.js';

interface StatusValues {
  trackingNo: string;
  last4: string;
}

/** 办理进度查询: anyone with the tracking number and the phone's last 4 digits sees the progress. */
export function StatusPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('status.title'));
  const [params] = useSearchParams();
  // A plain form (no antd Form/Input): the page stays light on a phone.
  const [values, setValues] = useState<StatusValues>({ trackingNo: params.get('no') ?? '', last4: '' });
  const [invalid, setInvalid] = useState<Partial<Record<keyof StatusValues, string>>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AppealStatus>();
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<unknown>();
  const elder = useElderMode();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems: Partial<Record<keyof StatusValues, string>> = {};
    if (!TRACKING_NO.test(values.trackingNo.trim())) problems.trackingNo = t('appeals.trackingFormat');
    if (!/^\d{4}$/.test(values.last4.trim())) problems.last4 = t('status.last4Format');
    setInvalid(problems);
    if (problems.trackingNo || problems.last4) {
      document.getElementById(problems.trackingNo ? 'status-trackingNo' : 'status-last4')?.focus();
      return;
    }
    await lookUp(values);
  }

  async function lookUp(values: StatusValues) {
    setBusy(true);
    setError(undefined);
    setNotFound(false);
    setResult(undefined);
    try {
      setResult(
        await api.get<AppealStatus>(`/appeal-status/${encodeURIComponent(values.trackingNo.trim())}`, { last4: values.last4.trim() }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setNotFound(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mh-page mh-narrow">
      <h1 className="mh-page-title">{t('status.title')}</h1>
      <p className="mh-muted">{t('status.lead')}</p>
      <div className="mh-panel mh-block mh-status-form">
        <form name="appeal-status" noValidate onSubmit={(e) => void submit(e)} className={elder ? 'mh-native-form mh-native-form-large' : 'mh-native-form'}>
          <div className="mh-field">
            <label htmlFor="status-trackingNo">{t('status.trackingNo')}</label>
            <input
              id="status-trackingNo"
              name="trackingNo"
              className="mh-input"
              value={values.trackingNo}
              onChange={(e) => setValues((v) => ({ ...v, trackingNo: e.target.value }))}
              aria-invalid={invalid.trackingNo ? true : undefined}
              aria-describedby={invalid.trackingNo ? 'status-trackingNo-error' : undefined}
              inputMode="numeric"
              autoComplete="off"
              placeholder={t('appeals.searchPlaceholder')}
              maxLength={14}
            />
            {invalid.trackingNo && (
              <div id="status-trackingNo-error" className="mh-field-error">
                {invalid.trackingNo}
              </div>
            )}
          </div>
          <div className="mh-field">
            <label htmlFor="status-last4">{t('status.last4')}</label>
            <input
              id="status-last4"
              name="last4"
              className="mh-input"
              value={values.last4}
              onChange={(e) => setValues((v) => ({ ...v, last4: e.target.value }))}
              aria-invalid={invalid.last4 ? true : undefined}
              aria-describedby={invalid.last4 ? 'status-last4-error' : undefined}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
            />
            {invalid.last4 && (
              <div id="status-last4-error" className="mh-field-error">
                {invalid.last4}
              </div>
            )}
          </div>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('status.submit')}
          </Button>
        </form>
      </div>
      <div aria-live="polite">
        {notFound && <Alert type="warning" showIcon title={t('status.notFound')} description={t('status.notFoundDetail')} />}
        {error !== undefined && <ProblemAlert error={error} />}
        {result && (
          <section aria-labelledby="status-result" className="mh-status-result">
            <div className="mh-panel">
              <h2 id="status-result" className="mh-card-title mh-panel-title">
                {t('status.result')}
              </h2>
              <dl className="mh-facts">
                <div>
                  <dt>{t('status.trackingNo')}</dt>
                  <dd>
                    <code>{result.trackingNo}</code>
                  </dd>
                </div>
                <div>
                  <dt>{t('status.state')}</dt>
                  <dd>
                    <StateTag state={result.state} />
                  </dd>
                </div>
                <div>
                  <dt>{t('status.category')}</dt>
                  <dd>{categoryName(i18n.language, result.category)}</dd>
                </div>
                <div>
                  <dt>{t('status.createdAt')}</dt>
                  <dd>{formatDateTime(result.createdAt)}</dd>
                </div>
                {result.photoCount > 0 && (
                  <div>
                    <dt>{t('status.photoCount')}</dt>
                    <dd>{t('status.photoCountValue', { count: result.photoCount })}</dd>
                  </div>
                )}
                {result.closedAt && (
                  <div>
                    <dt>{t('status.closedAt')}</dt>
                    <dd>{formatDateTime(result.closedAt)}</dd>
                  </div>
                )}
              </dl>
              <h3 className="mh-subsection-title">{t('status.steps')}</h3>
              <ol className="mh-status-steps" style={{ margin: 0, paddingLeft: 20 }}>
                {result.steps.map((step, i) => (
                  <li key={i} style={{ marginBottom: 8 }}>
                    <strong>{actionLabel(t, step.action)}</strong>{' '}
                    <time className="mh-muted" dateTime={step.at}>
                      {formatDateTime(step.at)}
                    </time>
                    {step.text && (
                      <div>
                        <span className="mh-muted">{t('status.reply')}：</span>
                        <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{step.text}</span>
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
