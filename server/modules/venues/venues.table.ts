import type { DutyFrequency, ExceptionKind, HolidayPolicy } from './roster-recurrence.js';

export const VENUE_KINDS = ['hall', 'station', 'studio'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
export const STATION_KINDS = ['village', 'community', 'park', 'building', 'business_district'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** A 民生议事堂 (hall), 协商驿站 (station) or 委员工作室 (studio). */
export interface VenueTable {
  id: string;
  kind: VenueKind;
  /** Stations only. */
  station_kind: StationKind | null;
  name: string;
  /** Halls: their town/street; stations and studios: optional. */
  territory_code: string | null;
  /** The town of an active hall, else null: unique, so a town has at most one active hall. */
  hall_town_code: string | null;
  address: string;
  /** JSON OpeningHours: per weekday [from, to] ranges and a note. */
  opening_hours: string;
  /** 站长 (stations), the hall's lead, or the member whose studio it is. */
  head_account_id: string | null;
  public: number;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A member's profile (政协委员): term (届), sector (界别) and committee. */
export interface MemberProfileTable {
  account_id: string;
  term: number;
  sector: string;
  committee: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A member assigned to a venue (进站). */
export interface VenueMemberTable {
  venue_id: string;
  account_id: string;
  created_at: string;
}

/** A recurring duty of one member at one venue (排班规则). */
export interface DutyRuleTable {
  id: string;
  venue_id: string;
  account_id: string;
  freq: DutyFrequency;
  interval: number;
  /** Comma-separated ISO weekdays (1 = Monday), weekly rules. */
  weekdays: string;
  /** Comma-separated days of the month (-1 = last day), monthly rules. */
  month_days: string;
  start_date: string;
  end_date: string | null;
  start_time: string;
  end_time: string;
  holidays: HolidayPolicy;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A change to one occurrence of a rule: cancelled, moved, or a one-off added. */
export interface DutyExceptionTable {
  id: string;
  rule_id: string;
  kind: ExceptionKind;
  date: string;
  new_date: string | null;
  start_time: string | null;
  end_time: string | null;
  note: string | null;
  created_at: string;
}

export interface VenuesTables {
  venue: VenueTable;
  member_profile: MemberProfileTable;
  venue_member: VenueMemberTable;
  duty_rule: DutyRuleTable;
  duty_exception: DutyExceptionTable;
}
