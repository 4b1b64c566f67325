import { DownloadOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { PublicVenueDetail } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { hoursLines, kindLabel } from '../venues/venue-text.js';

/** A venue's public page (phones never shown): address, hours, members serving, today's duty. */
export function PublicVenuePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const venue = useRequest((signal) => api.get<PublicVenueDetail>(`/public/venues/${id}`, undefined, signal), id);
  usePageTitle(venue.data?.name ?? t('publicVenues.title'));
  const v = venue.data;
  return (
    <div className="mh-page mh-narrow">
      <p>
        <Link to="/venues">{t('publicVenues.back')}</Link>
      </p>
      {venue.error && <ProblemAlert error={venue.error} className="mh-block" />}
      {v && (
        <>
          <h1 className="mh-page-title">{v.name}</h1>
          <p className="mh-muted">
            {kindLabel(t, v)}
            {v.territoryName ? ` · ${v.territoryName}` : ''}
          </p>
          <Card title={<h2 className="mh-card-title">{t('publicVenues.today')}</h2>} size="small" className="mh-block">
            <p className="mh-muted">{v.today.date}</p>
            {v.today.duty.length === 0 ? (
              <Empty description={t('publicVenues.noDutyToday')} />
            ) : (
              <ul className="mh-duty-today">
                {v.today.duty.map((d) => (
                  <li key={`${d.name}-${d.startTime}`}>
                    <strong>{d.name}</strong> {d.startTime}–{d.endTime}
                    {d.holiday && <Tag color="orange">{t('venues.holiday')}</Tag>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Descriptions bordered column={1} size="small" className="mh-block">
            <Descriptions.Item label={t('publicVenues.address')}>{v.address}</Descriptions.Item>
            <Descriptions.Item label={t('publicVenues.hours')}>
              {v.openingHours.ranges.length === 0 && t('publicVenues.closed')}
              {hoursLines(t, v.openingHours).map((line) => (
                <div key={line}>{line}</div>
              ))}
              {v.openingHours.note && <div className="mh-muted">{v.openingHours.note}</div>}
            </Descriptions.Item>
            {v.head && <Descriptions.Item label={t('publicVenues.head')}>{v.head}</Descriptions.Item>}
            <Descriptions.Item label={t('publicVenues.members')}>
              {v.members.length === 0
                ? '—'
                : v.members.map((m) => (
                    <div key={m.name}>
                      {m.name}
                      {m.sector ? `（${m.sector}）` : ''}
                    </div>
                  ))}
            </Descriptions.Item>
          </Descriptions>
          <p>
            <a href={`/api/v1/venues/${v.id}/duty.ics`} download="duty.ics">
              <DownloadOutlined /> {t('publicVenues.ical')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
