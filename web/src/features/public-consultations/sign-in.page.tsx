import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { PublicConsultation } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';

interface Values {
  name: string;
  phone: string;
}

/** The page the sign-in QR code opens on a phone: a signed-in account signs in as itself, anyone else with name and phone. */
export function SignInPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const { session } = useSession();
  const event = useRequest((signal) => api.get<PublicConsultation>(`/public/consultations/${id}`, { t: token }, signal), `${id}:${token}`);
  usePageTitle(t('publicConsultation.signInTitle'));
  const [result, setResult] = useState<{ name: string; alreadySignedIn: boolean }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(v: Partial<Values>) {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api.post<{ name: string; alreadySignedIn: boolean }>(`/public/consultations/${id}/sign-in`, { token, ...(session ? {} : { name: v.name?.trim(), phone: v.phone?.trim() }) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const e = event.data;
  return (
    <div className="mh-page mh-narrow mh-wrap">
      <h1 className="mh-page-title">{t('publicConsultation.signInTitle')}</h1>
      {event.error && <ProblemAlert error={event.error} className="mh-block" />}
      {e && (
        <>
          <h2>{e.title}</h2>
          <p className="mh-muted">
            {formatDateTime(e.startsAt)} · {e.venueName ?? t('consultations.online')}
          </p>
          {result ? (
            <Alert type="success" showIcon role="status" title={t(result.alreadySignedIn ? 'publicConsultation.already' : 'publicConsultation.done', { name: result.name })} />
          ) : !e.signInOpen ? (
            <Alert type="info" showIcon title={t('publicConsultation.closed')} />
          ) : (
            <>
              {error !== undefined && <ProblemAlert error={error} className="mh-block" />}
              <Form<Values> name="event-sign-in" layout="vertical" onFinish={submit}>
                {session ? (
                  <p>{t('publicConsultation.signedInAs', { name: session.account.displayName })}</p>
                ) : (
                  <>
                    <Form.Item name="name" label={t('publicConsultation.name')} rules={[{ required: true, message: t('publicConsultation.required') }]}>
                      <Input maxLength={64} autoComplete="name" />
                    </Form.Item>
                    <Form.Item name="phone" label={t('publicConsultation.phone')} extra={t('publicConsultation.phoneHint')} rules={[{ required: true, message: t('publicConsultation.required') }]}>
                      <Input maxLength={11} inputMode="tel" autoComplete="tel" />
                    </Form.Item>
                  </>
                )}
                <Button type="primary" htmlType="submit" loading={busy} block>
                  {t('publicConsultation.submit')}
                </Button>
              </Form>
            </>
          )}
        </>
      )}
    </div>
  );
}
