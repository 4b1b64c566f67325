import { Alert, Button, Input, Pagination, Skeleton, Tag } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { ListResponse, Territory } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';

const CHILDREN_PAGE = 50;
const SEARCH_PAGE = 20;

interface Place {
  territory: Territory;
  ancestors: Territory[];
}

async function loadPlace(code: string, signal: AbortSignal): Promise<Place> {
  const [territory, ancestors] = await Promise.all([
    api.get<Territory>(`/territories/${encodeURIComponent(code)}`, undefined, signal),
    api.get<{ items: Territory[] }>(`/territories/${encodeURIComponent(code)}/ancestors`, undefined, signal),
  ]);
  // The current territory is the last crumb, whether or not the server counts it an ancestor.
  return { territory, ancestors: ancestors.items.filter((a) => a.code !== territory.code) };
}

/**
 * The public territory browser (行政区划): breadcrumb, the children of the current territory
 * and a search over all territories. `base` is where it is mounted (public or workbench).
 */
export function TerritoriesPage({ base }: { base: string }) {
  const { t } = useTranslation();
  const { code } = useParams();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const place = useRequest((signal) => (code ? loadPlace(code, signal) : Promise.resolve(null)), `place:${code ?? ''}`);

  const pageSize = q ? SEARCH_PAGE : CHILDREN_PAGE;
  const offset = (page - 1) * pageSize;
  const list = useRequest<ListResponse<Territory>>(
    (signal) => {
      if (q) return api.get('/territories', { q, limit: pageSize, offset }, signal);
      if (code) return api.get(`/territories/${encodeURIComponent(code)}/children`, { limit: pageSize, offset }, signal);
      return api.get('/territories', { level: 'province', limit: pageSize, offset }, signal);
    },
    `list:${code ?? ''}:${q}:${page}`,
  );

  const current = place.data?.territory;
  const heading = q ? t('territories.searchHeading', { q }) : (current?.name ?? t('territories.title'));
  usePageTitle(current && !q ? current.name : t('territories.title'));

  const linkTo = (c: string) => `${base}/${c}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = draft.trim();
    setParams(next ? { q: next } : {});
  }

  function clearSearch() {
    setDraft('');
    setParams({});
  }

  function goToPage(p: number) {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    setParams(next);
  }

  return (
    <div className="mh-page">
      <nav aria-label={t('territories.breadcrumb')} className="mh-breadcrumb">
        <ol>
          <li>
            {code || q ? <Link to={base}>{t('territories.root')}</Link> : <span aria-current="page">{t('territories.root')}</span>}
          </li>
          {place.data?.ancestors.map((a) => (
            <li key={a.code}>
              <Link to={linkTo(a.code)}>{a.name}</Link>
            </li>
          ))}
          {current && (
            <li>
              {q ? <Link to={linkTo(current.code)}>{current.name}</Link> : <span aria-current="page">{current.name}</span>}
            </li>
          )}
        </ol>
      </nav>

      <h1 className="mh-page-title">{heading}</h1>

      {place.error && <ProblemAlert error={place.error} className="mh-block" />}
      {current && !q && (
        <dl className="mh-facts">
          <div>
            <dt>{t('territories.level')}</dt>
            <dd>{t(`territories.levels.${current.level}`)}</dd>
          </div>
          <div>
            <dt>{t('territories.statCode')}</dt>
            <dd>
              <code>{current.statCode}</code>
            </dd>
          </div>
          {(current.validFrom || current.validTo) && (
            <div>
              <dt>{t('territories.validity')}</dt>
              <dd>
                {current.validFrom ?? '…'} – {current.validTo ?? t('territories.validNow')}
              </dd>
            </div>
          )}
        </dl>
      )}

      <form role="search" className="mh-search" onSubmit={submit}>
        <label htmlFor="territory-search" className="mh-search-label">
          {t('territories.searchLabel')}
        </label>
        <div className="mh-search-row">
          <Input
            id="territory-search"
            type="search"
            value={draft}
            maxLength={50}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={t('territories.searchPlaceholder')}
            allowClear={false}
          />
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          {q && (
            <Button onClick={clearSearch} htmlType="button">
              {t('territories.clearSearch')}
            </Button>
          )}
        </div>
      </form>

      <section aria-labelledby="territory-list-heading">
        <h2 id="territory-list-heading" className="mh-section-title">
          {q ? t('territories.results') : code ? t('territories.children') : t('territories.provinces')}
          {list.data && <span className="mh-count">{t('common.total', { count: list.data.page.total })}</span>}
        </h2>
        {list.error && <ProblemAlert error={list.error} />}
        {list.loading && !list.data && <Skeleton active paragraph={{ rows: 4 }} />}
        {list.data && list.data.items.length === 0 && (
          <Alert type="info" title={q ? t('territories.noResults') : t('territories.noChildren')} />
        )}
        {list.data && list.data.items.length > 0 && (
          <ul className="mh-territory-list" aria-busy={list.loading}>
            {list.data.items.map((item) => (
              <li key={item.code}>
                <Link to={linkTo(item.code)} className="mh-territory-name">
                  {item.name}
                </Link>
                <span className="mh-territory-meta">
                  <Tag>{t(`territories.levels.${item.level}`)}</Tag>
                  <span>
                    <span className="mh-visually-hidden">{t('territories.statCode')} </span>
                    <code>{item.statCode}</code>
                  </span>
                  {item.childCount !== undefined && item.childCount > 0 && (
                    <span>{t('territories.childCount', { count: item.childCount })}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        {list.data && list.data.page.total > pageSize && (
          <Pagination
            className="mh-pagination"
            current={page}
            pageSize={pageSize}
            total={list.data.page.total}
            showSizeChanger={false}
            showLessItems
            onChange={goToPage}
          />
        )}
      </section>
    </div>
  );
}
