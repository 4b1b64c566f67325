/** The records behind a figure (its denominator's rows, `counted` when in the numerator), coverage and campaign progress. */
import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { AppError } from '../../infra/http/errors.js';
import { APPEAL_FIGURES, isAppealFigure, townOf, type FigureKey } from './appeal-facts.js';
import {
  countFiledTopics,
  eventCountsByVenue,
  findCampaignRow,
  findTerritory,
  listActiveVenues,
  listAppealRecords,
  listCampaignEvents,
  countCampaignSuggestions,
  listChildTerritories,
  listEventRecords,
  listFiledTopics,
  listSuggestionRecords,
  memberCountsByVenue,
  sumAppealMonths,
} from './dashboards.repository.js';
import { DISTRICT_CODE, type ResolvedFilters } from './dashboards.service.js';
import { presentAppealRecord, presentEventRecord, presentSuggestionRecord, presentTopicRecord } from './dashboards.presenter.js';

export async function records(db: Kysely<DB>, r: ResolvedFilters, figure: FigureKey, page: number, pageSize: number) {
  const offset = (page - 1) * pageSize;
  if (isAppealFigure(figure)) {
    const f = APPEAL_FIGURES[figure];
    const [cells, rows] = await Promise.all([
      sumAppealMonths(db, r.scope, r.from, r.to, r.categoryIds),
      listAppealRecords(db, r.scope, r.from, r.to, r.categoryIds, f, pageSize, offset),
    ]);
    const total = cells.reduce((s, c) => s + c[f.denominator], 0);
    return { figure, kind: 'appeal' as const, total, page, pageSize, items: rows.map(presentAppealRecord) };
  }
  if (figure === 'topics_filed') {
    const tf = { fromIso: r.events.fromIso, toIso: r.events.toIso, scope: r.scope, venueId: r.venue, campaignId: r.campaign };
    const [total, rows] = await Promise.all([countFiledTopics(db, tf), listFiledTopics(db, tf, pageSize, offset)]);
    return { figure, kind: 'topic' as const, total, page, pageSize, items: rows.map(presentTopicRecord) };
  }
  if (figure === 'events' || figure === 'events_completed') {
    const { rows, total } = await listEventRecords(db, r.events, figure === 'events_completed', pageSize, offset);
    return { figure, kind: 'event' as const, total, page, pageSize, items: rows.map((e) => presentEventRecord(e, figure === 'events' || e.state === 'completed')) };
  }
  const only = figure === 'adoption_rate' ? 'decided' : figure === 'implementation_rate' ? 'assigned' : 'live';
  const { rows, total } = await listSuggestionRecords(db, r.events, only, pageSize, offset);
  const counted = (s: (typeof rows)[number]) =>
    figure === 'adoption_rate' ? s.decision === 'adopted' || s.decision === 'partly_adopted' : figure === 'implementation_rate' ? s.state === 'closed' && s.grade === 'A' : true;
  return { figure, kind: 'suggestion' as const, total, page, pageSize, items: rows.map((s) => presentSuggestionRecord(s, counted(s))) };
}

