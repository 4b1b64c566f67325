import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignProgressResponse } from '../../api/types.js';
import { axisTooltip, ChartFigure } from './chart.js';

/** Day-by-day cumulative events and suggestions against the campaign's targets (dashed lines). */
export function CampaignProgressChart({ data }: { data: CampaignProgressResponse }) {
  const { t } = useTranslation();
  const { campaign, days } = data;
  const figure = useMemo(() => {
    const events = t('dashboard.campaign.eventsCumulative');
    const suggestions = t('dashboard.campaign.suggestionsCumulative');
    const target = (value: number | null, name: string, color: string) =>
      value === null
        ? undefined
        : {
            symbol: 'none',
            silent: true,
            lineStyle: { color, type: 'dashed', width: 2 },
            label: { formatter: name, position: 'insideEndTop', color: '#000' },
            data: [{ yAxis: value }],
          };
    const top = Math.max(campaign.targetEvents ?? 0, campaign.targetSuggestions ?? 0, ...days.map((d) => Math.max(d.eventsCumulative, d.suggestionsCumulative)), 1);
    return {
      option: {
        color: ['#0958d9', '#389e0d'],
        tooltip: { trigger: 'axis', confine: true, formatter: axisTooltip },
        legend: { top: 0, textStyle: { color: '#333' } },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)), boundaryGap: false },
        yAxis: { type: 'value', minInterval: 1, max: Math.ceil(top * 1.1) },
        series: [
          { type: 'line', name: events, step: 'end', data: days.map((d) => d.eventsCumulative), markLine: target(campaign.targetEvents, t('dashboard.campaign.targetEventsLine', { n: campaign.targetEvents }), '#0958d9') },
          {
            type: 'line',
            name: suggestions,
            step: 'end',
            data: days.map((d) => d.suggestionsCumulative),
            markLine: target(campaign.targetSuggestions, t('dashboard.campaign.targetSuggestionsLine', { n: campaign.targetSuggestions }), '#389e0d'),
          },
        ],
      },
      table: {
        columns: [t('dashboard.campaign.date'), t('dashboard.campaign.events'), events, t('dashboard.campaign.suggestions'), suggestions],
        rows: days.map((d) => [d.date, d.events, d.eventsCumulative, d.suggestions, d.suggestionsCumulative]),
      },
    };
  }, [data, t]);
  return <ChartFigure caption={t('dashboard.campaign.chartCaption')} option={figure.option} table={figure.table} />;
}

/** Totals against targets, as a description list. */
export function CampaignTotals({ data }: { data: CampaignProgressResponse }) {
  const { t } = useTranslation();
  const { campaign, totals } = data;
  const against = (n: number, target: number | null) => (target === null ? String(n) : t('dashboard.campaign.ofTarget', { n, target }));
  return (
    <dl className="mh-facts mh-campaign-totals" data-testid="campaign-totals">
      <dt>{t('dashboard.campaign.period')}</dt>
      <dd>{`${campaign.startsOn} – ${campaign.endsOn}`}</dd>
      <dt>{t('dashboard.campaign.events')}</dt>
      <dd>{against(totals.events, campaign.targetEvents)}</dd>
      <dt>{t('dashboard.campaign.suggestions')}</dt>
      <dd>{against(totals.suggestions, campaign.targetSuggestions)}</dd>
      <dt>{t('dashboard.campaign.adopted')}</dt>
      <dd>{totals.adopted}</dd>
      <dt>{t('dashboard.campaign.towns')}</dt>
      <dd>{t('dashboard.campaign.townsCovered', { covered: totals.townsCovered, towns: totals.towns })}</dd>
    </dl>
  );
}
