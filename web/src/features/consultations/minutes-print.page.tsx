import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { ConsultationArtefact, ConsultationDetail, EventSuggestions } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';

/** The newest document of a kind (documents are added, never edited: the latest counts). */
const latest = (artefacts: ConsultationArtefact[], kind: ConsultationArtefact['kind']) => artefacts.filter((a) => a.kind === kind).at(-1);

/**
 * An event's minutes as a page to print or save as PDF (the browser's print dialog): the event,
 * its agenda, who attended, the minutes, and the suggestion list with its decisions. Only the
 * page's content prints (styles.css hides the workbench around it); every text is plain text.
 */
export function MinutesPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const event = useRequest((signal) => api.get<ConsultationDetail>(`/consultations/${id}`, undefined, signal), id);
  const mayList = can('suggestions:manage');
  const list = useRequest((signal) => (mayList ? api.get<EventSuggestions>(`/consultations/${id}/suggestions`, undefined, signal) : Promise.resolve(undefined)), `${id}:${mayList}`);
  usePageTitle(event.data ? t('minutesPrint.pageTitle', { title: event.data.title }) : t('minutesPrint.title'));
  if (event.error) return <ProblemAlert error={event.error} className="mh-block" />;
  const c = event.data;
  if (!c) return null;
  const agenda = latest(c.artefacts, 'agenda');
  const minutes = latest(c.artefacts, 'minutes');
  const items = (list.data?.items ?? []).filter((s) => s.state !== 'merged');
  return (
    <article className="mh-page mh-print">
      <p className="mh-no-print">
        <Link to={`/workbench/consultations/${c.id}`}>{t('minutesPrint.back')}</Link>{' '}
        <Button type="primary" onClick={() => window.print()}>
          {t('minutesPrint.print')}
        </Button>
      </p>
      <h1 className="mh-page-title">{t('minutesPrint.heading', { title: c.title })}</h1>
      <table className="mh-print-table">
        <tbody>
          <tr>
            <th scope="row">{t('consultations.startsAt')}</th>
            <td>{formatDateTime(c.startsAt)}</td>
          </tr>
          <tr>
            <th scope="row">{t('consultations.venue')}</th>
            <td>{c.venueName ?? t('consultations.online')}</td>
          </tr>
          <tr>
            <th scope="row">{t('consultations.topics')}</th>
            <td>{c.topics.map((x) => x.title).join(t('consultations.listSeparator')) || '—'}</td>
          </tr>
          <tr>
            <th scope="row">{t('minutesPrint.attendees')}</th>
            <td>{t('minutesPrint.attendeeCounts', { total: c.evaluation.attendees, members: c.evaluation.membersPresent, residents: c.evaluation.residents })}</td>
          </tr>
        </tbody>
      </table>

      <h2>{t('minutesPrint.agenda')}</h2>
      {agenda?.items?.length ? (
        <ol>
          {agenda.items.map((i, n) => (
            <li key={n}>
              {t(`consultations.agendaKinds.${i.kind}`)}：{i.title}
              {i.speaker ? `（${i.speaker}）` : ''}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('minutesPrint.none')}</p>
      )}

      <h2>{t('minutesPrint.attendance')}</h2>
      {c.attendance.length ? (
        <table className="mh-print-table">
          <thead>
            <tr>
              <th scope="col">{t('minutesPrint.name')}</th>
              <th scope="col">{t('consultations.attendeeKind')}</th>
              <th scope="col">{t('minutesPrint.affiliation')}</th>
              <th scope="col">{t('minutesPrint.speaker')}</th>
            </tr>
          </thead>
          <tbody>
            {c.attendance.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{t(`consultations.attendeeKinds.${a.roleKind}`)}</td>
                <td>{a.affiliation ?? ''}</td>
                <td>{a.speaker ? '✓' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('minutesPrint.none')}</p>
      )}

      <h2>{t('minutesPrint.minutes')}</h2>
      {minutes?.body ? <p className="mh-pre">{minutes.body}</p> : <p>{t('minutesPrint.none')}</p>}

      {mayList && (
        <>
          <h2>{t('minutesPrint.suggestions')}</h2>
          {items.length ? (
            <table className="mh-print-table">
              <thead>
                <tr>
                  <th scope="col">{t('minutesPrint.no')}</th>
                  <th scope="col">{t('minutesPrint.suggestion')}</th>
                  <th scope="col">{t('minutesPrint.decision')}</th>
                  <th scope="col">{t('minutesPrint.unit')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>{s.seq}</td>
                    <td className="mh-pre">{s.text}</td>
                    <td>{s.decision ? t(`suggestions.decisions.${s.decision}`) : t('minutesPrint.undecided')}</td>
                    <td>{s.units.map((u) => u.name).join(t('consultations.listSeparator'))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('minutesPrint.none')}</p>
          )}
        </>
      )}
      <p className="mh-muted">{t('minutesPrint.printedFrom', { at: formatDateTime(new Date().toISOString()) })}</p>
    </article>
  );
}
