import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.js';
import { CONSULTATION_STATES, type Campaign, type ConsultationState, type ConsultationSummary, type ListResponse, type Venue } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { pageControls } from '../../components/page-controls.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { ConsultationModal } from './consultation-modal.js';
import { STATE_COLORS } from './consultation-text.js';

const PAGE_SIZE = 20;

interface Filters {
  campaignId?: string;
  venueId?: string;
  state?: ConsultationState;
}

/** The events table: title, venue, state, current step and what it lacks. */
export function ConsultationTable({ items, loading, pagination }: { items: ConsultationSummary[]; loading: boolean; pagination?: ReturnType<typeof pageControls> | false }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ConsultationSummary> = [
    {
      title: t('consultations.name'),
      dataIndex: 'title',
      render: (title: string, c) => (
        <Link to={`/workbench/consultations/${c.id}`} aria-label={t('consultations.viewFor', { name: title })}>
          {title}
        </Link>
      ),
    },
    { title: t('consultations.startsAt'), dataIndex: 'startsAt', render: (v: string) => formatDateTime(v) },
    { title: t('consultations.venue'), dataIndex: 'venueName', render: (v: string | null) => v ?? t('consultations.online') },
    { title: t('consultations.state'), dataIndex: 'state', render: (s: ConsultationState) => <Tag color={STATE_COLORS[s]}>{t(`consultations.states.${s}`)}</Tag> },
    { title: t('consultations.currentStep'), key: 'step', render: (_: unknown, c) => c.currentStep?.label ?? '—' },
    {
      title: t('consultations.missing'),
      dataIndex: 'missing',
      render: (missing: ConsultationSummary['missing']) =>
        missing.length === 0 ? <span className="mh-muted">{t('consultations.nothingMissing')}</span> : missing.map((k) => <Tag key={k} color="red">{t(`consultations.kinds.${k}`)}</Tag>),
    },
    { title: t('consultations.attendees'), dataIndex: 'attendees' },
  ];
  return <Table<ConsultationSummary> rowKey="id" columns={columns} dataSource={items} loading={loading} scroll={{ x: 'max-content' }} pagination={pagination} />;
}

/** 协商活动: the workbench list with filters; `mine` shows only the events the person runs (站长's view). */
export function ConsultationsPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t(mine ? 'consultations.mineTitle' : 'consultations.title'));
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useRequest(
    (signal) => api.get<ListResponse<ConsultationSummary>>('/consultations', { ...filters, ...(mine ? { mine: 'true' } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    JSON.stringify([filters, page, mine]),
  );
  const campaigns = useRequest((signal) => api.get<ListResponse<Campaign>>('/campaigns', { limit: 200 }, signal), 'campaigns');
  const venues = useRequest((signal) => api.get<ListResponse<Venue>>('/venues', { limit: 200 }, signal), 'venues');
  const set = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t(mine ? 'consultations.mineTitle' : 'consultations.title')}</h1>
        {can('consultations:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('consultations.create')}
          </Button>
        )}
      </div>
      {mine && <p className="mh-muted">{t('consultations.mineIntro')}</p>}
      <Form name="consultation-filters" layout="inline" className="mh-filters">
        <Form.Item label={t('consultations.filters.campaign')}>
          <Select allowClear aria-label={t('consultations.filters.campaign')} className="mh-filter-select" placeholder={t('common.all')} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} onChange={(v?: string) => set({ campaignId: v })} />
        </Form.Item>
        {!mine && (
          <Form.Item label={t('consultations.filters.venue')}>
            <Select allowClear showSearch optionFilterProp="label" aria-label={t('consultations.filters.venue')} className="mh-filter-select" placeholder={t('common.all')} options={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))} onChange={(v?: string) => set({ venueId: v })} />
          </Form.Item>
        )}
        <Form.Item label={t('consultations.filters.state')}>
          <Select<ConsultationState> allowClear aria-label={t('consultations.filters.state')} className="mh-filter-select" placeholder={t('common.all')} options={CONSULTATION_STATES.map((s) => ({ value: s, label: t(`consultations.states.${s}`) }))} onChange={(v?: ConsultationState) => set({ state: v })} />
        </Form.Item>
      </Form>
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      <ConsultationTable items={list.data?.items ?? []} loading={list.loading} pagination={pageControls(t, page, PAGE_SIZE, list.data?.page.total, setPage)} />
      <ConsultationModal open={creating} onClose={() => setCreating(false)} onSaved={(c) => navigate(`/workbench/consultations/${c.id}`)} />
    </div>
  );
}
