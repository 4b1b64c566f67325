import { Descriptions, Progress, Tag, Timeline } from 'antd';
import type { TFunction } from 'i18next';
import type { ReplyGrade, SuggestionMilestone, SuggestionReply, SuggestionRollup, SuggestionState } from '../../api/types.js';
import { formatDate, formatDateTime } from '../../components/format.js';

const STATE_COLOR: Record<SuggestionState, string> = {
  proposed: 'default',
  decided: 'blue',
  merged: 'default',
  assigned: 'gold',
  objected: 'red',
  signed: 'cyan',
  replied: 'geekblue',
  reopened: 'volcano',
  closed: 'green',
};

/** A suggestion's state as a coloured tag. */
export function StateTag({ t, state }: { t: TFunction; state: SuggestionState }) {
  return <Tag color={STATE_COLOR[state]}>{t(`suggestions.states.${state}`)}</Tag>;
}

/** A reply grade with its meaning. */
export function GradeTag({ t, grade }: { t: TFunction; grade: ReplyGrade }) {
  return <Tag color={grade === 'A' ? 'green' : grade === 'D' ? 'default' : 'blue'}>{t(`suggestions.grades.${grade}`)}</Tag>;
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
