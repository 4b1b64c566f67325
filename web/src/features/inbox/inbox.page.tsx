import { Badge, Button, Empty, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { ListResponse, SuggestionDecision } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';

interface Notification {
  id: string;
  kind: string;
  resourceType: string;
  resourceId: string;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

const PAGE_SIZE = 20;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Where a notification leads: the appeal, the suggestion's public journey, the topic. */
function linkOf(n: Notification): string | null {
  if (n.resourceType === 'appeal') return `/workbench/appeals/${n.resourceId}`;
  if (n.resourceType === 'suggestion') return str(n.payload.path) || `/workbench/suggestions/${n.resourceId}`;
  if (n.resourceType === 'topic') return `/workbench/topics/${n.resourceId}`;
  return null;
}

/**
 * 我的消息: everything the system told this person — an appeal moving on, a topic decided, a
 * suggestion linked to their appeal decided or answered — newest first, unread ones marked.
 * Texts come from the kind (every value shown is plain text), with a generic line for kinds
 * this version does not know.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('inbox.title'));
  const [page, setPage] = useState(1);
  const [nonce, setNonce] = useState(0);
  const [error, setError] = useState<unknown>();
  const list = useRequest(
    (signal) => api.get<ListResponse<Notification> & { unread: number }>('/inbox', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${page}:${nonce}`,
  );
  const markRead = async (id?: string) => {
    setError(undefined);
    try {
      await api.post('/inbox/read', id ? { id } : {});
      setNonce((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  };
  const sentence = (n: Notification) => {
    const values = {
      trackingNo: str(n.payload.trackingNo),
      title: str(n.payload.title),
      event: str(n.payload.event),
      seq: str(n.payload.seq),
      decision: n.payload.decision ? t(`suggestions.decisions.${n.payload.decision as SuggestionDecision}`) : '',
      grade: str(n.payload.grade),
    };
    // Kinds this version has no sentence for still show, as a generic line.
    const key = `inbox.kinds.${n.kind.replace('.', '_')}`;
    if (i18n.exists(key)) return t(key as 'inbox.generic', values);
    if (n.resourceType === 'appeal' && values.trackingNo) return t('inbox.genericAppeal', values);
    if (n.resourceType === 'topic' && values.title) return t('inbox.genericTopic', values);
    if (n.resourceType === 'suggestion' && values.event) return t('inbox.genericSuggestion', values);
    return t('inbox.generic');
  };
  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">
          {t('inbox.title')} {list.data && list.data.unread > 0 && <Badge count={list.data.unread} aria-label={t('inbox.unread', { count: list.data.unread })} />}
        </h1>
        {list.data && list.data.unread > 0 && <Button onClick={() => markRead()}>{t('inbox.markAllRead')}</Button>}
      </div>
      {list.error !== undefined && <ProblemAlert error={list.error} className="mh-block" />}
      {error !== undefined && <ProblemAlert error={error} className="mh-block" />}
      <List<Notification>
        className="mh-inbox"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
        pagination={list.data && list.data.page.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: list.data.page.total, onChange: setPage, showSizeChanger: false } : false}
        renderItem={(n) => {
          const to = linkOf(n);
          return (
            <List.Item
              className={n.readAt ? 'mh-inbox-read' : 'mh-inbox-unread'}
              actions={n.readAt ? [] : [<Button key="read" size="small" onClick={() => markRead(n.id)} aria-label={t('inbox.markReadOf', { text: sentence(n) })}>{t('inbox.markRead')}</Button>]}
            >
              <Space direction="vertical" size={2} className="mh-break">
                <span>
                  {!n.readAt && <Tag color="blue">{t('inbox.new')}</Tag>}
                  {to ? <Link to={to}>{sentence(n)}</Link> : sentence(n)}
                </span>
                <span className="mh-muted">{formatDateTime(n.createdAt)}</span>
              </Space>
            </List.Item>
          );
        }}
      />
    </div>
  );
}
