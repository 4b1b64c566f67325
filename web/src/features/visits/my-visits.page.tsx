import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { ListResponse, Visit, VisitConcern } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { TerritoryName } from '../../components/territory-name.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { ConcernModal, type ConcernAction } from './concern-modal.js';
import { VisitModal } from './visit-modal.js';

const PAGE_SIZE = 10;

/** 我的走访: a member's own visits, the concerns heard, and filing each as an appeal or attaching it to a topic. */
export function MyVisitsPage() {
  const { t } = useTranslation();
  usePageTitle(t('visits.title'));
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState(false);
  const [acting, setActing] = useState<{ visit: Visit; concern: VisitConcern; action: ConcernAction }>();
  const list = useRequest((signal) => api.get<ListResponse<Visit>>('/visits', { mine: 'true', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), String(page));

  const status = (c: VisitConcern) => {
    if (c.status === 'appeal' && c.appealId) return <Link to={`/workbench/appeals/${c.appealId}`}>{t('visits.concern.statuses.appeal')}</Link>;
    if (c.status === 'topic' && c.topicId) return <Link to={`/workbench/topics/${c.topicId}`}>{t('visits.concern.statuses.topic')}</Link>;
    return <Tag>{t('visits.concern.statuses.noted')}</Tag>;
  };

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('visits.title')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
          {t('visits.record')}
        </Button>
      </div>
      <p className="mh-muted">{t('visits.intro')}</p>
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      {list.data && list.data.items.length === 0 && <Empty description={t('visits.none')} />}
      <ol className="mh-cluster-list">
        {(list.data?.items ?? []).map((v) => (
          <li key={v.id}>
            <Card className="mh-visit" title={<h2 className="mh-card-title">{t('visits.cardTitle', { date: v.visitedOn })}</h2>}>
              <p>
                <TerritoryName code={v.territoryCode} />
                {v.place && <span className="mh-break"> · {v.place}</span>}
              </p>
              <p className="mh-pre mh-block">{v.summary}</p>
              <h3 className="mh-card-title">{t('visits.fields.concerns')}</h3>
              {v.concerns.length === 0 ? (
                <p className="mh-muted">{t('visits.noConcerns')}</p>
              ) : (
                <ul className="mh-concern-list">
                  {v.concerns.map((c, i) => (
                    <li key={c.id} data-status={c.status}>
                      <p className="mh-pre">{c.text}</p>
                      <Space wrap>
                        {status(c)}
                        {c.status === 'noted' && (
                          <>
                            <Button size="small" aria-label={t('visits.concern.fileN', { n: i + 1 })} onClick={() => setActing({ visit: v, concern: c, action: 'appeal' })}>
                              {t('visits.concern.file')}
                            </Button>
                            <Button size="small" aria-label={t('visits.concern.attachN', { n: i + 1 })} onClick={() => setActing({ visit: v, concern: c, action: 'topic' })}>
                              {t('visits.concern.attach')}
                            </Button>
                          </>
                        )}
                      </Space>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </li>
        ))}
      </ol>
      {(list.data?.page.total ?? 0) > PAGE_SIZE && (
        <Pagination className="mh-block-top" current={page} pageSize={PAGE_SIZE} total={list.data?.page.total} showSizeChanger={false} onChange={setPage} />
      )}
      <VisitModal
        open={recording}
        onClose={() => setRecording(false)}
        onSaved={() => {
          setRecording(false);
          setPage(1);
          list.reload();
        }}
      />
      {acting && (
        <ConcernModal
          visit={acting.visit}
          concern={acting.concern}
          action={acting.action}
          onClose={() => {
            setActing(undefined);
            list.reload();
          }}
          onDone={() => {
            setActing(undefined);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
