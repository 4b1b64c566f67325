import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Select, Table, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Query } from '../../api/client.js';
import { APPEAL_TEXT_SEARCH_WINDOW, type AppealSummary, type Category, type ListResponse } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { categoryName, clockLabel, currentClock, StateTag } from './appeal-text.js';
import { TerritoryPicker } from '../../components/remote-select.js';
import { pageControls } from '../../components/page-controls.js';

const PAGE_SIZE = 20;

type QueueKey = 'registered' | 'dispatched' | 'handling' | 'review' | 'feedback' | 'overdue' | 'all';

/** Each queue is a filter on the list: states, or the overdue flag. */
const QUEUES: readonly { key: QueueKey; query: Query }[] = [
  { key: 'registered', query: { state: 'registered' } },
  { key: 'dispatched', query: { state: 'dispatched' } },
  { key: 'handling', query: { state: 'signed,in_progress,extension_requested,return_requested' } },
  { key: 'review', query: { state: 'replied' } },
  { key: 'feedback', query: { state: 'awaiting_feedback,rated' } },
  { key: 'overdue', query: { overdue: 'true' } },
  { key: 'all', query: {} },
];

function queryOf(key: QueueKey): Query {
  return QUEUES.find((q) => q.key === key)?.query ?? {};
}

/** How many appeals each queue holds: one limit=1 request per queue, read from page.total. */
function useQueueCounts(): Partial<Record<QueueKey, number>> | undefined {
  const counts = useRequest(
    async (signal) =>
      Object.fromEntries(
        await Promise.all(
          QUEUES.map(async ({ key, query }) => [key, (await api.get<ListResponse<AppealSummary>>('/appeals', { ...query, limit: 1 }, signal)).page.total] as const),
        ),
      ) as Partial<Record<QueueKey, number>>,
    'counts',
  );
  return counts.data;
}

type SearchKind = 'q' | 'trackingNo' | 'phone';
const SEARCH_KINDS: readonly SearchKind[] = ['q', 'trackingNo', 'phone'];
const QUEUE_KEYS = QUEUES.map((q) => q.key);

interface SearchValues {
  kind: SearchKind;
  text?: string;
  territory?: string | null;
  categoryId?: string;
}

