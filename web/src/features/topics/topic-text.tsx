import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TOPIC_ACTIONS, TOPIC_STATES, type TopicAction, type TopicState, type Trend } from '../../api/types.js';

// Dark text on a light background: every pair keeps a contrast ratio above 7:1.
const STATE_STYLES: Record<TopicState, { color: string; background: string; borderColor: string }> = {
  draft: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
  submitted: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  returned: { color: '#612500', background: '#fff7e6', borderColor: '#ffd591' },
  filed: { color: '#092b00', background: '#f6ffed', borderColor: '#b7eb8f' },
  rejected: { color: '#5c0011', background: '#fff1f0', borderColor: '#ffa39e' },
};

const isState = (s: string): s is TopicState => (TOPIC_STATES as readonly string[]).includes(s);
const isAction = (a: string): a is TopicAction => (TOPIC_ACTIONS as readonly string[]).includes(a);

/** 草稿 / Draft; an unknown state is shown as the server sent it. */
export function topicStateLabel(t: TFunction, state: string): string {
  return isState(state) ? t(`topics.states.${state}`) : state;
}

/** A history entry's action: 提出 / Proposed, 退回 / Sent back, …; unknown ones as sent. */
export function topicEventLabel(t: TFunction, action: string): string {
  if (action === 'propose') return t('topics.events.propose');
  return isAction(action) ? t(`topics.events.${action}`) : action;
}

/** The state as a coloured tag with its name in words. */
export function TopicStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag className="mh-state-tag" data-state={state} style={isState(state) ? STATE_STYLES[state] : STATE_STYLES.draft}>
      {topicStateLabel(t, state)}
    </Tag>
  );
}

const TREND_STYLES: Record<Trend, { color: string; background: string; borderColor: string }> = {
  rising: STATE_STYLES.rejected,
  steady: STATE_STYLES.draft,
  falling: STATE_STYLES.filed,
};

/** 上升 / 平稳 / 回落 as a tag. */
export function TrendTag({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  return (
    <Tag data-trend={trend} style={TREND_STYLES[trend]}>
      {t(`topics.trends.${trend}`)}
    </Tag>
  );
}

/**
 * A tiny bar chart of appeals per slice of the period, drawn as inline SVG (no chart library);
 * the numbers are its accessible name, so a screen reader hears the same trend.
 */
export function Sparkline({ series, label }: { series: number[]; label: string }) {
  const max = Math.max(1, ...series);
  const bar = 8;
  const gap = 3;
  const height = 28;
  const width = series.length * (bar + gap) - gap;
  return (
    <svg className="mh-sparkline" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {series.map((n, i) => {
        const h = n === 0 ? 1 : Math.max(3, Math.round((n / max) * height));
        return <rect key={i} x={i * (bar + gap)} y={height - h} width={bar} height={h} rx={1} fill={n === 0 ? '#d9d9d9' : '#1677ff'} />;
      })}
    </svg>
  );
}
