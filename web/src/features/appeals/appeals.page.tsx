import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Query } from '../../api/client.js';
import type { AppealSummary, ListResponse } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { categoryName, clockLabel, currentClock, StateTag } from './appeal-text.js';
import { TRACKING_NO } from './tracking-no.js';
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

/** 诉求工单: the appeals this person may work on, by queue, with the current deadline. */
export function AppealsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('appeals.title'));
  const { can } = useSession();
  const [queue, setQueue] = useState<QueueKey>('registered');
  const [trackingNo, setTrackingNo] = useState<string>();
  const [page, setPage] = useState(1);
  const [searchForm] = Form.useForm<{ trackingNo?: string }>();
  const counts = useQueueCounts();

  const list = useRequest(
    (signal) =>
      api.get<ListResponse<AppealSummary>>(
        '/appeals',
        { ...(trackingNo ? { trackingNo } : queryOf(queue)), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        signal,
      ),
    JSON.stringify([queue, trackingNo, page]),
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
        value={trackingNo ? undefined : queue}
        onChange={(e) => {
          setQueue(e.target.value as QueueKey);
          setTrackingNo(undefined);
          searchForm.resetFields();
          setPage(1);
        }}
        className="mh-block"
        style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
        options={QUEUES.map(({ key }) => ({
          value: key,
          label:
            counts?.[key] === undefined ? t(`appeals.queues.${key}`) : t('appeals.queueCount', { name: t(`appeals.queues.${key}`), count: counts[key] }),
        }))}
      />
      <Form<{ trackingNo?: string }>
        form={searchForm}
        name="appeal-search"
        layout="inline"
        className="mh-filters"
        onFinish={(v) => {
          setTrackingNo(v.trackingNo?.trim() || undefined);
          setPage(1);
        }}
      >
        <Form.Item
          name="trackingNo"
          label={t('appeals.searchLabel')}
          rules={[{ pattern: TRACKING_NO, message: t('appeals.trackingFormat') }]}
        >
          <Input placeholder={t('appeals.searchPlaceholder')} maxLength={14} allowClear inputMode="numeric" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('common.search')}</Button>
        </Form.Item>
        {trackingNo && (
          <Form.Item>
            <Button
              onClick={() => {
                searchForm.resetFields();
                setTrackingNo(undefined);
              }}
            >
              {t('appeals.clearSearch')}
            </Button>
          </Form.Item>
        )}
      </Form>
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      <Table<AppealSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={pageControls(t, page, PAGE_SIZE, list.data?.page.total, setPage)}
      />
    </div>
  );
}
