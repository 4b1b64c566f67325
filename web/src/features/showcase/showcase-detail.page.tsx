import { Empty, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { ShowcaseDetail } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** One result and its chain: concern → topic → event → suggestion → reply → implementation → rating. */
export function ShowcaseDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const item = useRequest((signal) => api.get<ShowcaseDetail>(`/public/showcase/${id}`, undefined, signal), `${id}|${i18n.language}`);
  usePageTitle(item.data?.title ?? t('showcase.title'));
  if (item.error) {
    return (
      <div className="mh-page">
        {item.error.status === 404 ? <Empty description={t('showcase.notFound')} /> : <ProblemAlert error={item.error} />}
        <p>
          <Link to="/showcase">{t('showcase.back')}</Link>
        </p>
      </div>
    );
  }
  if (!item.data) return <Spin />;
  const d = item.data;
  return (
    <article className="mh-page">
      <h1 className="mh-page-title">{d.title}</h1>
      <div className="mh-muted mh-block">
        <Tag>{t(`showcase.kinds.${d.kind}`)}</Tag>
        {d.townName ? `${d.townName} · ` : ''}
        {t('showcase.published', { date: formatDateTime(d.publishedAt) })}
      </div>
      <p className="mh-pre-wrap">{d.summary}</p>
      <h2>{t('showcase.chainTitle')}</h2>
      <ol className="mh-chain">
        {d.chain.map((s, i) => (
          <li key={`${s.step}-${i}`} data-testid="chain-step" data-step={s.step} className="mh-chain-step">
            <h3 className="mh-chain-label">{t(`showcase.steps.${s.step}`)}</h3>
            <p className="mh-chain-title">{s.href ? <Link to={s.href}>{s.title}</Link> : s.title}</p>
            {s.text && <p className="mh-pre-wrap">{s.text}</p>}
            {s.at && <p className="mh-muted">{formatDateTime(s.at)}</p>}
            {s.photos.length > 0 && (
              <div className="mh-chain-photos">
                {s.photos.map((p, n) => (
                  <img key={p} src={p} alt={t('showcase.photoAlt', { title: d.title, n: n + 1 })} loading="lazy" />
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
      <p>
        <Link to="/showcase">{t('showcase.back')}</Link>
      </p>
    </article>
  );
}
