import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Change your own password; the server's password rules are shown as it states them. */
export function PasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('password.title'));
  const { session, refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const forced = !!session?.account.mustChangePassword;

  async function submit(values: Values) {
    setBusy(true);
    setError(undefined);
    try {
      await api.post<void>('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      message.success(t('password.changed'));
      await refresh();
      if (forced) navigate('/workbench', { replace: true });
    } catch (err) {
      setError(err);
      // Rule violations arrive as errors on newPassword: show them on the field and as a list.
      setExtra(applyFieldErrors(form, err, { currentPassword: 'currentPassword', newPassword: 'newPassword', password: 'newPassword' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mh-page mh-narrow">
      <h1 className="mh-page-title">{t('password.title')}</h1>
      {forced && <Alert className="mh-block" type="warning" showIcon title={t('password.mustChange')} />}
      <Card>
        {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
        <Form<Values> form={form} name="change-password" layout="vertical" onFinish={submit} disabled={busy}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true }]} extra={t('password.hint')}>
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
