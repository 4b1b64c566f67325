/**
 * Public shapes of the records behind figures. Appeals show only their tracking number,
 * category, town, month and state: never the description, names, phones, address or place.
 * A suggestion's text shows only once it has been published on its event's list.
 */
import type { AppealRecordRow } from './dashboards.repository.js';

export function presentAppealRecord(r: AppealRecordRow) {
  return {
    kind: 'appeal' as const,
    trackingNo: r.tracking_no,
    category: r.category_zh,
    categoryEn: r.category_en,
    townName: r.town_name ?? '',
    month: r.month,
    state: r.state,
    counted: Number(r.counted) === 1,
    href: null,
  };
}

export function presentTopicRecord(t: { id: string; title: string; town_name: string | null; filed_at: string | null }) {
  return {
    kind: 'topic' as const,
    id: t.id,
    title: t.title,
    townName: t.town_name,
    filedAt: t.filed_at,
    counted: true,
    href: `/search?q=${encodeURIComponent(t.title)}`,
  };
}

export function presentEventRecord(e: { id: string; title: string; venue_name: string | null; starts_at: string; state: string }, counted: boolean) {
  return { kind: 'event' as const, id: e.id, title: e.title, venueName: e.venue_name, startsAt: e.starts_at, state: e.state, counted, href: `/events/${e.id}` };
}

export function presentSuggestionRecord(
  s: { id: string; text: string; event_title: string; state: string; decision: string | null; issued_at: string | null },
  counted: boolean,
) {
  return {
    kind: 'suggestion' as const,
    id: s.id,
    text: s.issued_at ? s.text : '',
    eventTitle: s.event_title,
    state: s.state,
    decision: s.decision,
    counted,
    href: `/suggestions/${s.id}`,
  };
}
