import { Card, Descriptions, Empty, Timeline } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { PublicEventResults, PublicSuggestion, Rating, ReplyGrade, SuggestionDecision } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { GradeTag, RepliesView, RollupView, StateTag, Chip } from '../suggestions/suggestion-text.js';

/** One suggestion's journey: members named, other people only counted. */
function Journey({ t, s }: { t: TFunction; s: PublicSuggestion }) {
  const authors = [...s.members, ...(s.otherAuthors ? [t('suggestions.public.others', { count: s.otherAuthors })] : [])].join('、');
  return (
    <>
      <p className="mh-pre" data-testid="suggestion-text">{s.text}</p>
      <Descriptions bordered column={1} size="small" className="mh-block">
        <Descriptions.Item label={t('suggestions.public.event')}>
          <Link to={`/consultations/${s.event.id}/results`}>{s.event.title}</Link> · {formatDateTime(s.event.startsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('suggestions.authors')}>{authors || '—'}</Descriptions.Item>
        {s.appealCount > 0 && <Descriptions.Item label={t('suggestions.public.appeals')}>{t('suggestions.public.appealCount', { count: s.appealCount })}</Descriptions.Item>}
        <Descriptions.Item label={t('suggestions.decision')}>
          {s.decision ? t(`suggestions.decisions.${s.decision}`) : t('suggestions.public.undecided')}
          {s.decisionReason && <div className="mh-muted mh-pre">{s.decisionReason}</div>}
        </Descriptions.Item>
        <Descriptions.Item label={t('suggestions.units')}>
          {s.units.length === 0 ? '—' : s.units.map((u) => <div key={u.name}>{`${u.name}（${t(`suggestions.unitRoles.${u.role}`)}）`}</div>)}
        </Descriptions.Item>
        <Descriptions.Item label={t('suggestions.latestGrade')}>{s.grade ? <GradeTag t={t} grade={s.grade} /> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('suggestions.feedback')}>
          {(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((r) => `${t(`suggestions.ratings.${r}`)} ${s.feedback.result[r]}`).join(' · ')}
        </Descriptions.Item>
      </Descriptions>
      <RepliesView t={t} replies={s.replies} milestones={s.milestones} progress={s.progress} />
      <h2>{t('suggestions.public.journey')}</h2>
      <Timeline
        items={s.journey.map((j, i) => ({
          key: `${j.at}-${i}`,
          children: (
            <span data-testid="journey-step">
              {t(`suggestions.steps.${j.step}`, { defaultValue: j.step })} · {formatDateTime(j.at)}
              {typeof j.detail.decision === 'string' && ` · ${t(`suggestions.decisions.${j.detail.decision as SuggestionDecision}`)}`}
              {typeof j.detail.grade === 'string' && ` · ${t(`suggestions.grades.${j.detail.grade as ReplyGrade}`)}`}
              {typeof j.detail.resultRating === 'string' && ` · ${t(`suggestions.ratings.${j.detail.resultRating as Rating}`)}`}
            </span>
          ),
        }))}
      />
    </>
  );
}

/** The public page of one suggestion: from the meeting to the result. */
export function PublicSuggestionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useRequest((signal) => api.get<PublicSuggestion>(`/public/suggestions/${id}`, undefined, signal), id);
  usePageTitle(t('suggestions.public.title'));
  const s = item.data;
  return (
    <div className="mh-page mh-narrow">
      {item.error && <ProblemAlert error={item.error} className="mh-block" />}
      {s && (
        <>
          <h1 className="mh-page-title">
            {t('suggestions.itemTitle', { seq: s.seq })} <StateTag t={t} state={s.state} />
          </h1>
          <Journey t={t} s={s} />
        </>
      )}
    </div>
  );
}

/** An event's public results: its issued suggestions and the figures they add up to. */
export function PublicEventResultsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const results = useRequest((signal) => api.get<PublicEventResults>(`/public/consultations/${id}/suggestions`, undefined, signal), id);
  usePageTitle(results.data?.event.title ?? t('suggestions.public.resultsTitle'));
  const r = results.data;
  return (
    <div className="mh-page mh-narrow">
      {results.error && <ProblemAlert error={results.error} className="mh-block" />}
      {r && (
        <>
          <h1 className="mh-page-title">{r.event.title}</h1>
          <p className="mh-muted">{t('suggestions.public.resultsTitle')}</p>
          <RollupView t={t} rollup={r.rollup} />
          {r.items.length === 0 && <Empty description={t('suggestions.none')} />}
          {r.items.map((s) => (
            <Card
              key={s.id}
              size="small"
              className="mh-block"
              title={
                <Link to={`/suggestions/${s.id}`}>
                  {t('suggestions.itemTitle', { seq: s.seq })}
                </Link>
              }
              extra={<StateTag t={t} state={s.state} />}
            >
              <p className="mh-pre">{s.text}</p>
              {s.decision && <Chip>{t(`suggestions.decisions.${s.decision}`)}</Chip>}
              {s.units.length > 0 && <span className="mh-muted">{s.units.map((u) => u.name).join('、')} · {s.progress} %</span>}
            </Card>
          ))}
        </>
      )}
    </div>
  );
}
