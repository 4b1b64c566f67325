import { Card, Empty, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import { VENUE_KINDS, type PublicDuty, type PublicVenue, type VenueKind } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { kindLabel } from '../venues/venue-text.js';

interface TodayBoard {
  date: string;
  items: { venue: { id: string }; duty: PublicDuty[] }[];
}

/** Public list of venues with who is on duty today. */
export function PublicVenuesPage() {
  const { t } = useTranslation();
  usePageTitle(t('publicVenues.title'));
  const [kind, setKind] = useState<VenueKind>();
  const venues = useRequest((signal) => api.get<{ items: PublicVenue[] }>('/public/venues', kind ? { kind } : undefined, signal), kind ?? '');
  const today = useRequest((signal) => api.get<TodayBoard>('/duty/today', undefined, signal), 'today');
  const dutyOf = (id: string) => today.data?.items.find((i) => i.venue.id === id)?.duty ?? [];
  return (
    <div className="mh-page">
      <h1 className="mh-page-title">{t('publicVenues.title')}</h1>
      <p>{t('publicVenues.intro')}</p>
      <Select<VenueKind>
        aria-label={t('publicVenues.filter')}
        allowClear
        className="mh-filter-select mh-block"
        placeholder={t('common.all')}
        value={kind}
        onChange={setKind}
        options={VENUE_KINDS.map((k) => ({ value: k, label: t(`venues.kinds.${k}`) }))}
      />
      {venues.error && <ProblemAlert error={venues.error} className="mh-block" />}
      {venues.data && venues.data.items.length === 0 && <Empty />}
      <ul className="mh-venue-cards">
        {venues.data?.items.map((v) => (
          <li key={v.id}>
            <Card size="small">
              <h2 className="mh-card-title">
                <Link to={`/venues/${v.id}`}>{v.name}</Link>
              </h2>
              <div className="mh-muted">
                {kindLabel(t, v)}
                {v.territoryName ? ` · ${v.territoryName}` : ''}
              </div>
              <div>{v.address}</div>
              {dutyOf(v.id).map((d) => (
                <Tag key={`${d.name}-${d.startTime}`} color="green" style={{ color: '#135200' }}>
                  {t('publicVenues.today')}：{d.name} {d.startTime}–{d.endTime}
                </Tag>
              ))}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
