import { Button, Descriptions, Drawer, Form, Input, Popconfirm, Select, Skeleton, Space, App } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Account, AccountStatus } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { grantLabel } from '../../components/grant-label.js';
import { OneTimeSecret } from '../../components/one-time-secret.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useIsMobile } from '../../components/use-is-mobile.js';
import { GRANT_FIELD_MAP, GrantFields, grantBody, type GrantValues } from './grant-fields.js';

interface ProfileValues {
  displayName: string;
  phone?: string;
  status: AccountStatus;
}

/** One account: profile and status (versioned), role grants, password reset. */
export function AccountDrawer({ accountId, onClose, onChanged }: { accountId?: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const loaded = useRequest(
    (signal) => (accountId ? api.get<Account>(`/accounts/${accountId}`, undefined, signal) : Promise.resolve(undefined)),
    accountId ?? '',
  );
  const [account, setAccount] = useState<Account>();
  useEffect(() => setAccount(loaded.data?.id === accountId ? loaded.data : undefined), [loaded.data, accountId]);

  const [profile] = Form.useForm<ProfileValues>();
  const [grantForm] = Form.useForm<GrantValues>();
  const [profileError, setProfileError] = useState<unknown>();
  const [profileExtra, setProfileExtra] = useState<string[]>([]);
  const [grantError, setGrantError] = useState<unknown>();
  const [grantExtra, setGrantExtra] = useState<string[]>([]);
  const [resetError, setResetError] = useState<unknown>();
  const [temporaryPassword, setTemporaryPassword] = useState<string>();
  const [busy, setBusy] = useState<'profile' | 'grant' | 'reset' | string>();

  useEffect(() => {
    setProfileError(undefined);
    setGrantError(undefined);
    setResetError(undefined);
    setTemporaryPassword(undefined);
  }, [accountId]);

  useEffect(() => {
    if (account) profile.setFieldsValue({ displayName: account.displayName, phone: account.phone ?? '', status: account.status });
  }, [account, profile]);

  function changed(next: Account) {
    setAccount(next);
    onChanged();
  }

  async function saveProfile(values: ProfileValues) {
    if (!account) return;
    setBusy('profile');
    setProfileError(undefined);
    try {
      const phone = values.phone?.trim() ?? '';
      changed(
        await api.patch<Account>(`/accounts/${account.id}`, {
          version: account.version,
          displayName: values.displayName.trim(),
          phone: phone === '' ? null : phone,
          status: values.status,
        }),
      );
      message.success(t('common.saved'));
    } catch (err) {
      setProfileError(err);
      setProfileExtra(applyFieldErrors(profile, err, ['displayName', 'phone', 'status']));
    } finally {
      setBusy(undefined);
    }
  }

  async function addGrant(values: GrantValues) {
    if (!account) return;
    setBusy('grant');
    setGrantError(undefined);
    try {
      changed(await api.post<Account>(`/accounts/${account.id}/grants`, grantBody(values)));
      grantForm.resetFields();
      message.success(t('accounts.grantAdded'));
    } catch (err) {
      setGrantError(err);
      setGrantExtra(applyFieldErrors(grantForm, err, GRANT_FIELD_MAP));
    } finally {
      setBusy(undefined);
    }
  }

  async function removeGrant(grantId: string) {
    if (!account) return;
    setBusy(grantId);
    setGrantError(undefined);
    try {
      changed(await api.delete<Account>(`/accounts/${account.id}/grants/${grantId}`));
      message.success(t('accounts.grantRemoved'));
    } catch (err) {
      setGrantError(err);
      setGrantExtra([]);
    } finally {
      setBusy(undefined);
    }
  }

  async function resetPassword() {
    if (!account) return;
    setBusy('reset');
    setResetError(undefined);
    try {
      const { temporaryPassword } = await api.post<{ temporaryPassword: string }>(`/accounts/${account.id}/password-reset`);
      setTemporaryPassword(temporaryPassword);
      onChanged();
    } catch (err) {
      setResetError(err);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Drawer
      open={accountId !== undefined}
      onClose={onClose}
      title={account ? account.displayName : t('accounts.detailTitle')}
      size={mobile ? '100%' : 640}
      destroyOnHidden
    >
      {loaded.error && <ProblemAlert error={loaded.error} />}
      {!account && loaded.loading && <Skeleton active />}
      {account && (
        <div className="mh-drawer-sections">
          <section aria-labelledby="account-facts">
            <h2 id="account-facts" className="mh-section-title">
              {t('accounts.facts')}
            </h2>
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'username', label: t('accounts.username'), children: <code>{account.username}</code> },
                { key: 'displayName', label: t('accounts.displayName'), children: account.displayName },
                { key: 'phone', label: t('accounts.phone'), children: account.phone ?? '—' },
                { key: 'status', label: t('accounts.status'), children: t(`accounts.statuses.${account.status}`) },
                {
                  key: 'mustChange',
                  label: t('accounts.mustChangePassword'),
                  children: account.mustChangePassword ? t('common.yes') : t('common.no'),
                },
                { key: 'locked', label: t('accounts.lockedUntil'), children: formatDateTime(account.lockedUntil) },
                { key: 'lastLogin', label: t('accounts.lastLoginAt'), children: formatDateTime(account.lastLoginAt) },
                { key: 'created', label: t('accounts.createdAt'), children: formatDateTime(account.createdAt) },
              ]}
            />
          </section>

          <section aria-labelledby="account-profile">
            <h2 id="account-profile" className="mh-section-title">
              {t('accounts.editProfile')}
            </h2>
            {profileError !== undefined && (
              <ProblemAlert error={profileError} extra={profileExtra} className="mh-block" />
            )}
            <Form<ProfileValues> form={profile} name="account-profile" layout="vertical" onFinish={saveProfile}>
              <Form.Item name="displayName" label={t('accounts.displayName')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={64} />
              </Form.Item>
              <Form.Item name="phone" label={t('accounts.phoneOptional')}>
                <Input type="tel" maxLength={20} />
              </Form.Item>
              <Form.Item name="status" label={t('accounts.status')} rules={[{ required: true }]}>
                <Select<AccountStatus>
                  options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`accounts.statuses.${s}`) }))}
                />
              </Form.Item>
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={busy === 'profile'}>
                  {t('common.save')}
                </Button>
                <Button onClick={() => loaded.reload()}>{t('common.reload')}</Button>
              </Space>
            </Form>
          </section>

          <section aria-labelledby="account-grants">
            <h2 id="account-grants" className="mh-section-title">
              {t('accounts.roles')}
            </h2>
            {grantError !== undefined && <ProblemAlert error={grantError} extra={grantExtra} className="mh-block" />}
            {account.grants.length === 0 ? (
              <p className="mh-muted">{t('accounts.noRoles')}</p>
            ) : (
              <ul className="mh-grant-list">
                {account.grants.map((grant) => (
                  <li key={grant.id}>
                    <span>{grantLabel(t, grant)}</span>
                    <Popconfirm
                      title={t('accounts.removeGrantConfirm')}
                      okText={t('common.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => removeGrant(grant.id)}
                    >
                      <Button size="small" danger loading={busy === grant.id} aria-label={t('accounts.removeGrant', { grant: grantLabel(t, grant) })}>
                        {t('common.remove')}
                      </Button>
                    </Popconfirm>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="mh-subsection-title">{t('accounts.addGrant')}</h3>
            <Form<GrantValues> form={grantForm} name="account-grant" layout="vertical" onFinish={addGrant} preserve={false}>
              <GrantFields form={grantForm} />
              <Button htmlType="submit" loading={busy === 'grant'}>
                {t('accounts.addGrant')}
              </Button>
            </Form>
          </section>

          <section aria-labelledby="account-password">
            <h2 id="account-password" className="mh-section-title">
              {t('accounts.resetPassword')}
            </h2>
            <p className="mh-muted">{t('accounts.resetHint')}</p>
            {resetError !== undefined && <ProblemAlert error={resetError} className="mh-block" />}
            {temporaryPassword ? (
              <OneTimeSecret label={t('accounts.temporaryPassword')} value={temporaryPassword} />
            ) : (
              <Popconfirm
                title={t('accounts.resetConfirm')}
                okText={t('accounts.resetPassword')}
                cancelText={t('common.cancel')}
                onConfirm={resetPassword}
              >
                <Button danger loading={busy === 'reset'}>
                  {t('accounts.resetPassword')}
                </Button>
              </Popconfirm>
            )}
          </section>
        </div>
      )}
    </Drawer>
  );
}
