import { Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';

interface Credentials {
  username: string;
  password: string;
}

/** Only workbench addresses are followed after sign-in, so a link cannot send people elsewhere. */
function safeNext(next: string | null): string {
  return next && /^\/workbench(\/[\w\-/]*)?$/.test(next) ? next : '/workbench';
}

/** Sign-in with user name and password; the server's message is shown as it says it. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  if (session && !busy) return <Navigate to={session.account.mustChangePassword ? '/workbench/password' : safeNext(params.get('next'))} replace />;

  async function submit(values: Credentials) {
    setBusy(true);
    setError(undefined);
    try {
      const next = await signIn(values.username, values.password);
      navigate(next.account.mustChangePassword ? '/workbench/password' : safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, ['username', 'password']));
      form.setFieldValue('password', '');
      setBusy(false);
    }
  }

  return (
    <div className="mh-login">
      <Card className="mh-login-card">
        <h1 className="mh-page-title">{t('login.heading')}</h1>
        <p className="mh-muted">{t('login.intro')}</p>
        {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
        <Form<Credentials> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true }]}>
            <Input autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={64} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
