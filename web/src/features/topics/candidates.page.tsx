import { Alert, Button, Card, Empty, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { Category, Territory, TopicCandidate, TopicCandidates } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { TerritoryPicker } from '../../components/remote-select.js';
import { TerritoryName } from '../../components/territory-name.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { categoryName } from '../appeals/appeal-text.js';
import { TopicModal, type TopicDraft } from './topic-modal.js';
import { Sparkline, TrendTag } from './topic-text.js';

interface Query {
  from: string;
  to: string;
  territoryCode: string;
  minSize: number;
}

/** A calendar day in China, `daysAgo` days back. */
function chinaDay(daysAgo = 0): string {
  return new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

const SIZES = [2, 3, 5, 10];

/**
 * 候选议题: clusters of similar appeals in a period and area (topics:cluster), each with its size,
 * trend, key terms and typical appeals; one click drafts a topic linked to the cluster's appeals.
 */
export function CandidatesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('topics.candidates.title'));
  const { session } = useSession();
  const navigate = useNavigate();
  const ownArea = session?.grants.find((g) => g.scopeType === 'territory')?.scopeId;
  const initial: Partial<Query> = { from: chinaDay(29), to: chinaDay(), territoryCode: ownArea, minSize: 3 };
  const [form] = Form.useForm<Query>();
  const [query, setQuery] = useState<Query | undefined>(ownArea ? (initial as Query) : undefined);
  const [draft, setDraft] = useState<TopicDraft>();
  const [drafting, setDrafting] = useState<number>();

  const result = useRequest((signal) => (query ? api.get<TopicCandidates>('/topics/candidates', { ...query }, signal) : Promise.resolve(undefined)), JSON.stringify(query ?? null));
  const categories = useRequest((signal) => api.get<{ items: Category[] }>('/categories', undefined, signal), 'categories');
  const categoryOf = (id: string) => {
    const c = categories.data?.items.find((x) => x.id === id);
    return c ? categoryName(i18n.language, c) : '—';
  };

  async function startDraft(cluster: TopicCandidate, index: number) {
    if (!query) return;
    setDrafting(index);
    const town = await api.get<Territory>(`/territories/${cluster.townCode}`).then(
      (x) => x.name,
      () => cluster.townCode,
    );
    setDrafting(undefined);
    const terms = cluster.keyTerms.slice(0, 3).join(t('topics.candidates.termSeparator'));
    setDraft({
      kind: 'new',
      source: 'appeals',
      title: t('topics.candidates.draftTitle', { terms }),
      description: t('topics.candidates.draftDescription', {
        from: query.from,
        to: query.to,
        town,
        count: cluster.size,
        terms: cluster.keyTerms.join(t('topics.candidates.termSeparator')),
        samples: cluster.samples.map((s) => s.trackingNo).join(t('topics.candidates.termSeparator')),
      }),
      territoryCode: cluster.townCode,
      appealIds: cluster.appealIds,
    });
  }

  return (
    <div className="mh-page">
      <p>
        <Link to="/workbench/topics">{t('topics.detail.back')}</Link>
      </p>
      <h1 className="mh-page-title">{t('topics.candidates.title')}</h1>
      <p className="mh-muted">{t('topics.candidates.intro')}</p>
      <Form<Query>
        form={form}
        name="candidates"
        layout="inline"
        className="mh-filters mh-block"
        initialValues={initial}
        onFinish={(v) => setQuery({ ...v })}
      >
        <Form.Item name="territoryCode" label={t('topics.candidates.area')} rules={[{ required: true, message: t('topics.candidates.areaRequired') }]}>
          <TerritoryPicker />
        </Form.Item>
        <Form.Item name="from" label={t('topics.candidates.from')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t('topics.candidates.to')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="minSize" label={t('topics.candidates.minSize')}>
          <Select<number> className="mh-filter-select" options={SIZES.map((n) => ({ value: n, label: t('topics.candidates.atLeast', { count: n }) }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('topics.candidates.find')}
          </Button>
        </Form.Item>
      </Form>

      {result.error && <ProblemAlert error={result.error} className="mh-block" />}
      {result.data && (
        <section aria-labelledby="candidate-results">
          <h2 id="candidate-results" className="mh-card-title mh-block" aria-live="polite">
            {t('topics.candidates.summary', { appeals: result.data.appealsConsidered, clusters: result.data.clusters.length })}
          </h2>
          {result.data.truncated && <Alert className="mh-block" type="info" showIcon title={t('topics.candidates.truncated')} />}
          {result.data.clusters.length === 0 ? (
            <Empty description={t('topics.candidates.none')} />
          ) : (
            <ol className="mh-cluster-list">
              {result.data.clusters.map((c, i) => {
                const label = c.keyTerms.join(t('topics.candidates.termSeparator'));
                return (
                  <li key={c.appealIds[0]}>
                    <Card
                      title={<h3 className="mh-card-title mh-break">{t('topics.candidates.clusterTitle', { terms: label })}</h3>}
                      className="mh-cluster"
                    >
                      <div className="mh-cluster-facts">
                        <strong>{t('topics.candidates.size', { count: c.size })}</strong>
                        <TrendTag trend={c.trend} />
                        <Sparkline series={c.series} label={t('topics.candidates.series', { values: c.series.join(', ') })} />
                        <span>
                          <span className="mh-muted">{t('topics.candidates.category')}</span> {categoryOf(c.categoryId)}
                        </span>
                        <span>
                          <span className="mh-muted">{t('topics.candidates.town')}</span> <TerritoryName code={c.townCode} />
                        </span>
                      </div>
                      <h4 className="mh-muted">{t('topics.candidates.samples')}</h4>
                      <ul className="mh-cluster-samples">
                        {c.samples.map((s) => (
                          <li key={s.id}>
                            <div className="mh-muted">
                              <Link to={`/workbench/appeals/${s.id}`}>{s.trackingNo}</Link> · <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>
                            </div>
                            <p className="mh-pre mh-sample-text">{s.description}</p>
                          </li>
                        ))}
                      </ul>
                      <Space wrap className="mh-block-top">
                        <Button type="primary" loading={drafting === i} onClick={() => void startDraft(c, i)} aria-label={t('topics.candidates.draftFor', { terms: label })}>
                          {t('topics.candidates.draft')}
                        </Button>
                        {c.linkedTopicIds.length > 0 && (
                          <span>
                            {t('topics.candidates.alreadyLinked')}{' '}
                            {c.linkedTopicIds.map((id, k) => (
                              <Link key={id} to={`/workbench/topics/${id}`} className="mh-linked-topic">
                                {t('topics.candidates.topicN', { n: k + 1 })}
                              </Link>
                            ))}
                          </span>
                        )}
                      </Space>
                    </Card>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}
      <TopicModal draft={draft} onClose={() => setDraft(undefined)} onSaved={(topic) => navigate(`/workbench/topics/${topic.id}`)} />
    </div>
  );
}
