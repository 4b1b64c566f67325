import { Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { CampaignProgressResponse, DashboardResponse } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { DashboardCharts } from './dashboard-charts.js';
import { DashboardFilters, viewOf } from './dashboard-filters.js';
import { FigureCard } from './figure-cards.js';
import { filtersOf, keyOf, queryOf, type Filters } from './filters.js';
import { useLiveUpdates } from './live.js';
import './dashboard.css';

/** Fetches the dashboard for the filters; `reload` re-fetches without clearing what is shown. */
export function useDashboard(filters: Filters) {
  return useRequest((signal) => api.get<DashboardResponse>('/public/dashboard', { ...filters }, signal), keyOf(filters));
}

/** 数据看板: the district, a town or a station; figures with their formulas and records, charts, live. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const dashboard = useDashboard(filters);
  const data = dashboard.data;
  // When this page last received the figures (first load, a filter change or a live update).
  const updatedAt = useMemo(() => (data ? new Date() : undefined), [data]);
  useLiveUpdates(dashboard.reload);

  const campaign = useRequest(
    (signal) => (filters.campaign ? api.get<CampaignProgressResponse>(`/public/campaigns/${encodeURIComponent(filters.campaign)}/progress`, undefined, signal) : Promise.resolve(null)),
    `campaign:${filters.campaign ?? ''}`,
  );

  const view = viewOf(filters);
  const time = updatedAt ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { timeStyle: 'medium', dateStyle: 'short' }).format(updatedAt) : '—';

  return (
    <div className="mh-page mh-dashboard">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('dashboard.title')}</h1>
        <p className="mh-muted mh-dash-updated" aria-live="polite" data-testid="dashboard-updated" data-updated-at={updatedAt?.toISOString()}>
          {t('dashboard.updated', { time })}
        </p>
      </div>
      <p>{t('dashboard.intro')}</p>
      <DashboardFilters filters={filters} onChange={(next) => setParams(new URLSearchParams(queryOf(next)))} campaignTitle={campaign.data?.campaign.title} period={data?.filters} />
      {dashboard.error && <ProblemAlert error={dashboard.error} className="mh-block" />}
      {!data && !dashboard.error && <Skeleton active />}
      {data && (
        <>
          <h2 className="mh-section-title" data-testid="dashboard-scope">
            {data.scope.venue ? t('dashboard.scopeStation', { name: data.scope.venue.name, area: data.scope.name }) : data.scope.name}
            <span className="mh-muted mh-dash-period">{t('dashboard.period', { from: data.filters.from, to: data.filters.to })}</span>
          </h2>
          <p className="mh-dash-links">
            <Link to="/coverage">{t('dashboard.coverageLink')}</Link>
            {view === 'town' && filters.territory && (
              <Link to={`/reports/town/${filters.territory.slice(0, 9)}?${queryOf({ from: filters.from, to: filters.to })}`} data-testid="town-report-link">
                {t('dashboard.townReportLink', { name: data.scope.name })}
              </Link>
            )}
            {filters.campaign && <Link to={`/campaigns/${filters.campaign}/progress`}>{t('dashboard.campaignProgressLink')}</Link>}
          </p>
          <ul className="mh-figure-grid" aria-label={t('dashboard.figuresLabel')}>
            {data.figures.map((f) => (
              <FigureCard key={f.key} figure={f} filters={filters} />
            ))}
          </ul>
          <h2 className="mh-section-title">{t('dashboard.chartsTitle')}</h2>
          <DashboardCharts data={data} />
        </>
      )}
    </div>
  );
}
