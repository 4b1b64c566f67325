import { Card, Descriptions, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { PublicConsultation } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { OnlineList } from '../online/online-list.js';

/** The agenda as a list: every text shown as text. */
export function AgendaList({ event }: { event: PublicConsultation }) {
  const { t } = useTranslation();
  if (event.agenda.length === 0) return <Empty description={t('publicConsultation.noAgenda')} />;
  return (
    <ol>
      {event.agenda.map((i, n) => (
        <li key={n}>
          <Tag>{t(`consultations.agendaKinds.${i.kind}`)}</Tag> <span>{i.title}</span>
          {i.speaker && <span className="mh-muted"> — {i.speaker}</span>}
        </li>
      ))}
    </ol>
  );
}

/** An announced event's public page (公告): title, time, place, announcement and agenda. */
export function PublicConsultationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useRequest((signal) => api.get<PublicConsultation>(`/public/consultations/${id}`, undefined, signal), id);
  usePageTitle(event.data?.title ?? t('publicConsultation.title'));
  const e = event.data;
  return (
    <div className="mh-page mh-narrow mh-wrap">
      {event.error && <ProblemAlert error={event.error} className="mh-block" />}
      {e && (
        <>
          <h1 className="mh-page-title">{e.title}</h1>
          <p>
            <Tag>{t(`consultations.states.${e.state}`)}</Tag>
            <Tag>{t(`consultations.modes.${e.mode}`)}</Tag>
          </p>
          <Descriptions bordered column={1} size="small" className="mh-block">
            <Descriptions.Item label={t('publicConsultation.time')}>
              {formatDateTime(e.startsAt)}
              {e.endsAt ? ` – ${formatDateTime(e.endsAt)}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('publicConsultation.venue')}>
              {e.venueName ?? t('consultations.online')}
              {e.venueAddress && <div className="mh-muted">{e.venueAddress}</div>}
            </Descriptions.Item>
          </Descriptions>
          {e.summary && <p className="mh-pre-wrap">{e.summary}</p>}
          {e.announcement && (
            <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{e.announcement.title}</h2>}>
              <div className="mh-pre-wrap">{e.announcement.body}</div>
            </Card>
          )}
          <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{t('publicConsultation.agenda')}</h2>}>
            <AgendaList event={e} />
          </Card>
          <OnlineList eventId={e.id} heading={t('online.eventTitle')} withClosed />
        </>
      )}
    </div>
  );
}
