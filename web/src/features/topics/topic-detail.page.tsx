import { Button, Card, Descriptions, Empty, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { Topic, TopicAction } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { NotFoundPage, PageLoading } from '../../components/status-pages.js';
import { TerritoryName } from '../../components/territory-name.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { StateTag } from '../appeals/appeal-text.js';
import { TopicActionModal } from './topic-action-modal.js';
import { TopicModal, type TopicDraft } from './topic-modal.js';
import { TopicStateTag, topicEventLabel, topicStateLabel } from './topic-text.js';

type LinkedAppeal = Topic['appeals'][number];

/** One topic: its text, the appeals it grew from, the review history and what this person may do now. */
export function TopicDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const [action, setAction] = useState<TopicAction>();
  const [editing, setEditing] = useState<TopicDraft>();
  const [fresh, setFresh] = useState<Topic>();
  const loaded = useRequest((signal) => api.get<Topic>(`/topics/${encodeURIComponent(id)}`, undefined, signal), id);
  // After a change the server's answer is the newest state; a reload replaces it again.
  const topic = fresh && fresh.id === id && (!loaded.data || fresh.version >= loaded.data.version) ? fresh : loaded.data;
  usePageTitle(topic?.title ?? t('topics.title'));

  const reload = () => {
    setFresh(undefined);
    loaded.reload();
  };

  if (loaded.error?.status === 404 || loaded.error?.status === 400) return <NotFoundPage home="/workbench/topics" />;
  if (!topic) {
    return loaded.error ? (
      <div className="mh-page">
        <h1 className="mh-page-title">{t('topics.title')}</h1>
        <ProblemAlert error={loaded.error} />
      </div>
    ) : (
      <PageLoading />
    );
  }

  const appealColumns: TableColumnsType<LinkedAppeal> = [
    {
      title: t('appeals.trackingNo'),
      dataIndex: 'trackingNo',
      render: (no: string, a) => (can('appeals:read') ? <Link to={`/workbench/appeals/${a.id}`}>{no}</Link> : <code>{no}</code>),
    },
    { title: t('appeals.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
    { title: t('topics.fields.territory'), dataIndex: 'territoryCode', render: (code: string) => <TerritoryName code={code} /> },
    { title: t('appeals.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
  ];

  return (
    <div className="mh-page">
      <p>
        <Link to="/workbench/topics">{t('topics.detail.back')}</Link>
      </p>
      <div className="mh-page-head">
        <h1 className="mh-page-title mh-break">{topic.title}</h1>
        <TopicStateTag state={topic.state} />
      </div>
      {loaded.error && <ProblemAlert error={loaded.error} className="mh-block" />}

      <section aria-labelledby="topic-actions" className="mh-block">
        <Card title={<h2 id="topic-actions" className="mh-card-title">{t('topics.detail.actionsTitle')}</h2>}>
          {topic.allowedActions.length === 0 && !topic.editable ? (
            <p className="mh-muted">{t('topics.detail.noActions')}</p>
          ) : (
            <div className="mh-actions-row">
              {topic.editable && <Button onClick={() => setEditing({ kind: 'edit', topic })}>{t('common.edit')}</Button>}
              {topic.allowedActions.map((a) => (
                <Button key={a} type={a === 'submit' || a === 'approve' ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => setAction(a)}>
                  {t(`topics.actions.${a}`)}
                </Button>
              ))}
            </div>
          )}
        </Card>
      </section>

      <Card className="mh-block" title={<h2 className="mh-card-title">{t('topics.detail.facts')}</h2>}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('topics.fields.source')}>{t(`topics.sources.${topic.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('topics.fields.territory')}>{topic.territoryCode ? <TerritoryName code={topic.territoryCode} /> : t('topics.wholeDistrict')}</Descriptions.Item>
          <Descriptions.Item label={t('topics.fields.proposer')}>
            <span className="mh-break">{topic.proposer}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('topics.fields.createdAt')}>{formatDateTime(topic.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('topics.fields.updatedAt')}>{formatDateTime(topic.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card className="mh-block" title={<h2 className="mh-card-title">{t('topics.fields.description')}</h2>}>
        <p className="mh-topic-description mh-pre">{topic.description}</p>
      </Card>

      <Card className="mh-block" title={<h2 className="mh-card-title">{t('topics.detail.appealsTitle', { count: topic.appeals.length })}</h2>}>
        {topic.appeals.length === 0 ? (
          <Empty description={t('topics.detail.noAppeals')} />
        ) : (
          <Table<LinkedAppeal> rowKey="id" size="small" columns={appealColumns} dataSource={topic.appeals} pagination={topic.appeals.length > 20 ? { pageSize: 20, showSizeChanger: false } : false} scroll={{ x: 'max-content' }} />
        )}
      </Card>

      <Card className="mh-block" title={<h2 className="mh-card-title">{t('topics.detail.historyTitle')}</h2>}>
        <ol className="mh-timeline mh-topic-history">
          {topic.history.map((e, i) => (
            <li key={i} data-action={e.action}>
              <strong>{topicEventLabel(t, e.action)}</strong> → <span>{topicStateLabel(t, e.toState)}</span>
              <div className="mh-muted">
                <span className="mh-break">{t('topics.detail.actor', { actor: e.actor })}</span> · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </div>
              {e.comment && (
                <div className="mh-topic-comment">
                  <span className="mh-muted">{t('topics.detail.commentLabel')}</span>
                  <span className="mh-pre">{e.comment}</span>
                </div>
              )}
            </li>
          ))}
        </ol>
      </Card>

      <TopicActionModal
        topic={topic}
        action={action}
        onClose={() => setAction(undefined)}
        onDone={(next) => {
          setAction(undefined);
          setFresh(next);
          loaded.reload();
        }}
        onReload={reload}
      />
      <TopicModal
        draft={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(next) => {
          setEditing(undefined);
          setFresh(next);
          loaded.reload();
        }}
        onReload={reload}
      />
    </div>
  );
}
