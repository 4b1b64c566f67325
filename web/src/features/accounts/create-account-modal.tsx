import { Button, Form, Input, Modal, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Account } from '../../api/types.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { OneTimeSecret } from '../../components/one-time-secret.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { GRANT_FIELD_MAP, GrantFields, grantBody, type GrantValues } from './grant-fields.js';

interface Values extends GrantValues {
  username: string;
  displayName: string;
  phone?: string;
}

const FIELD_MAP = { username: 'username', displayName: 'displayName', phone: 'phone', ...GRANT_FIELD_MAP };

/** Creates an account with one role; the server's generated password is shown once. */
export function CreateAccountModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [created, setCreated] = useState<{ account: Account; initialPassword: string | null }>();

  function close() {
    setError(undefined);
    setCreated(undefined);
    onClose();
  }

  async function submit(values: Values) {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post<{ account: Account; initialPassword: string | null }>('/accounts', {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        grants: [grantBody(values)],
      });
      setCreated(result);
      onCreated();
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, FIELD_MAP));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('accounts.createTitle')}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        created ? (
          <Button type="primary" onClick={close}>
            {t('common.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              {t('common.create')}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <>
          <Result status="success" title={t('accounts.created', { name: created.account.displayName })} className="mh-compact-result" />
          {created.initialPassword ? (
            <OneTimeSecret label={t('accounts.initialPassword')} value={created.initialPassword} />
          ) : (
            <p>{t('accounts.passwordSetByAdmin')}</p>
          )}
        </>
      ) : (
        <>
          {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
          <Form<Values> form={form} name="create-account" layout="vertical" onFinish={submit} initialValues={{ role: 'resident', scopeType: 'district' }} preserve={false}>
            <Form.Item name="username" label={t('accounts.username')} rules={[{ required: true, whitespace: true }]} extra={t('accounts.usernameHint')}>
              <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} />
            </Form.Item>
            <Form.Item name="displayName" label={t('accounts.displayName')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="phone" label={t('accounts.phoneOptional')}>
              <Input type="tel" autoComplete="off" maxLength={20} />
            </Form.Item>
            <GrantFields form={form} />
          </Form>
        </>
      )}
    </Modal>
  );
}
