import { PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { FigureKey } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { CampaignProgressChart, CampaignTotals } from './campaign-progress.js';
import { useCampaignProgress } from './campaign-progress.page.js';
import { DashboardCharts } from './dashboard-charts.js';
import { useDashboard } from './dashboard.page.js';
import { loadCoverage } from './data.js';
import { FigureTable } from './figure-cards.js';
import { TableScroll } from './table-scroll.js';
import { filtersOf, queryOf } from './filters.js';
import './dashboard.css';

const CONSULTATION_FIGURES: FigureKey[] = ['topics_filed', 'events', 'events_completed', 'suggestions', 'adoption_rate', 'implementation_rate'];

/** The frame of a printable report: back link and 打印 button (not printed), the report, when printed. */
function ReportFrame({ back, backLabel, title, children }: { back: string; backLabel: string; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <article className="mh-page mh-print mh-report-page">
      <p className="mh-no-print mh-report-tools">
        <Link to={back}>{backLabel}</Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('dashboard.report.print')}
        </Button>
      </p>
      <h1 className="mh-page-title">{title}</h1>
      {children}
      <p className="mh-muted">{t('dashboard.report.printedFrom', { at: formatDateTime(new Date().toISOString()) })}</p>
    </article>
  );
}

/** A town's report: its figures as a table, the charts (each with its table) and its halls and stations. */
export function TownReportPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { from, to } = filtersOf(params);
  const filters = { territory: code, from, to };
  const dashboard = useDashboard(filters);
  const coverage = useRequest((signal) => loadCoverage(signal), 'coverage');
  const data = dashboard.data;
  const title = data ? t('dashboard.report.townTitle', { name: data.scope.name }) : t('dashboard.report.title');
  usePageTitle(title);
  const town = coverage.data?.towns.find((x) => x.code === code);
  const stations = coverage.data?.stations.filter((s) => s.townCode === code) ?? [];
  return (
    <ReportFrame back={`/dashboard?${queryOf(filters)}`} backLabel={t('dashboard.backToDashboard')} title={title}>
      {dashboard.error && <ProblemAlert error={dashboard.error} className="mh-block" />}
      {!data && !dashboard.error && <Skeleton active />}
      {data && (
        <>
          <p>{t('dashboard.period', { from: data.filters.from, to: data.filters.to })}</p>
          <section className="mh-report-section">
            <h2 className="mh-section-title">{t('dashboard.report.figures')}</h2>
            <FigureTable figures={data.figures} />
          </section>
          {town && (
            <section className="mh-report-section">
              <h2 className="mh-section-title">{t('dashboard.coverage.title')}</h2>
              <p>{t('dashboard.report.townCoverage', { halls: town.halls, stations: town.stations, studios: town.studios, members: town.members, events: town.events })}</p>
              {stations.length > 0 && (
                <TableScroll label={t('dashboard.coverage.stationsTitle')}>
                  <table className="mh-print-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboard.coverage.station')}</th>
                        <th scope="col">{t('dashboard.coverage.kind')}</th>
                        <th scope="col">{t('dashboard.coverage.members')}</th>
                        <th scope="col">{t('dashboard.coverage.events')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {stations.map((s) => (
                        <tr key={s.id}>
                          <th scope="row">{s.name}</th>
                          <td>{t(`dashboard.coverage.kinds.${s.kind}`)}</td>
                          <td>{s.members}</td>
                          <td>{s.events}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </section>
          )}
          <section className="mh-report-section mh-report-charts">
            <h2 className="mh-section-title">{t('dashboard.chartsTitle')}</h2>
            <DashboardCharts data={data} />
          </section>
        </>
      )}
    </ReportFrame>
  );
}

/** A campaign's report: totals against targets, its consultation figures, and the day-by-day chart. */
export function CampaignReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const progress = useCampaignProgress(id);
  const c = progress.data?.campaign;
  const dashboard = useDashboard(c ? { campaign: id, from: c.startsOn.slice(0, 7), to: c.endsOn.slice(0, 7) } : { campaign: id });
  const title = c ? t('dashboard.report.campaignTitle', { title: c.title }) : t('dashboard.report.title');
  usePageTitle(title);
  return (
    <ReportFrame back={`/campaigns/${id}/progress`} backLabel={t('dashboard.report.backToProgress')} title={title}>
      {progress.error && <ProblemAlert error={progress.error} className="mh-block" />}
      {!progress.data && !progress.error && <Skeleton active />}
      {progress.data && (
        <>
          <section className="mh-report-section">
            <h2 className="mh-section-title">{t('dashboard.report.totals')}</h2>
            <CampaignTotals data={progress.data} />
          </section>
          {dashboard.data && (
            <section className="mh-report-section">
              <h2 className="mh-section-title">{t('dashboard.report.figures')}</h2>
              <FigureTable figures={dashboard.data.figures.filter((f) => CONSULTATION_FIGURES.includes(f.key))} />
            </section>
          )}
          <section className="mh-report-section mh-report-charts">
            <CampaignProgressChart data={progress.data} />
          </section>
        </>
      )}
    </ReportFrame>
  );
}
