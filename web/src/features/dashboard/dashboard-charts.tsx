import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardResponse } from '../../api/types.js';
import { axisTooltip, ChartFigure } from './chart.js';

const BLUE = '#0958d9';
const COLORS = ['#0958d9', '#389e0d', '#d46b08', '#722ed1'];

function barOption(names: string[], values: number[], seriesName: string) {
  return {
    color: [BLUE],
    tooltip: { trigger: 'axis', confine: true, formatter: axisTooltip },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 96, overflow: 'truncate' } },
    series: [{ type: 'bar', name: seriesName, data: values, label: { show: true, position: 'right' } }],
  };
}

/** Appeals by category, by territory and by month, each a figure with its data table. */
export function DashboardCharts({ data }: { data: DashboardResponse }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const count = t('dashboard.charts.count');

  const category = useMemo(() => {
    const names = data.byCategory.map((c) => (en ? c.nameEn || c.name : c.name));
    const values = data.byCategory.map((c) => c.count);
    return { option: barOption(names, values, count), table: { columns: [t('dashboard.charts.category'), count], rows: names.map((n, i) => [n, values[i] ?? 0]) } };
  }, [data, en, t]);

  const territory = useMemo(() => {
    const names = data.byTerritory.map((c) => c.name);
    const values = data.byTerritory.map((c) => c.count);
    return { option: barOption(names, values, count), table: { columns: [t('dashboard.charts.territory'), count], rows: names.map((n, i) => [n, values[i] ?? 0]) } };
  }, [data, t]);

  const month = useMemo(() => {
    const keys = ['appeals', 'closed', 'suggestions', 'events'] as const;
    const months = data.byMonth.map((m) => m.month);
    return {
      option: {
        color: COLORS,
        tooltip: { trigger: 'axis', confine: true, formatter: axisTooltip },
        legend: { top: 0, textStyle: { color: '#333' } },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: months, boundaryGap: false },
        yAxis: { type: 'value', minInterval: 1 },
        series: keys.map((k) => ({ type: 'line', name: t(`dashboard.charts.${k}`), data: data.byMonth.map((m) => m[k]), symbolSize: 6 })),
      },
      table: { columns: [t('dashboard.charts.month'), ...keys.map((k) => t(`dashboard.charts.${k}`))], rows: data.byMonth.map((m) => [m.month, m.appeals, m.closed, m.suggestions, m.events]) },
    };
  }, [data, t]);

  const tall = (n: number) => (n > 8 ? 'mh-chart mh-chart-tall' : 'mh-chart');
  return (
    <div className="mh-chart-grid">
      <ChartFigure caption={t('dashboard.charts.byCategory')} option={category.option} table={category.table} chartClassName={tall(data.byCategory.length)} />
      <ChartFigure
        caption={t('dashboard.charts.byTerritory', { name: data.scope.name })}
        option={territory.option}
        table={territory.table}
        chartClassName={tall(data.byTerritory.length)}
      />
      <ChartFigure caption={t('dashboard.charts.byMonth')} option={month.option} table={month.table} />
    </div>
  );
}
