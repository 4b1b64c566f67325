import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.js';
import { VENUE_KINDS, type ListResponse, type Venue, type VenueKind } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { pageControls } from '../../components/page-controls.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { kindLabel } from './venue-text.js';
import { VenueModal } from './venue-modal.js';

const PAGE_SIZE = 20;

interface Filters {
  q?: string;
  kind?: VenueKind;
}

/** 议事场所: halls, stations and member studios; venues:manage opens new ones. */
export function VenuesPage() {
  const { t } = useTranslation();
  usePageTitle(t('venues.title'));
  const { can } = useSession();
  const navigate = useNavigate();
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);

  const list = useRequest(
    (signal) => api.get<ListResponse<Venue>>('/venues', { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    JSON.stringify([filters, page]),
  );

  const columns: TableColumnsType<Venue> = [
    {
      title: t('venues.name'),
      dataIndex: 'name',
      render: (name: string, v) => (
        <Link to={`/workbench/venues/${v.id}`} aria-label={t('venues.viewFor', { name })}>
          {name}
        </Link>
      ),
    },
    { title: t('venues.kind'), key: 'kind', render: (_: unknown, v) => kindLabel(t, v) },
    { title: t('venues.territory'), dataIndex: 'territoryName', render: (n: string | null) => n ?? '—' },
    { title: t('venues.address'), dataIndex: 'address' },
    { title: t('venues.head'), dataIndex: 'head', render: (h: Venue['head']) => h?.name ?? '—' },
    {
      title: t('venues.active'),
      dataIndex: 'active',
      render: (active: boolean) => <Badge status={active ? 'success' : 'default'} text={active ? t('venues.activeYes') : t('venues.activeNo')} />,
    },
  ];

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('venues.title')}</h1>
        {can('venues:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('venues.create')}
          </Button>
        )}
      </div>
      <Form<Filters>
        form={filterForm}
        name="venue-filters"
        layout="inline"
        className="mh-filters"
        onFinish={(v) => {
          setFilters({ q: v.q?.trim() || undefined, kind: v.kind });
          setPage(1);
        }}
      >
        <Form.Item name="q" label={t('common.keyword')}>
          <Input placeholder={t('venues.searchPlaceholder')} maxLength={50} allowClear />
        </Form.Item>
        <Form.Item name="kind" label={t('venues.kind')}>
          <Select<VenueKind>
            allowClear
            className="mh-filter-select"
            placeholder={t('common.all')}
            options={VENUE_KINDS.map((k) => ({ value: k, label: t(`venues.kinds.${k}`) }))}
            onChange={() => filterForm.submit()}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('common.search')}</Button>
        </Form.Item>
      </Form>
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      <Table<Venue>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={pageControls(t, page, PAGE_SIZE, list.data?.page.total, setPage)}
      />
      <VenueModal venue={creating ? 'new' : undefined} onClose={() => setCreating(false)} onSaved={(v) => navigate(`/workbench/venues/${v.id}`)} />
    </div>
  );
}
