import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Form, Input, InputNumber, Modal, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { Campaign, ConsultationSummary, ListResponse, SuggestionRollup, Territory } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { pageControls } from '../../components/page-controls.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { RollupView } from '../suggestions/suggestion-text.js';
import { ConsultationTable } from './consultations.page.js';

interface Values {
  title: string;
  theme: string;
  description?: string;
  startsOn: string;
  endsOn: string;
  targetEvents?: number | null;
  targetSuggestions?: number | null;
}
const FIELDS = ['title', 'theme', 'description', 'startsOn', 'endsOn', 'targetEvents', 'targetSuggestions'];
const PAGE_SIZE = 20;

/** Opens or edits a campaign (协商议事月). */
function CampaignModal({ campaign, onClose, onSaved }: { campaign: Campaign | 'new' | undefined; onClose: () => void; onSaved: (c: Campaign) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const existing = campaign && campaign !== 'new' ? campaign : undefined;

  async function submit(v: Values) {
    setBusy(true);
    setError(undefined);
    const body = { ...v, description: v.description ?? '', targetEvents: v.targetEvents ?? null, targetSuggestions: v.targetSuggestions ?? null };
    try {
      onSaved(existing ? await api.patch<Campaign>(`/campaigns/${existing.id}`, { ...body, version: existing.version }) : await api.post<Campaign>('/campaigns', body));
    } catch (err) {
      setExtra(applyFieldErrors(form, err, FIELDS));
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={campaign !== undefined} title={t(existing ? 'campaigns.edit' : 'campaigns.create')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form<Values> form={form} name="campaign" layout="vertical" onFinish={submit} initialValues={existing ?? {}}>
        <Form.Item name="title" label={t('campaigns.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="theme" label={t('campaigns.theme')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('campaigns.startsOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="endsOn" label={t('campaigns.endsOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="targetEvents" label={t('campaigns.targetEvents')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="targetSuggestions" label={t('campaigns.targetSuggestions')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="description" label={t('campaigns.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 协商议事月: themed series of events, with their dates and targets. */
export function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('campaigns.title'));
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useRequest((signal) => api.get<ListResponse<Campaign>>('/campaigns', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), String(page));
  const columns: TableColumnsType<Campaign> = [
    {
      title: t('campaigns.name'),
      dataIndex: 'title',
      render: (title: string, c) => (
        <Link to={`/workbench/campaigns/${c.id}`} aria-label={t('campaigns.viewFor', { name: title })}>
          {title}
        </Link>
      ),
    },
    { title: t('campaigns.theme'), dataIndex: 'theme' },
    { title: t('campaigns.period'), key: 'period', render: (_: unknown, c) => `${c.startsOn} – ${c.endsOn}` },
    { title: t('campaigns.events'), key: 'events', render: (_: unknown, c) => (c.targetEvents ? t('campaigns.progress', { events: c.events, target: c.targetEvents }) : c.events) },
  ];
  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('campaigns.title')}</h1>
        {can('campaigns:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('campaigns.create')}
          </Button>
        )}
      </div>
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      <Table<Campaign> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 'max-content' }} pagination={pageControls(t, page, PAGE_SIZE, list.data?.page.total, setPage)} />
      <CampaignModal
        campaign={creating ? 'new' : undefined}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          list.reload();
        }}
      />
    </div>
  );
}

/** One campaign: its details, targets and events. */
export function CampaignDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const [nonce, setNonce] = useState(0);
  const campaign = useRequest((signal) => api.get<Campaign>(`/campaigns/${id}`, undefined, signal), `${id}:${nonce}`);
  const events = useRequest((signal) => api.get<ListResponse<ConsultationSummary>>('/consultations', { campaignId: id, limit: 200 }, signal), id);
  // The figures come from the records: suggestions rolled up over the campaign's events, and
  // the towns/streets its events reached against those of its area (the district when unset).
  const rollup = useRequest((signal) => api.get<{ events: number; rollup: SuggestionRollup }>(`/public/campaigns/${id}/suggestion-rollup`, undefined, signal), `${id}:${nonce}`);
  const area = campaign.data?.territoryCode;
  const towns = useRequest(
    async (signal) => {
      const childrenOf = async (code: string) => (await api.get<ListResponse<Territory>>(`/territories/${encodeURIComponent(code)}/children`, { limit: 200 }, signal)).items;
      if (area) return childrenOf(area);
      // The deployment's district (one county): its towns/streets; with several, every town.
      const counties = (await api.get<ListResponse<Territory>>('/territories', { level: 'county', limit: 2 }, signal)).items;
      if (counties.length === 1) return childrenOf((counties[0] as Territory).code);
      return (await api.get<ListResponse<Territory>>('/territories', { level: 'town', limit: 200 }, signal)).items;
    },
    `${id}:${area ?? ''}`,
  );
  const covered = new Set((events.data?.items ?? []).map((e) => (e.territoryCode ?? '').slice(0, 9)).filter((code) => (towns.data ?? []).some((town) => town.code === code)));
  const [editing, setEditing] = useState(false);
  usePageTitle(campaign.data?.title ?? t('campaigns.title'));
  if (campaign.error) return <ProblemAlert error={campaign.error} className="mh-block" />;
  const c = campaign.data;
  if (!c) return null;
  return (
    <div className="mh-page">
      <p>
        <Link to="/workbench/campaigns">{t('campaigns.back')}</Link>
      </p>
      <div className="mh-page-head">
        <h1 className="mh-page-title">{c.title}</h1>
        <Link to={`/campaigns/${c.id}/progress`}>{t('dashboard.campaign.progressLink')}</Link>
        {can('campaigns:manage') && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      </div>
      <Descriptions bordered column={1} size="small" className="mh-block">
        <Descriptions.Item label={t('campaigns.theme')}>{c.theme}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.period')}>{`${c.startsOn} – ${c.endsOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.events')}>{c.targetEvents ? t('campaigns.progress', { events: c.events, target: c.targetEvents }) : c.events}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.targetSuggestions')}>{c.targetSuggestions ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.description')}>
          <div className="mh-pre-wrap">{c.description || '—'}</div>
        </Descriptions.Item>
      </Descriptions>
      <h2>{t('campaigns.figures')}</h2>
      {towns.data && towns.data.length > 0 && events.data && (
        <p className="mh-block">{t('campaigns.coverage', { covered: covered.size, towns: towns.data.length, events: events.data.page.total })}</p>
      )}
      {rollup.data && <RollupView t={t} rollup={rollup.data.rollup} />}
      <h2>{t('campaigns.eventsTitle')}</h2>
      <ConsultationTable items={events.data?.items ?? []} loading={events.loading} pagination={false} />
      <CampaignModal
        campaign={editing ? c : undefined}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          setNonce((n) => n + 1);
        }}
      />
    </div>
  );
}
