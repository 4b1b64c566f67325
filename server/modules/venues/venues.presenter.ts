import type { DutySlot } from './roster-recurrence.js';
import type { OpeningHours } from './venues.schemas.js';
import type { DutyExceptionTable, DutyRuleTable, MemberProfileTable, VenueTable } from './venues.table.js';

/** Names the presenters need: territories by code, people by account id. */
export interface Names {
  territories: Map<string, string>;
  people: Map<string, string>;
}

export function parseOpeningHours(json: string): OpeningHours {
  return JSON.parse(json) as OpeningHours;
}

const person = (id: string, names: Names) => ({ accountId: id, name: names.people.get(id) ?? '' });
const list = (csv: string) => (csv === '' ? [] : csv.split(',').map(Number));

/** A venue for the workbench. */
export function presentVenue(v: VenueTable, names: Names) {
  return {
    id: v.id,
    kind: v.kind,
    stationKind: v.station_kind,
    name: v.name,
    territoryCode: v.territory_code,
    territoryName: v.territory_code ? (names.territories.get(v.territory_code) ?? null) : null,
    address: v.address,
    openingHours: parseOpeningHours(v.opening_hours),
    head: v.head_account_id ? person(v.head_account_id, names) : null,
    public: v.public === 1,
    active: v.active === 1,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
    version: v.version,
  };
}

/** What the audit trail keeps of a venue. */
export function venueAuditView(v: VenueTable) {
  return {
    kind: v.kind,
    stationKind: v.station_kind,
    name: v.name,
    territoryCode: v.territory_code,
    address: v.address,
    openingHours: parseOpeningHours(v.opening_hours),
    headAccountId: v.head_account_id,
    public: v.public === 1,
    active: v.active === 1,
    version: v.version,
  };
}

export function presentMember(accountId: string, profile: MemberProfileTable | undefined, names: Names) {
  return { ...person(accountId, names), term: profile?.term ?? null, sector: profile?.sector ?? null, committee: profile?.committee ?? null };
}

export function presentException(e: DutyExceptionTable) {
  return { id: e.id, ruleId: e.rule_id, kind: e.kind, date: e.date, newDate: e.new_date, startTime: e.start_time, endTime: e.end_time, note: e.note, createdAt: e.created_at };
}

export function presentRule(r: DutyRuleTable, exceptions: DutyExceptionTable[], names: Names) {
  return {
    id: r.id,
    venueId: r.venue_id,
    member: person(r.account_id, names),
    freq: r.freq,
    interval: r.interval,
    weekdays: list(r.weekdays),
    monthDays: list(r.month_days),
    startDate: r.start_date,
    endDate: r.end_date,
    startTime: r.start_time,
    endTime: r.end_time,
    holidays: r.holidays,
    note: r.note,
    exceptions: exceptions.filter((e) => e.rule_id === r.id).map(presentException),
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** What the audit trail keeps of a rule. */
export function ruleAuditView(r: DutyRuleTable) {
  const { created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
}

/** A duty slot with the venue and the member on duty. */
export function presentSlot(s: DutySlot, rule: DutyRuleTable, venue: VenueTable, names: Names) {
  return {
    ruleId: s.ruleId,
    venueId: venue.id,
    venueName: venue.name,
    member: person(rule.account_id, names),
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    start: s.start,
    end: s.end,
    holiday: s.holiday,
    origin: s.origin,
    movedFrom: s.movedFrom ?? null,
  };
}

/** A venue as the public sees it: no ids of people, no phones, no bookkeeping. */
export function presentPublicVenue(v: VenueTable, names: Names) {
  return {
    id: v.id,
    kind: v.kind,
    stationKind: v.station_kind,
    name: v.name,
    territoryName: v.territory_code ? (names.territories.get(v.territory_code) ?? null) : null,
    address: v.address,
    openingHours: parseOpeningHours(v.opening_hours),
  };
}

/** A slot on the public board: the member's name and the times. */
export function presentPublicDuty(s: { member: { name: string }; startTime: string; endTime: string; holiday: boolean }) {
  return { name: s.member.name, startTime: s.startTime, endTime: s.endTime, holiday: s.holiday };
}
