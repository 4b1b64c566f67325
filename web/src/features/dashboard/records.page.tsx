import { Alert, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { FigureRecord, RecordsResponse } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { pageControls } from '../../components/page-controls.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { filtersOf, isFigureKey, keyOf, queryOf } from './filters.js';
import './dashboard.css';

const PAGE_SIZE = 20;

/** The records behind one figure: for a rate, its denominator's rows, each counted or not. */
export function DashboardRecordsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const figureParam = params.get('figure');
  const figure = isFigureKey(figureParam) ? figureParam : null;
  const filters = filtersOf(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const name = figure ? t(`dashboard.figures.${figure}.name`) : t('dashboard.recordsTitle');
  usePageTitle(t('dashboard.recordsOfTitle', { name }));
  const records = useRequest(
    (signal) => (figure ? api.get<RecordsResponse>('/public/records', { figure, ...filters, page, pageSize: PAGE_SIZE }, signal) : Promise.resolve(null)),
    `${figure ?? ''}:${keyOf(filters)}:${page}`,
  );
  const en = i18n.language === 'en';
  const counted: TableColumnsType<FigureRecord>[number] = {
    title: t('dashboard.recordColumns.counted'),
    key: 'counted',
    render: (_: unknown, r) => (r.counted ? <Tag className="mh-tag-counted">{t('dashboard.counted')}</Tag> : <Tag>{t('dashboard.notCounted')}</Tag>),
  };
  // States and decisions are named as their own pages name them; an unknown one shows as sent.
  const label = (key: string, s: string) => t(key as never, { defaultValue: s }) as string;
  const state = (r: FigureRecord, s: string) =>
    label(r.kind === 'appeal' ? `appeals.states.${s}` : r.kind === 'suggestion' ? `suggestions.states.${s}` : r.kind === 'event' ? `consultations.states.${s}` : `topics.states.${s}`, s);
  const link = (r: FigureRecord, text: string) => (r.href ? <Link to={r.href}>{text}</Link> : text);

  const columns: Record<RecordsResponse['kind'], TableColumnsType<FigureRecord>> = {
    appeal: [
      { title: t('dashboard.recordColumns.trackingNo'), key: 'no', render: (_: unknown, r) => (r.kind === 'appeal' ? <code>{r.trackingNo}</code> : null) },
      { title: t('dashboard.recordColumns.category'), key: 'cat', render: (_: unknown, r) => (r.kind === 'appeal' ? (en ? r.categoryEn || r.category : r.category) : null) },
      { title: t('dashboard.recordColumns.town'), key: 'town', render: (_: unknown, r) => (r.kind === 'appeal' ? r.townName : null) },
      { title: t('dashboard.recordColumns.month'), key: 'month', render: (_: unknown, r) => (r.kind === 'appeal' ? r.month : null) },
      { title: t('dashboard.recordColumns.state'), key: 'state', render: (_: unknown, r) => (r.kind === 'appeal' ? state(r, r.state) : null) },
      counted,
    ],
    suggestion: [
      { title: t('dashboard.recordColumns.suggestion'), key: 'text', render: (_: unknown, r) => (r.kind === 'suggestion' ? <span className="mh-clamp">{link(r, r.text)}</span> : null) },
      { title: t('dashboard.recordColumns.event'), key: 'event', render: (_: unknown, r) => (r.kind === 'suggestion' ? r.eventTitle : null) },
      { title: t('dashboard.recordColumns.state'), key: 'state', render: (_: unknown, r) => (r.kind === 'suggestion' ? state(r, r.state) : null) },
      { title: t('dashboard.recordColumns.decision'), key: 'decision', render: (_: unknown, r) => (r.kind === 'suggestion' ? (r.decision ? label(`suggestions.decisions.${r.decision}`, r.decision) : '—') : null) },
      counted,
    ],
    event: [
      { title: t('dashboard.recordColumns.event'), key: 'title', render: (_: unknown, r) => (r.kind === 'event' ? link(r, r.title) : null) },
      { title: t('dashboard.recordColumns.venue'), key: 'venue', render: (_: unknown, r) => (r.kind === 'event' ? (r.venueName ?? '—') : null) },
      { title: t('dashboard.recordColumns.startsAt'), key: 'at', render: (_: unknown, r) => (r.kind === 'event' ? formatDateTime(r.startsAt) : null) },
      { title: t('dashboard.recordColumns.state'), key: 'state', render: (_: unknown, r) => (r.kind === 'event' ? state(r, r.state) : null) },
      counted,
    ],
    topic: [
      { title: t('dashboard.recordColumns.topic'), key: 'title', render: (_: unknown, r) => (r.kind === 'topic' ? link(r, r.title) : null) },
      { title: t('dashboard.recordColumns.town'), key: 'town', render: (_: unknown, r) => (r.kind === 'topic' ? (r.townName ?? '—') : null) },
      { title: t('dashboard.recordColumns.filedAt'), key: 'at', render: (_: unknown, r) => (r.kind === 'topic' ? formatDateTime(r.filedAt) : null) },
      counted,
    ],
  };

  const rowKey = (r: FigureRecord) => (r.kind === 'appeal' ? r.trackingNo : r.id);
  const data = records.data;
  return (
    <div className="mh-page mh-dashboard">
      <p>
        <Link to={`/dashboard?${queryOf(filters)}`} data-testid="records-back">
          {t('dashboard.backToDashboard')}
        </Link>
      </p>
      <h1 className="mh-page-title">{t('dashboard.recordsOfTitle', { name })}</h1>
      {figure && <p className="mh-muted">{t(`dashboard.figures.${figure}.formula`)}</p>}
      {!figure && <Alert type="warning" showIcon title={t('dashboard.unknownFigure')} />}
      {records.error && <ProblemAlert error={records.error} className="mh-block" />}
      {data && (
        <p className="mh-block" data-testid="records-total">
          {t('dashboard.recordsTotal', { count: data.total, counted: data.items.filter((r) => r.counted).length })}
        </p>
      )}
      {figure && (
        <Table<FigureRecord>
          rowKey={rowKey}
          columns={columns[data?.kind ?? 'appeal']}
          dataSource={data?.items ?? []}
          loading={records.loading}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'record-row' }) as HTMLAttributes<HTMLElement>}
          pagination={pageControls(t, page, PAGE_SIZE, data?.total, (p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next);
          })}
        />
      )}
    </div>
  );
}
