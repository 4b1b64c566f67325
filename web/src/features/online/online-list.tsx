import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { OnlineSummary } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';

/**
 * Online consultations residents can join, as links: the open ones (all, or an event's), and with
 * `withClosed` also the closed ones of that event. Renders nothing when there are none.
 */
export function OnlineList({ eventId, heading, withClosed = false }: { eventId?: string; heading: string; withClosed?: boolean }) {
  const { t } = useTranslation();
  const list = useRequest((signal) => api.get<{ items: OnlineSummary[] }>('/public/online', undefined, signal), 'all');
  const items = (list.data?.items ?? []).filter((o) => (eventId ? o.eventId === eventId : true) && (withClosed || o.state === 'open'));
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="online-list-heading" className="mh-home-section mh-online-list">
      <h2 id="online-list-heading" className="mh-section-title">
        {heading}
      </h2>
      <ul>
        {items.map((o) => (
          <li key={o.id}>
            <Link to={`/online/${o.id}`}>{o.title}</Link>{' '}
            <span className="mh-muted">
              {o.state === 'closed' ? `${t('online.states.closed')} · ` : ''}
              {t('online.listFacts', { participants: o.participants, statements: o.statements })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
