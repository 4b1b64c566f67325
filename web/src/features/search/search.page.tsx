import { Card, Empty, Input, Pagination, Segmented, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { SEARCH_KINDS, type SearchKind, type SearchResponse } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';

const PAGE_SIZE = 20;

/**
 * The words of `q` marked in `text`, as React text and <mark> elements (never markup from a
 * string): each run of letters the person typed is looked for as typed, case-insensitively.
 */
export function highlight(text: string, q: string): ReactNode[] {
  const words = q.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
  if (!words.length) return [text];
  const lower = text.toLowerCase();
  const out: ReactNode[] = [];
  let at = 0;
  while (at < text.length) {
    let best = -1;
    let len = 0;
    for (const w of words) {
      const i = lower.indexOf(w.toLowerCase(), at);
      if (i !== -1 && (best === -1 || i < best)) {
        best = i;
        len = w.length;
      }
    }
    if (best === -1) break;
    if (best > at) out.push(text.slice(at, best));
    out.push(<mark key={best}>{text.slice(best, best + len)}</mark>);
    at = best + len;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Search across public content; words, kind and page in the URL. */
export function SearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim().slice(0, 50);
  const kindParam = params.get('kind');
  const kind = (SEARCH_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as SearchKind) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const result = useRequest(
    (signal) => (q ? api.get<SearchResponse>('/public/search', { q, kind, page, pageSize: PAGE_SIZE }, signal) : Promise.resolve(undefined)),
    `${q}|${kind ?? ''}|${page}`,
  );
  const set = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) (v ? p.set(k, v) : p.delete(k));
    setParams(p);
  };
  const data = result.data;
  const allCount = data ? Object.values(data.counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="mh-page">
      <h1 className="mh-page-title">{t('search.title')}</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Input.Search
          key={q}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          defaultValue={q}
          maxLength={50}
          enterButton={t('search.submit')}
          className="mh-block"
          onSearch={(value) => set({ q: value.trim(), page: '', kind: '' })}
        />
      </form>
      {!q && <p className="mh-muted">{t('search.hint')}</p>}
      {result.error && <ProblemAlert error={result.error} className="mh-block" />}
      {data && (
        <>
          <p aria-live="polite">{t('search.results', { q: data.q, count: data.total })}</p>
          <Segmented
            className="mh-block"
            value={kind ?? 'all'}
            onChange={(v) => set({ kind: v === 'all' ? '' : String(v), page: '' })}
            options={[
              { value: 'all', label: `${t('search.all')} ${allCount}` },
              ...SEARCH_KINDS.map((k) => ({ value: k, label: `${t(`search.kinds.${k}`)} ${data.counts[k]}` })),
            ]}
          />
          {data.items.length === 0 && <Empty description={t('search.none')} />}
          <ul className="mh-search-results">
            {data.items.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                <Card size="small" data-testid="search-result" data-kind={item.kind}>
                  <h2 className="mh-card-title">
                    <Tag>{t(`search.kinds.${item.kind}`)}</Tag>
                    {item.href ? <Link to={item.href}>{highlight(item.title, q)}</Link> : highlight(item.title, q)}
                  </h2>
                  <p>{highlight(item.snippet, q)}</p>
                  {item.townName && <div className="mh-muted">{item.townName}</div>}
                </Card>
              </li>
            ))}
          </ul>
          {data.total > PAGE_SIZE && <Pagination current={page} pageSize={PAGE_SIZE} total={Math.min(data.total, PAGE_SIZE * 50)} showSizeChanger={false} onChange={(p) => set({ page: String(p) })} />}
        </>
      )}
    </div>
  );
}