/** Halls, stations and studios per town, members and events per venue. */
export async function coverage(db: Kysely<DB>, territory: string | undefined) {
  const code = territory ?? DISTRICT_CODE;
  const t = await findTerritory(db, code);
  if (!t || !code.startsWith(DISTRICT_CODE) || !(t.level === 'county' || t.level === 'town'))
    throw new AppError('NOT_FOUND', { zh: `找不到地区 ${code}（须为西湖区或其下的镇街）`, en: `No territory ${code} (the district or one of its towns)` });
  const district = (await findTerritory(db, DISTRICT_CODE)) ?? t;
  const towns = t.level === 'town' ? [{ code: t.code, name: t.name }] : await listChildTerritories(db, DISTRICT_CODE);
  const [venues, members, events] = await Promise.all([listActiveVenues(db), memberCountsByVenue(db), eventCountsByVenue(db)]);
  const row = new Map(towns.map((x) => [x.code, { code: x.code, name: x.name, halls: 0, stations: 0, studios: 0, members: 0, events: 0 }]));
  const stations = [];
  for (const v of venues) {
    const town = v.territory_code ? townOf(v.territory_code) : null;
    const tr = town ? row.get(town) : undefined;
    if (!tr) continue;
    const m = members.get(v.id) ?? 0;
    const e = events.get(v.id) ?? 0;
    if (v.kind === 'hall') tr.halls += 1;
    else if (v.kind === 'station') tr.stations += 1;
    else tr.studios += 1;
    tr.members += m;
    tr.events += e;
    stations.push({ id: v.id, name: v.name, townCode: tr.code, kind: v.kind, members: m, events: e, href: `/venues/${v.id}` });
  }
  const list = [...row.values()];
  return {
    district: { code: district.code, name: district.name },
    towns: list,
    summary: {
      towns: list.length,
      townsWithHall: list.filter((x) => x.halls > 0).length,
      townsWithStation: list.filter((x) => x.stations > 0).length,
      stations: list.reduce((s, x) => s + x.stations, 0),
      members: list.reduce((s, x) => s + x.members, 0),
      events: list.reduce((s, x) => s + x.events, 0),
    },
    stations,
  };
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const chinaDate = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A campaign's events and suggestions day by day, against its targets. */
export async function campaignProgress(db: Kysely<DB>, id: string, now = new Date()) {
  const c = await findCampaignRow(db, id);
  if (!c) throw new AppError('NOT_FOUND', { zh: `找不到协商议事月 ${id}`, en: `No campaign ${id}` });
  const [events, suggestions] = await Promise.all([listCampaignEvents(db, id), countCampaignSuggestions(db, id)]);
  const today = chinaDate(now.toISOString());
  const last = c.ends_on < today ? c.ends_on : today;
  const perDay = new Map<string, { events: number; suggestions: number }>();
  const bump = (d: string, k: 'events' | 'suggestions', n: number) => {
    let x = perDay.get(d);
    if (!x) perDay.set(d, (x = { events: 0, suggestions: 0 }));
    x[k] += n;
  };
  for (const e of events) bump(chinaDate(e.starts_at), 'events', 1);
  for (const s of suggestions) bump(chinaDate(`${s.hour}:00:00.000Z`), 'suggestions', s.n);
  const days = [];
  let ec = 0;
  let sc = 0;
  // Anything before the first day counts towards the first day's cumulative figures.
  for (const [d, x] of perDay) if (d < c.starts_on) ((ec += x.events), (sc += x.suggestions));
  for (let d = c.starts_on; d <= last && days.length < 400; d = nextDay(d)) {
    const x = perDay.get(d) ?? { events: 0, suggestions: 0 };
    ec += x.events;
    sc += x.suggestions;
    days.push({ date: d, events: x.events, eventsCumulative: ec, suggestions: x.suggestions, suggestionsCumulative: sc });
  }
  const scopeCode = c.territory_code ?? DISTRICT_CODE;
  const towns = scopeCode.length >= 9 ? [townOf(scopeCode)] : (await listChildTerritories(db, scopeCode)).map((t) => t.code);
  const covered = new Set<string>();
  for (const e of events) {
    const code = e.venue_territory ?? e.territory_code;
    if (code && code.length >= 9) covered.add(townOf(code));
  }
  return {
    campaign: { id: c.id, title: c.title, startsOn: c.starts_on, endsOn: c.ends_on, targetEvents: c.target_events, targetSuggestions: c.target_suggestions, territoryCode: c.territory_code },
    days,
    totals: {
      events: events.length,
      suggestions: suggestions.reduce((n, s) => n + s.n, 0),
      adopted: suggestions.reduce((n, s) => n + s.adopted, 0),
      towns: towns.length,
      townsCovered: towns.filter((t) => covered.has(t)).length,
    },
  };
}
