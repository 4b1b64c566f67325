import { Empty, List, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { SuggestionSummary } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { SuggestionListPanel } from './suggestion-list-panel.js';
import { GradeTag, StateTag, Chip } from './suggestion-text.js';

/** Suggestions as a list of links with state, unit, deadline and progress. */
function SummaryList({ path, query }: { path: string; query?: Record<string, string> }) {
  const { t } = useTranslation();
  const list = useRequest((signal) => api.get<{ items: SuggestionSummary[] }>(path, query, signal), `${path}?${JSON.stringify(query ?? {})}`);
  if (list.error) return <ProblemAlert error={list.error} />;
  if (list.data && list.data.items.length === 0) return <Empty description={t('suggestions.none')} />;
  return (
    <List
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      renderItem={(s) => (
        <List.Item key={s.id}>
          <div className="mh-break">
            <Link to={`/workbench/suggestions/${s.id}`}>
              {s.event} · {s.seq}. {s.text.length > 60 ? `${s.text.slice(0, 60)}…` : s.text}
            </Link>
            <div>
              <StateTag t={t} state={s.state} />
              {s.grade && <GradeTag t={t} grade={s.grade} />}
              {s.overdue && <Chip colour="red">{t('suggestions.overdue')}</Chip>}
              <span className="mh-muted">
                {s.units.filter((u) => u.role === 'lead').map((u) => u.name).join('、')}
                {s.state === 'assigned' && s.signDueAt && ` · ${t('suggestions.signDue')} ${formatDateTime(s.signDueAt)}`}
                {s.replyDueAt && s.state !== 'assigned' && s.state !== 'closed' && ` · ${t('suggestions.replyDue')} ${formatDateTime(s.replyDueAt)}`}
                {s.units.length > 0 && ` · ${s.progress} %`}
              </span>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}

/** An event's suggestion list as its own workbench page (the event page embeds the same panel). */
export function EventSuggestionsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('suggestions.listTitle'));
  return (
    <div className="mh-page">
      <h1 className="mh-page-title">{t('suggestions.listTitle')}</h1>
      <p>
        <Link to={`/consultations/${id}/results`}>{t('suggestions.publicResults')}</Link>
      </p>
      <SuggestionListPanel consultationId={id} />
    </div>
  );
}

/** A unit clerk's desk: assigned items and their deadlines. */
export function UnitSuggestionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('suggestions.unitTitle'));
  return (
    <div className="mh-page mh-narrow">
      <h1 className="mh-page-title">{t('suggestions.unitTitle')}</h1>
      <SummaryList path="/suggestions/assigned" />
    </div>
  );
}

/** The district's desk: suggestions to assign, objections to decide, overdue items. */
export function SuggestionDeskPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>('to_assign');
  usePageTitle(t('suggestions.deskTitle'));
  return (
    <div className="mh-page mh-narrow">
      <h1 className="mh-page-title">{t('suggestions.deskTitle')}</h1>
      <Tabs
        activeKey={kind}
        onChange={setKind}
        items={(['to_assign', 'objections', 'overdue'] as const).map((k) => ({ key: k, label: t(`suggestions.desk.${k}`), children: kind === k ? <SummaryList path="/suggestions/queue" query={{ kind: k }} /> : null }))}
      />
    </div>
  );
}

/** What came of the suggestions one raised or whose linked appeal one filed; rate them here. */
export function MySuggestionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('suggestions.mineTitle'));
  return (
    <div className="mh-page mh-narrow">
      <h1 className="mh-page-title">{t('suggestions.mineTitle')}</h1>
      <SummaryList path="/suggestions/mine" />
    </div>
  );
}
