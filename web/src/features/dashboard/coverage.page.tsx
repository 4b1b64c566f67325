import { Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CoverageResponse } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { EChart, escapeHtml } from './chart.js';
import { loadCoverage } from './data.js';
import { TableScroll } from './table-scroll.js';
import { echarts } from './echarts-setup.js';
import towns from './xihu-towns.geo.json' with { type: 'json' };
import './dashboard.css';

const MAP = 'xihu-towns';
// The map is schematic (one hexagon per town, see README.md next to the file): registered once.
echarts.registerMap(MAP, towns as unknown as Parameters<typeof echarts.registerMap>[1]);

/** The coverage map: towns coloured by halls + stations, labelled with their names. */
function coverageMapOption(data: CoverageResponse, t: (key: string, o?: Record<string, unknown>) => string) {
  const byCode = new Map(data.towns.map((x) => [x.code, x]));
  const max = Math.max(1, ...data.towns.map((x) => x.halls + x.stations));
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string }) => {
        const town = byCode.get(p.name);
        if (!town) return escapeHtml(p.name);
        return [escapeHtml(town.name), escapeHtml(t('dashboard.coverage.mapTooltip', { halls: town.halls, stations: town.stations, members: town.members, events: town.events }))].join('<br/>');
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      text: [t('dashboard.coverage.more'), t('dashboard.coverage.fewer')],
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#e6f4ff', '#0958d9'] },
      textStyle: { color: '#333' },
    },
    series: [
      {
        type: 'map',
        map: MAP,
        nameProperty: 'code',
        aspectScale: 1,
        top: 8,
        bottom: 48,
        label: { show: true, formatter: (p: { name: string }) => byCode.get(p.name)?.name ?? '', color: '#000', fontSize: 12, textBorderColor: '#fff', textBorderWidth: 3 },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        emphasis: { label: { color: '#000' }, itemStyle: { areaColor: '#ffd666' } },
        select: { disabled: true },
        data: data.towns.map((x) => ({ name: x.code, value: x.halls + x.stations })),
      },
    ],
  };
}

/** 覆盖情况: halls and stations per town as a schematic map and as tables. */
export function CoveragePage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.coverage.title'));
  const coverage = useRequest((signal) => loadCoverage(signal), 'coverage');
  const data = coverage.data;
  const option = useMemo(() => (data ? coverageMapOption(data, t as never) : null), [data, t]);
  const townName = new Map((data?.towns ?? []).map((x) => [x.code, x.name]));

  return (
    <div className="mh-page mh-dashboard">
      <p>
        <Link to="/dashboard">{t('dashboard.backToDashboard')}</Link>
      </p>
      <h1 className="mh-page-title">{t('dashboard.coverage.title')}</h1>
      {coverage.error && <ProblemAlert error={coverage.error} className="mh-block" />}
      {!data && !coverage.error && <Skeleton active />}
      {data && option && (
        <>
          <p className="mh-dash-summary" data-testid="coverage-summary">
            {t('dashboard.coverage.summary', { withHall: data.summary.townsWithHall, towns: data.summary.towns, name: data.district.name })}
          </p>
          <p className="mh-muted">
            {t('dashboard.coverage.summaryMore', { withStation: data.summary.townsWithStation, stations: data.summary.stations, members: data.summary.members, events: data.summary.events })}
          </p>
          <figure className="mh-chart-figure">
            <figcaption className="mh-chart-caption">
              <span className="mh-chart-caption-text">{t('dashboard.coverage.mapCaption')}</span>
            </figcaption>
            <EChart option={option} label={t('dashboard.coverage.mapLabel', { name: data.district.name })} className="mh-chart mh-chart-map" />
            <p className="mh-muted" data-testid="schematic-note">
              {t('dashboard.coverage.schematic')}
            </p>
          </figure>
          <h2 className="mh-section-title">{t('dashboard.coverage.townsTitle')}</h2>
          <TableScroll label={t('dashboard.coverage.townsTitle')}>
            <table className="mh-print-table" data-testid="coverage-towns">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.coverage.town')}</th>
                  <th scope="col">{t('dashboard.coverage.halls')}</th>
                  <th scope="col">{t('dashboard.coverage.stations')}</th>
                  <th scope="col">{t('dashboard.coverage.studios')}</th>
                  <th scope="col">{t('dashboard.coverage.members')}</th>
                  <th scope="col">{t('dashboard.coverage.events')}</th>
                </tr>
              </thead>
              <tbody>
                {data.towns.map((x) => (
                  <tr key={x.code} data-town={x.code}>
                    <th scope="row">
                      <Link to={`/dashboard?territory=${x.code}`}>{x.name}</Link>
                    </th>
                    <td>{x.halls}</td>
                    <td>{x.stations}</td>
                    <td>{x.studios}</td>
                    <td>{x.members}</td>
                    <td>{x.events}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <h2 className="mh-section-title">{t('dashboard.coverage.stationsTitle')}</h2>
          <TableScroll label={t('dashboard.coverage.stationsTitle')}>
            <table className="mh-print-table" data-testid="coverage-stations">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.coverage.station')}</th>
                  <th scope="col">{t('dashboard.coverage.kind')}</th>
                  <th scope="col">{t('dashboard.coverage.town')}</th>
                  <th scope="col">{t('dashboard.coverage.members')}</th>
                  <th scope="col">{t('dashboard.coverage.events')}</th>
                </tr>
              </thead>
              <tbody>
                {data.stations.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link to={s.href}>{s.name}</Link>
                    </th>
                    <td>{t(`dashboard.coverage.kinds.${s.kind}`)}</td>
                    <td>{townName.get(s.townCode) ?? s.townCode}</td>
                    <td>{s.members}</td>
                    <td>{s.events}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </div>
  );
}
