import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutySlot } from '../../api/types.js';
import { weekday, weekdayOfDate } from './venue-text.js';

/** Duty slots grouped by date, each with its time, member (or venue) and flags. */
export function DutyList({ slots, show }: { slots: DutySlot[]; show: 'member' | 'venue' }) {
  const { t } = useTranslation();
  const dates = [...new Set(slots.map((s) => s.date))];
  return (
    <ul className="mh-duty-list">
      {dates.map((date) => (
        <li key={date}>
          <div className="mh-duty-date">
            {date} {weekday(t, weekdayOfDate(date))}
          </div>
          <ul>
            {slots
              .filter((s) => s.date === date)
              .map((s) => (
                <li key={`${s.ruleId}-${s.date}-${s.startTime}`}>
                  <span className="mh-duty-time">
                    {s.startTime}–{s.endTime}
                  </span>{' '}
                  <span>{show === 'member' ? s.member.name : s.venueName}</span>
                  {s.holiday && <Tag color="orange">{t('venues.holiday')}</Tag>}
                  {s.origin === 'moved' && s.movedFrom && <Tag>{t('venues.moved', { date: s.movedFrom })}</Tag>}
                  {s.origin === 'added' && <Tag>{t('venues.added')}</Tag>}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
