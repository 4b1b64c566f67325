import { App, Button, Card, Descriptions, Empty, Input, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { OnlineAdminDetail, OnlineStatementRow, OpinionMapView } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { Chip } from '../suggestions/suggestion-text.js';
import { percent } from './map-numbers.js';
import { OpinionMap } from './opinion-map.js';
import { candidates } from './promotable.js';
import { STATEMENT_MAX } from './participant.js';
import { useLiveMap } from './use-live-map.js';

type Decision = 'accept' | 'reject' | 'meta';
const STATUS_COLOURS = { pending: 'gold', accepted: 'blue', rejected: 'grey' } as const;

/** The decisions that would change a statement: a pending one can go any way; a decided one can be turned round. */
function decisionsFor(s: OnlineStatementRow): Decision[] {
  if (s.status === 'pending') return ['accept', 'reject', 'meta'];
  if (s.status === 'rejected') return ['accept'];
  return s.meta ? ['accept', 'reject'] : ['reject', 'meta'];
}

/** 线上微协商 for its organiser: seed statements, moderation queue, the live map, promotion to suggestions, closing. */
export function OnlineAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const loaded = useRequest((signal) => api.get<OnlineAdminDetail>(`/online-consultations/${id}`, undefined, signal), id);
  const [data, setData] = useState<OnlineAdminDetail>();
  useEffect(() => setData(loaded.data), [loaded.data]);
  usePageTitle(data?.title ?? t('online.title'));
  const live = useLiveMap(id, null);
  // Reloads the detail; only the latest of overlapping reloads is shown (an older answer may arrive last).
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    const n = ++latest.current;
    const d = await api.get<OnlineAdminDetail>(`/online-consultations/${id}`);
    if (n === latest.current) setData(d);
  }, [id]);
  // A newer map means new votes or decisions: the statement counts follow it.
  const mapVersion = live.map?.version ?? 0;
  useEffect(() => {
    if (mapVersion > 0) refresh().catch(() => undefined);
  }, [refresh, mapVersion]);
  const [seed, setSeed] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  async function act(key: string, run: () => Promise<unknown>, done: string) {
    setBusy(key);
    setError(undefined);
    try {
      await run();
      await refresh();
      message.success(done);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(undefined);
    }
  }

  if (loaded.error)
    return (
      <div className="mh-page">
        <h1 className="mh-page-title">{t('online.title')}</h1>
        <ProblemAlert error={loaded.error} className="mh-block" />
      </div>
    );
  const c = data;
  if (!c) return null;
  const open = c.state === 'open';
  const byId = new Map(c.statements.map((s) => [s.id, s]));
  const pending = c.statements.filter((s) => s.status === 'pending');
  const eventId = c.event?.id;

  const moderate = (s: OnlineStatementRow, decision: Decision) =>
    act(`${s.id}:${decision}`, () => api.post(`/online-consultations/${id}/statements/${s.id}/moderation`, { decision }), t(`online.admin.decided.${decision}`));

  const decisionButtons = (s: OnlineStatementRow) => (
    <Space wrap>
      {decisionsFor(s).map((d) => (
        <Button key={d} size="small" loading={busy === `${s.id}:${d}`} danger={d === 'reject'} onClick={() => void moderate(s, d)} aria-label={t(`online.admin.decisionFor.${d}`, { seq: s.seq })}>
          {t(`online.admin.decisions.${d}`)}
        </Button>
      ))}
    </Space>
  );

  const columns: TableColumnsType<OnlineStatementRow> = [
    { title: '#', dataIndex: 'seq', width: 56 },
    { title: t('online.admin.text'), dataIndex: 'text', render: (v: string) => <span className="mh-pre-wrap">{v}</span> },
    { title: t('online.admin.origin'), dataIndex: 'origin', render: (v: OnlineStatementRow['origin']) => t(`online.admin.origins.${v}`) },
    {
      title: t('online.admin.status'),
      dataIndex: 'status',
      render: (v: OnlineStatementRow['status'], s) => (
        <>
          <Chip colour={STATUS_COLOURS[v]}>{t(`online.admin.statuses.${v}`)}</Chip>
          {s.meta && <Chip>{t('online.admin.meta')}</Chip>}
        </>
      ),
    },
    {
      title: t('online.admin.votes'),
      dataIndex: 'votes',
      render: (v: number, s) => (v > 0 ? t('online.map.cell', { agree: percent(s.agree, v), disagree: percent(s.disagree, v), pass: percent(s.pass, v), votes: v }) : t('online.map.noVotes')),
    },
    { title: t('online.admin.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    ...(open ? [{ title: t('online.admin.actions'), key: 'actions', render: (_: unknown, s: OnlineStatementRow) => decisionButtons(s) }] : []),
  ];

  const promotable = live.map && live.map.version > 0 ? candidates(live.map) : [];

  return (
    <div className="mh-page">
      <p>{eventId ? <Link to={`/workbench/consultations/${eventId}`}>{t('online.admin.back', { title: c.event?.title })}</Link> : <Link to="/workbench/topics">{t('online.admin.backTopics')}</Link>}</p>
      <div className="mh-page-head">
        <h1 className="mh-page-title">{c.title}</h1>
        <Space wrap>
          <Chip colour={open ? 'blue' : 'grey'}>{t(`online.states.${c.state}`)}</Chip>
          <Link to={`/online/${c.id}`}>{t('online.admin.publicPage')}</Link>
          {open && (
            <Popconfirm title={t('online.admin.closeConfirm')} okText={t('online.admin.close')} cancelText={t('common.cancel')} onConfirm={() => act('close', () => api.post(`/online-consultations/${id}/close`), t('online.admin.closed'))}>
              <Button danger loading={busy === 'close'}>
                {t('online.admin.close')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {error !== undefined && <ProblemAlert error={error} className="mh-block" />}
      <Descriptions bordered column={1} size="small" className="mh-block">
        <Descriptions.Item label={t('online.admin.identity')}>{t(`online.identities.${c.identity}`)}</Descriptions.Item>
        <Descriptions.Item label={t('online.admin.moderation')}>{t(`online.moderations.${c.moderation}`)}</Descriptions.Item>
        <Descriptions.Item label={t('online.admin.figures')}>{t('online.facts', { participants: c.participants, statements: c.statements.length, votes: c.votes })}</Descriptions.Item>
        {c.topic && <Descriptions.Item label={t('online.admin.topic')}>{c.topic.title}</Descriptions.Item>}
        <Descriptions.Item label={t('online.admin.description')}>
          <div className="mh-pre-wrap">{c.description || '—'}</div>
        </Descriptions.Item>
      </Descriptions>
      {open && (
        <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{t('online.admin.seedTitle')}</h2>}>
          <label htmlFor="online-seed">{t('online.admin.seedLabel')}</label>
          <Input.TextArea id="online-seed" rows={2} maxLength={STATEMENT_MAX} showCount value={seed} onChange={(e) => setSeed(e.target.value)} />
          <Button
            className="mh-block-top"
            type="primary"
            loading={busy === 'seed'}
            disabled={[...seed.trim()].length < 2}
            onClick={async () => {
              if (await act('seed', () => api.post(`/online-consultations/${id}/statements`, { text: seed.trim() }), t('online.admin.seeded'))) setSeed('');
            }}
          >
            {t('online.admin.seedSubmit')}
          </Button>
        </Card>
      )}
      <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{t('online.admin.queue', { count: pending.length })}</h2>}>
        {pending.length === 0 ? (
          <Empty description={t('online.admin.queueEmpty')} />
        ) : (
          <ul className="mh-map-lines" data-testid="online-queue">
            {pending.map((s) => (
              <li key={s.id} className="mh-map-line">
                <span className="mh-map-seq">#{s.seq}</span> <span className="mh-pre-wrap">{s.text}</span> <span className="mh-muted">{formatDateTime(s.createdAt)}</span>
                {open && <div>{decisionButtons(s)}</div>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{t('online.map.title')}</h2>}>
        {live.error !== undefined && <ProblemAlert error={live.error} className="mh-block" />}
        {live.map && (
          <OpinionMap map={live.map}>
            <section className="mh-map-section" aria-labelledby="online-promote">
              <h3 id="online-promote">{t('online.admin.promoteTitle')}</h3>
              <p className="mh-muted">{eventId ? t('online.admin.promoteLead') : t('online.admin.promoteNoEvent')}</p>
              {promotable.length === 0 ? (
                <p className="mh-muted">{t('online.map.none')}</p>
              ) : (
                <ul className="mh-map-lines" data-testid="online-promotable">
                  {promotable.map((p) => {
                    const row = byId.get(p.statementId);
                    return (
                      <li key={p.statementId} className="mh-map-line">
                        <Chip colour={p.why === 'consensus' ? 'purple' : 'cyan'}>{t(`online.admin.why.${p.why}`)}</Chip>
                        <span className="mh-map-seq">#{p.seq}</span> <span>{p.text}</span>{' '}
                        <span className="mh-muted">{t('online.map.agreeShare', { percent: p.agreePercent })}</span>
                        <div>
                          {row?.suggestionId ? (
                            <Link to={`/workbench/suggestions/${row.suggestionId}`}>{t('online.admin.promoted')}</Link>
                          ) : (
                            eventId && (
                              <Button
                                size="small"
                                loading={busy === `promote:${p.statementId}`}
                                aria-label={t('online.admin.promoteFor', { seq: p.seq })}
                                onClick={() => void act(`promote:${p.statementId}`, () => api.post(`/online-consultations/${id}/statements/${p.statementId}/promote`), t('online.admin.promotedDone'))}
                              >
                                {t('online.admin.promote')}
                              </Button>
                            )
                          )}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          </OpinionMap>
        )}
      </Card>
      <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{t('online.admin.statements')}</h2>}>
        <Table<OnlineStatementRow> rowKey="id" size="small" columns={columns} dataSource={c.statements} pagination={c.statements.length > 50 ? { pageSize: 50 } : false} scroll={{ x: 'max-content' }} />
      </Card>
    </div>
  );
}
