import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.js';
import { TOPIC_STATES, type ListResponse, type TopicState, type TopicSummary } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { pageControls } from '../../components/page-controls.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { TerritoryName } from '../../components/territory-name.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { TopicModal, type TopicDraft } from './topic-modal.js';
import { TopicStateTag } from './topic-text.js';

const PAGE_SIZE = 20;

interface Filters {
  state?: TopicState;
  mine?: boolean;
}

/** 协商议题: the topics this person may see; members and town officials propose (点题) from here. */
export function TopicsPage() {
  const { t } = useTranslation();
  usePageTitle(t('topics.title'));
  const { session, can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [proposing, setProposing] = useState<TopicDraft>();

  const list = useRequest(
    (signal) => api.get<ListResponse<TopicSummary>>('/topics', { state: filters.state, mine: filters.mine ? 'true' : undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    JSON.stringify([filters, page]),
  );
  const update = (next: Filters) => {
    setFilters(next);
    setPage(1);
  };
  // A member proposes as a member; town officials and the committee as the committee (党委/政协).
  const ownSource = session?.grants.some((g) => g.role === 'member') ? 'member' : 'committee';

  const columns: TableColumnsType<TopicSummary> = [
    {
      title: t('topics.fields.title'),
      dataIndex: 'title',
      render: (title: string, topic) => (
        <Link to={`/workbench/topics/${topic.id}`} className="mh-break">
          {title}
        </Link>
      ),
    },
    { title: t('topics.fields.state'), dataIndex: 'state', render: (s: TopicState) => <TopicStateTag state={s} /> },
    { title: t('topics.fields.source'), dataIndex: 'source', render: (s: TopicSummary['source']) => t(`topics.sources.${s}`) },
    { title: t('topics.fields.territory'), dataIndex: 'territoryCode', render: (code: string | null) => (code ? <TerritoryName code={code} /> : t('topics.wholeDistrict')) },
    { title: t('topics.fields.proposer'), dataIndex: 'proposer', render: (p: string) => <span className="mh-break">{p}</span> },
    { title: t('topics.fields.updatedAt'), dataIndex: 'updatedAt', render: (at: string) => formatDateTime(at) },
  ];

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('topics.title')}</h1>
        <Space wrap>
          {can('topics:cluster') && <Link to="/workbench/topic-candidates">{t('topics.candidates.link')}</Link>}
          {can('topics:propose') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing({ kind: 'new', source: ownSource })}>
              {t('topics.propose')}
            </Button>
          )}
        </Space>
      </div>
      <p className="mh-muted">{t('topics.intro')}</p>
      <Form name="topic-filters" layout="inline" className="mh-filters">
        <Form.Item label={t('topics.fields.state')} htmlFor="topic-state-filter">
          <Select<TopicState>
            id="topic-state-filter"
            allowClear
            className="mh-filter-select"
            placeholder={t('common.all')}
            value={filters.state}
            options={TOPIC_STATES.map((s) => ({ value: s, label: t(`topics.states.${s}`) }))}
            onChange={(state) => update({ ...filters, state })}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={!!filters.mine} onChange={(e) => update({ ...filters, mine: e.target.checked })}>
            {t('topics.mine')}
          </Checkbox>
        </Form.Item>
      </Form>
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      <Table<TopicSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={pageControls(t, page, PAGE_SIZE, list.data?.page.total, setPage)}
      />
      <TopicModal draft={proposing} onClose={() => setProposing(undefined)} onSaved={(topic) => navigate(`/workbench/topics/${topic.id}`)} />
    </div>
  );
}
