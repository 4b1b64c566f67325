import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ROLES, type Account, type AccountStatus, type ListResponse, type Role } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { AccountDrawer } from './account-drawer.js';
import { CreateAccountModal } from './create-account-modal.js';
import { pageControls } from '../../components/page-controls.js';

const PAGE_SIZE = 20;

interface Filters {
  q?: string;
  role?: Role;
  status?: AccountStatus;
}

/** Account administration: find, create, open one to edit roles, status and password. */
export function AccountsPage() {
  const { t } = useTranslation();
  usePageTitle(t('accounts.title'));
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string>();

  const list = useRequest(
    (signal) =>
      api.get<ListResponse<Account>>('/accounts', { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    JSON.stringify([filters, page]),
  );

  function apply(values: Filters) {
    setFilters({ q: values.q?.trim() || undefined, role: values.role, status: values.status });
    setPage(1);
  }

  const columns: TableColumnsType<Account> = [
    {
      title: t('accounts.displayName'),
      dataIndex: 'displayName',
      render: (_, account) => (
        <Button type="link" className="mh-cell-link" onClick={() => setOpenId(account.id)}>
          {account.displayName}
        </Button>
      ),
    },
    { title: t('accounts.username'), dataIndex: 'username', render: (v: string) => <code>{v}</code> },
    {
      title: t('accounts.roles'),
      key: 'roles',
      render: (_, account) =>
        account.grants.length === 0 ? (
          <span className="mh-muted">{t('accounts.noRoles')}</span>
        ) : (
          <span className="mh-tags">
            {account.grants.map((g) => (
              <Tag key={g.id}>{t(`roles.${g.role}`)}</Tag>
            ))}
          </span>
        ),
    },
    {
      title: t('accounts.status'),
      dataIndex: 'status',
      render: (status: AccountStatus, account) => (
        <Space size={4} wrap>
          <Badge status={status === 'active' ? 'success' : 'default'} text={t(`accounts.statuses.${status}`)} />
          {account.lockedUntil && new Date(account.lockedUntil) > new Date() && <Tag>{t('accounts.locked')}</Tag>}
        </Space>
      ),
    },
    { title: t('accounts.lastLoginAt'), dataIndex: 'lastLoginAt', render: (v: string | null) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, account) => (
        <Button size="small" onClick={() => setOpenId(account.id)} aria-label={t('accounts.openFor', { name: account.displayName })}>
          {t('common.details')}
        </Button>
      ),
    },
  ];

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('accounts.title')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('accounts.create')}
        </Button>
      </div>

      <Form<Filters> form={form} name="account-filters" layout="inline" className="mh-filters" onFinish={apply}>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input placeholder={t('accounts.searchPlaceholder')} maxLength={50} allowClear />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.role')}>
          <Select<Role>
            allowClear
            className="mh-filter-select"
            placeholder={t('common.all')}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={() => form.submit()}
          />
        </Form.Item>
        <Form.Item name="status" label={t('accounts.status')}>
          <Select<AccountStatus>
            allowClear
            className="mh-filter-select"
            placeholder={t('common.all')}
            options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`accounts.statuses.${s}`) }))}
            onChange={() => form.submit()}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('common.search')}</Button>
        </Form.Item>
      </Form>

      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      <Table<Account>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={pageControls(t, page, PAGE_SIZE, list.data?.page.total, setPage)}
      />

      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => list.reload()}
      />
      <AccountDrawer accountId={openId} onClose={() => setOpenId(undefined)} onChanged={() => list.reload()} />
    </div>
  );
}