/** The view in the URL (queue, search, filters, page), so it can be shared and survives a reload. */
function useQueueView() {
  const [params, setParams] = useSearchParams();
  const queueParam = params.get('queue') as QueueKey | null;
  const kind = SEARCH_KINDS.find((k) => params.get(k)) ?? null;
  const view = {
    queue: queueParam && QUEUE_KEYS.includes(queueParam) ? queueParam : 'registered',
    kind,
    text: kind ? (params.get(kind) ?? '') : '',
    territory: params.get('territory') ?? undefined,
    categoryId: params.get('categoryId') ?? undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const update = (patch: Partial<Record<'queue' | 'q' | 'trackingNo' | 'phone' | 'territory' | 'categoryId' | 'page', string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  return { view, update };
}

/** 诉求工单: the appeals this person may work on, by queue, searchable, with the current deadline. */
export function AppealsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('appeals.title'));
  const { can } = useSession();
  const { view, update } = useQueueView();
  const [searchForm] = Form.useForm<SearchValues>();
  const kind = Form.useWatch('kind', searchForm) ?? view.kind ?? 'q';
  const counts = useQueueCounts();
  const categories = useRequest((signal) => api.get<{ items: Category[] }>('/categories', undefined, signal), 'categories');
  const searching = !!(view.kind || view.territory || view.categoryId);

  useEffect(() => {
    searchForm.setFieldsValue({ kind: view.kind ?? 'q', text: view.text || undefined, territory: view.territory ?? null, categoryId: view.categoryId });
  }, [searchForm, view.kind, view.text, view.territory, view.categoryId]);

  // A tracking number or phone identifies appeals in any queue; words search within the queue.
  const byIdentifier = view.kind === 'trackingNo' || view.kind === 'phone';
  const query: Query = {
    ...(byIdentifier ? {} : queryOf(view.queue)),
    ...(view.kind ? { [view.kind]: view.text } : {}),
    territory: view.territory,
    categoryId: view.categoryId,
  };
  const list = useRequest(
    (signal) => api.get<ListResponse<AppealSummary>>('/appeals', { ...query, limit: PAGE_SIZE, offset: (view.page - 1) * PAGE_SIZE }, signal),
    JSON.stringify([query, view.page]),
  );

  const columns: TableColumnsType<AppealSummary> = [
    {
      title: t('appeals.trackingNo'),
      dataIndex: 'trackingNo',
      render: (no: string, appeal) => (
        <Link to={`/workbench/appeals/${appeal.id}`} aria-label={t('appeals.open', { no })} className="mh-cell-link">
          <code>{no}</code>
        </Link>
      ),
    },
    { title: t('appeals.category'), key: 'category', render: (_: unknown, a) => categoryName(i18n.language, a.category) },
    { title: t('appeals.description'), dataIndex: 'description', render: (d: string) => <span className="mh-clamp">{d}</span> },
    { title: t('appeals.state'), dataIndex: 'state', render: (state: string) => <StateTag state={state} /> },
    {
      title: t('appeals.due'),
      key: 'due',
      render: (_: unknown, a) => {
        const clock = currentClock(a.clocks);
        if (!clock) return '—';
        return (
          <span className={clock.overdue ? 'mh-overdue' : undefined} style={clock.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
            <span className="mh-muted">{clockLabel(t, clock.kind)}</span> {formatDateTime(clock.dueAt)}
            {clock.overdue && <> · {t('appeals.overdue')}</>}
          </span>
        );
      },
    },
    { title: t('appeals.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];

  const textRules = {
    q: [{ max: 100 }],
    trackingNo: [{ pattern: /^\d{0,8}-?\d{0,5}$/, message: t('appeals.search.trackingHint') }],
    phone: [{ pattern: /^[\d-]{4,13}$/, message: t('appeals.search.phoneHint') }],
  }[kind];

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('appeals.title')}</h1>
        {can('appeals:register') && (
          <Link to="/workbench/appeals/new" className="mh-button-link">
            <PlusOutlined aria-hidden="true" /> {t('appeals.create')}
          </Link>
        )}
      </div>
      <Radio.Group
        aria-label={t('appeals.queueLabel')}
        role="radiogroup"
        optionType="button"
        value={byIdentifier ? undefined : view.queue}
        onChange={(e) => update({ queue: e.target.value as QueueKey, ...(byIdentifier ? { trackingNo: undefined, phone: undefined } : {}) })}
        className="mh-block"
        style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
        options={QUEUES.map(({ key }) => ({
          value: key,
          label:
            counts?.[key] === undefined ? t(`appeals.queues.${key}`) : t('appeals.queueCount', { name: t(`appeals.queues.${key}`), count: counts[key] }),
        }))}
      />
      <Form<SearchValues>
        form={searchForm}
        name="appeal-search"
        layout="inline"
        className="mh-filters"
        initialValues={{ kind: 'q' }}
        onFinish={(v) => {
          const text = v.text?.trim() || undefined;
          update({ q: undefined, trackingNo: undefined, phone: undefined, ...(text ? { [v.kind]: text } : {}), territory: v.territory ?? undefined, categoryId: v.categoryId });
        }}
      >
        <Form.Item name="kind" label={t('appeals.search.kindLabel')}>
          <Select<SearchKind>
            style={{ width: 120 }}
            options={SEARCH_KINDS.map((k) => ({ value: k, label: t(`appeals.search.kinds.${k}`) }))}
            onChange={() => searchForm.validateFields(['text']).catch(() => undefined)}
          />
        </Form.Item>
        <Form.Item name="text" label={t('appeals.search.textLabel')} rules={textRules}>
          <Input
            placeholder={t(`appeals.search.placeholders.${kind}`)}
            maxLength={kind === 'q' ? 100 : 14}
            allowClear
            inputMode={kind === 'q' ? 'text' : 'numeric'}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="territory" label={t('appeals.search.territory')}>
          <TerritoryPicker aria-label={t('appeals.search.territory')} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('appeals.search.category')}>
          <Select<string>
            allowClear
            style={{ width: 160 }}
            loading={categories.loading}
            options={(categories.data?.items ?? []).filter((c) => c.parentId).map((c) => ({ value: c.id, label: categoryName(i18n.language, c) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        {searching && (
          <Form.Item>
            <Button onClick={() => update({ q: undefined, trackingNo: undefined, phone: undefined, territory: undefined, categoryId: undefined })}>
              {t('appeals.clearSearch')}
            </Button>
          </Form.Item>
        )}
      </Form>
      {view.kind === 'q' && <p className="mh-muted">{t('appeals.search.rankedNote', { count: APPEAL_TEXT_SEARCH_WINDOW })}</p>}
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      <Table<AppealSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={pageControls(t, view.page, PAGE_SIZE, list.data?.page.total, (page) => update({ page: String(page) }))}
      />
    </div>
  );
}
