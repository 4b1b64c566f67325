import { Card, Empty, Input, Pagination, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { ShowcaseSummary } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';

const PAGE_SIZE = 12;

/** 成果展示: published results as cards; words and page in the URL. */
export function ShowcasePage() {
  const { t } = useTranslation();
  usePageTitle(t('showcase.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const territory = params.get('territory') ?? '';
  const list = useRequest(
    (signal) => api.get<{ total: number; items: ShowcaseSummary[] }>('/public/showcase', { q: q || undefined, territory: territory || undefined, page, pageSize: PAGE_SIZE }, signal),
    `${q}|${page}|${territory}`,
  );
  const set = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) (v ? p.set(k, v) : p.delete(k));
    setParams(p);
  };
  return (
    <div className="mh-page">
      <h1 className="mh-page-title">{t('showcase.title')}</h1>
      <p>{t('showcase.intro')}</p>
      <Input.Search
        aria-label={t('showcase.search')}
        placeholder={t('showcase.search')}
        defaultValue={q}
        maxLength={50}
        allowClear
        className="mh-block"
        onSearch={(value) => set({ q: value.trim(), page: '' })}
      />
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      {list.data && <p className="mh-muted">{t('showcase.total', { count: list.data.total })}</p>}
      {list.data && list.data.items.length === 0 && <Empty description={t('showcase.empty')} />}
      <ul className="mh-showcase-cards">
        {list.data?.items.map((item) => (
          <li key={item.id}>
            <Card size="small" data-testid="showcase-card" cover={item.photo ? <img src={item.photo} alt={t('showcase.photoAlt', { title: item.title, n: 1 })} loading="lazy" /> : undefined}>
              <h2 className="mh-card-title">
                <Link to={item.href}>{item.title}</Link>
              </h2>
              <div className="mh-muted">
                <Tag>{t(`showcase.kinds.${item.kind}`)}</Tag>
                {item.townName ? `${item.townName} · ` : ''}
                {t('showcase.published', { date: formatDateTime(item.publishedAt) })}
              </div>
              <p>{item.summary}</p>
            </Card>
          </li>
        ))}
      </ul>
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination current={page} pageSize={PAGE_SIZE} total={list.data.total} showSizeChanger={false} onChange={(p) => set({ page: String(p) })} />
      )}
    </div>
  );
}
