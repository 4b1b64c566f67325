import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { PERMISSIONS, type ApiToken, type ListResponse, type Permission } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { OneTimeSecret } from '../../components/one-time-secret.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { AccountPicker } from '../../components/remote-select.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { pageControls } from '../../components/page-controls.js';

const PAGE_SIZE = 20;
const EXPIRY_DAYS = [30, 90, 365] as const;

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiToken): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

/** API tokens for integrations: list, create (secret shown once), revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  usePageTitle(t('tokens.title'));
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>();
  const list = useRequest(
    (signal) => api.get<ListResponse<ApiToken>>('/tokens', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    String(page),
  );

  async function revoke(token: ApiToken) {
    setRevokeError(undefined);
    try {
      await api.delete(`/tokens/${token.id}`);
      message.success(t('tokens.revoked'));
      list.reload();
    } catch (err) {
      setRevokeError(err);
    }
  }

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
    { title: t('tokens.prefix'), dataIndex: 'prefix', render: (prefix: string) => <code>{prefix}…</code> },
    { title: t('tokens.account'), dataIndex: 'accountUsername', render: (v: string) => <code>{v}</code> },
    {
      title: t('tokens.scopes'),
      dataIndex: 'scopes',
      render: (scopes: string[]) => (
        <span className="mh-tags">
          {scopes.map((s) => (
            <Tag key={s}>{(PERMISSIONS as readonly string[]).includes(s) ? t(`permissions.${s as Permission}`) : s}</Tag>
          ))}
        </span>
      ),
    },
    {
      title: t('tokens.state'),
      key: 'state',
      render: (_, token) => {
        const state = stateOf(token);
        return <Badge status={state === 'active' ? 'success' : 'default'} text={t(`tokens.states.${state}`)} />;
      },
    },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.never')) },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: token.name })}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke(token)}
          >
            <Button size="small" danger aria-label={t('tokens.revokeFor', { name: token.name })}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('tokens.title')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      </div>
      <p className="mh-muted">{t('tokens.intro')}</p>
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      {revokeError !== undefined && <ProblemAlert error={revokeError} className="mh-block" />}
      <Table<ApiToken>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={pageControls(t, page, PAGE_SIZE, list.data?.page.total, setPage)}
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} onCreated={() => list.reload()} />
    </div>
  );
}

interface TokenValues {
  name: string;
  accountId: string;
  scopes: Permission[];
  expiresInDays: number;
}

function CreateTokenModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TokenValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [secret, setSecret] = useState<string>();

  function close() {
    setError(undefined);
    setSecret(undefined);
    onClose();
  }

  async function submit(values: TokenValues) {
    setBusy(true);
    setError(undefined);
    try {
      const expiresAt = values.expiresInDays ? new Date(Date.now() + values.expiresInDays * 86_400_000).toISOString() : undefined;
      const created = await api.post<{ token: ApiToken; secret: string }>('/tokens', {
        name: values.name.trim(),
        accountId: values.accountId,
        scopes: values.scopes,
        ...(expiresAt ? { expiresAt } : {}),
      });
      setSecret(created.secret);
      onCreated();
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, ['name', 'accountId', 'scopes']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('tokens.createTitle')}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        secret ? (
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
      {secret ? (
        <OneTimeSecret label={t('tokens.secret')} value={secret} />
      ) : (
        <>
          {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
          <Form<TokenValues>
            form={form}
            name="create-token"
            layout="vertical"
            onFinish={submit}
            initialValues={{ scopes: [], expiresInDays: 90 }}
            preserve={false}
          >
            <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="accountId" label={t('tokens.account')} rules={[{ required: true }]} extra={t('tokens.accountHint')}>
              <AccountPicker />
            </Form.Item>
            <Form.Item name="scopes" label={t('tokens.scopes')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Checkbox.Group className="mh-checkbox-column" options={PERMISSIONS.map((p) => ({ value: p, label: t(`permissions.${p}`) }))} />
            </Form.Item>
            <Form.Item name="expiresInDays" label={t('tokens.expiry')}>
              <Select<number>
                options={[
                  ...EXPIRY_DAYS.map((d) => ({ value: d, label: t('tokens.expiresInDays', { count: d }) })),
                  { value: 0, label: t('tokens.never') },
                ]}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
