import { Descriptions, Progress, Tag, Timeline } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { ReplyGrade, SuggestionMilestone, SuggestionReply, SuggestionRollup, SuggestionState } from '../../api/types.js';
import { formatDate, formatDateTime } from '../../components/format.js';

// Dark text on a light background (as the appeal tags): every pair keeps a contrast ratio above 7:1.
const PALETTE = {
  blue: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  cyan: { color: '#00474f', background: '#e6fffb', borderColor: '#87e8de' },
  orange: { color: '#612500', background: '#fff7e6', borderColor: '#ffd591' },
  purple: { color: '#22075e', background: '#f9f0ff', borderColor: '#d3adf7' },
  gold: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
  green: { color: '#092b00', background: '#f6ffed', borderColor: '#b7eb8f' },
  red: { color: '#5c0011', background: '#fff1f0', borderColor: '#ffa39e' },
  grey: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
} as const;
export type Colour = keyof typeof PALETTE;

const STATE_COLOUR: Record<SuggestionState, Colour> = {
  proposed: 'grey',
  decided: 'blue',
  merged: 'grey',
  assigned: 'gold',
  objected: 'red',
  signed: 'cyan',
  replied: 'purple',
  reopened: 'orange',
  closed: 'green',
};

/** A tag in a readable colour. */
export function Chip({ colour = 'grey', children }: { colour?: Colour; children: ReactNode }) {
  return <Tag style={PALETTE[colour]}>{children}</Tag>;
}

/** A suggestion's state as a coloured tag. */
export function StateTag({ t, state }: { t: TFunction; state: SuggestionState }) {
  return <Chip colour={STATE_COLOUR[state]}>{t(`suggestions.states.${state}`)}</Chip>;
}

/** A reply grade with its meaning. */
export function GradeTag({ t, grade }: { t: TFunction; grade: ReplyGrade }) {
  return <Chip colour={grade === 'A' ? 'green' : grade === 'D' ? 'grey' : 'blue'}>{t(`suggestions.grades.${grade}`)}</Chip>;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);

/** The roll-up figures with the formula of each rate beside it. */
export function RollupView({ t, rollup }: { t: TFunction; rollup: SuggestionRollup }) {
  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }} className="mh-block">
      <Descriptions.Item label={t('suggestions.rollup.suggestions')}>{rollup.suggestions}</Descriptions.Item>
      <Descriptions.Item label={t('suggestions.rollup.adopted')}>{rollup.adopted}</Descriptions.Item>
      <Descriptions.Item label={t('suggestions.rollup.adoptionRate')}>
        {pct(rollup.adoptionRate)} <span className="mh-muted">{t('suggestions.rollup.adoptionFormula', { adopted: rollup.adopted, decided: rollup.decided })}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('suggestions.rollup.assigned')}>{rollup.assigned}</Descriptions.Item>
      <Descriptions.Item label={t('suggestions.rollup.replied')}>{rollup.replied}</Descriptions.Item>
      <Descriptions.Item label={t('suggestions.rollup.implemented')}>{rollup.implemented}</Descriptions.Item>
      <Descriptions.Item label={t('suggestions.rollup.implementationRate')}>
        {pct(rollup.implementationRate)} <span className="mh-muted">{t('suggestions.rollup.implementationFormula', { implemented: rollup.implemented, assigned: rollup.assigned })}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('suggestions.rollup.averageProgress')}>{rollup.averageProgress === null ? '—' : `${rollup.averageProgress} %`}</Descriptions.Item>
      <Descriptions.Item label={t('suggestions.rollup.satisfaction')}>
        {pct(rollup.satisfaction)} <span className="mh-muted">{t('suggestions.rollup.ratings', { count: rollup.ratings })}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** Replies and milestones, oldest first. */
export function RepliesView({ t, replies, milestones, progress }: { t: TFunction; replies: SuggestionReply[]; milestones: SuggestionMilestone[]; progress: number }) {
  return (
    <>
      <Progress percent={progress} aria-label={t('suggestions.progress')} className="mh-block" />
      {replies.length > 0 && (
        <>
          <h3>{t('suggestions.replies')}</h3>
          <Timeline
            items={replies.map((r) => ({
              key: r.at,
              children: (
                <div className="mh-break">
                  <GradeTag t={t} grade={r.grade} /> {r.unit} · {formatDateTime(r.at)}
                  <p className="mh-pre">{r.text}</p>
                  {r.evidence && <p className="mh-muted mh-pre">{t('suggestions.evidence')}：{r.evidence}</p>}
                </div>
              ),
            }))}
          />
        </>
      )}
      {milestones.length > 0 && (
        <>
          <h3>{t('suggestions.milestones')}</h3>
          <ul>
            {milestones.map((m) => (
              <li key={m.at} className="mh-break">
                {formatDate(m.onDate)} · {m.percent} % · {m.milestone}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
