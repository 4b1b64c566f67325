import { z } from 'zod';
import { isoDate, msg, pageSchema, paging, text } from '../../infra/http/fields.js';
import { DUTY_FREQUENCIES, EXCEPTION_KINDS, HOLIDAY_POLICIES, isCalendarDate, isClockTime } from './roster-recurrence.js';
import { STATION_KINDS, VENUE_KINDS } from './venues.table.js';

const version = z.number().int().min(1);
export const calendarDate = isoDate.refine(isCalendarDate, msg('不是有效日期', 'not a calendar date'));
export const clockTime = z.string().refine(isClockTime, msg('时间格式应为 HH:MM', 'must be a time as HH:MM'));
const territoryCode = z.string().regex(/^\d{2,12}$/, msg('行政区划代码无效', 'not a territory code'));

export const openingRange = z.object({ weekday: z.number().int().min(1).max(7), from: clockTime, to: clockTime }).strict();
export const openingHoursSchema = z
  .object({ ranges: z.array(openingRange).max(21), note: text(200).nullable() })
  .strict()
  .refine((h) => h.ranges.every((r) => r.from < r.to), { message: msg('结束时间应晚于开始时间', 'each range must end after it starts'), path: ['ranges'] });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const venueParams = z.object({ id: z.string().uuid() });
export const venueMemberParams = z.object({ id: z.string().uuid(), accountId: z.string().uuid() });

export const newVenueBody = z
  .object({
    kind: z.enum(VENUE_KINDS),
    stationKind: z.enum(STATION_KINDS).nullable().optional(),
    name: text(64),
    territoryCode: territoryCode.nullable().optional(),
    address: text(200),
    openingHours: openingHoursSchema,
    headAccountId: z.string().uuid().nullable().optional(),
    public: z.boolean().optional(),
  })
  .strict();

export const venuePatchBody = z
  .object({
    version,
    stationKind: z.enum(STATION_KINDS).nullable().optional(),
    name: text(64).optional(),
    territoryCode: territoryCode.nullable().optional(),
    address: text(200).optional(),
    openingHours: openingHoursSchema.optional(),
    public: z.boolean().optional(),
  })
  .strict();

export const versionBody = z.object({ version }).strict();
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });
export const headBody = z.object({ version, accountId: z.string().uuid().nullable() }).strict();
export const assignBody = z.object({ accountId: z.string().uuid() }).strict();

export const venueListQuery = z.object({
  kind: z.enum(VENUE_KINDS).optional(),
  territory: territoryCode.optional(),
  q: text(64).optional(),
  active: z.enum(['true', 'false']).optional(),
  ...paging,
});

export const personSchema = z.object({ accountId: z.string(), name: z.string() });
export const memberSchema = personSchema.extend({
  term: z.number().int().nullable(),
  sector: z.string().nullable(),
  committee: z.string().nullable(),
});

export const dutyRuleBody = z
  .object({
    accountId: z.string().uuid(),
    freq: z.enum(DUTY_FREQUENCIES),
    interval: z.number().int().min(1).max(52).default(1),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    monthDays: z.array(z.number().int().min(-1).max(31)).max(31).default([]),
    startDate: calendarDate,
    endDate: calendarDate.nullable().default(null),
    startTime: clockTime,
    endTime: clockTime,
    holidays: z.enum(HOLIDAY_POLICIES).default('skip'),
    note: text(200).nullable().optional(),
  })
  .strict();
export const dutyRulePatchBody = z
  .object({
    version,
    accountId: z.string().uuid().optional(),
    freq: z.enum(DUTY_FREQUENCIES).optional(),
    interval: z.number().int().min(1).max(52).optional(),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
    monthDays: z.array(z.number().int().min(-1).max(31)).max(31).optional(),
    startDate: calendarDate.optional(),
    endDate: calendarDate.nullable().optional(),
    startTime: clockTime.optional(),
    endTime: clockTime.optional(),
    holidays: z.enum(HOLIDAY_POLICIES).optional(),
    note: text(200).nullable().optional(),
  })
  .strict();
export const ruleParams = z.object({ id: z.string().uuid() });

export const dutyExceptionBody = z
  .object({
    kind: z.enum(EXCEPTION_KINDS),
    date: calendarDate,
    newDate: calendarDate.nullable().optional(),
    startTime: clockTime.nullable().optional(),
    endTime: clockTime.nullable().optional(),
    note: text(200).nullable().optional(),
  })
  .strict();

export const dutyExceptionSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  kind: z.enum(EXCEPTION_KINDS),
  date: z.string(),
  newDate: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const dutyRuleSchema = z.object({
  id: z.string(),
  venueId: z.string(),
  member: personSchema,
  freq: z.enum(DUTY_FREQUENCIES),
  interval: z.number().int(),
  weekdays: z.array(z.number().int()),
  monthDays: z.array(z.number().int()),
  startDate: z.string(),
  endDate: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  holidays: z.enum(HOLIDAY_POLICIES),
  note: z.string().nullable(),
  exceptions: z.array(dutyExceptionSchema),
  updatedAt: z.string(),
  version: z.number().int(),
});

const openingHoursOut = z.object({
  ranges: z.array(z.object({ weekday: z.number().int(), from: z.string(), to: z.string() })),
  note: z.string().nullable(),
});

export const venueSchema = z.object({
  id: z.string(),
  kind: z.enum(VENUE_KINDS),
  stationKind: z.enum(STATION_KINDS).nullable(),
  name: z.string(),
  territoryCode: z.string().nullable(),
  territoryName: z.string().nullable(),
  address: z.string(),
  openingHours: openingHoursOut,
  head: personSchema.nullable(),
  public: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const venueDetailSchema = venueSchema.extend({
  members: z.array(memberSchema),
  rules: z.array(dutyRuleSchema),
  /** What the caller may do here (the UI follows, the server checks again). */
  may: z.object({ manage: z.boolean(), roster: z.boolean() }),
});

export const venueListSchema = z.object({ items: z.array(venueSchema), page: pageSchema });

export const dutySlotSchema = z.object({
  ruleId: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  member: personSchema,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  start: z.string(),
  end: z.string(),
  holiday: z.boolean(),
  origin: z.enum(['rule', 'moved', 'added']),
  movedFrom: z.string().nullable(),
});

export const dutyRangeQuery = z.object({ from: calendarDate, to: calendarDate });
export const dutyListSchema = z.object({ from: z.string(), to: z.string(), items: z.array(dutySlotSchema) });

/** On the public side people are names only: no account ids, no phones. */
export const publicDutySchema = z.object({ name: z.string(), startTime: z.string(), endTime: z.string(), holiday: z.boolean() });
export const publicVenueSchema = z.object({
  id: z.string(),
  kind: z.enum(VENUE_KINDS),
  stationKind: z.enum(STATION_KINDS).nullable(),
  name: z.string(),
  territoryName: z.string().nullable(),
  address: z.string(),
  openingHours: openingHoursOut,
});
export const publicVenueDetailSchema = publicVenueSchema.extend({
  head: z.string().nullable(),
  members: z.array(z.object({ name: z.string(), sector: z.string().nullable() })),
  today: z.object({ date: z.string(), duty: z.array(publicDutySchema) }),
});
export const todayDutySchema = z.object({
  date: z.string(),
  items: z.array(z.object({ venue: publicVenueSchema.pick({ id: true, kind: true, name: true, territoryName: true }), duty: z.array(publicDutySchema) })),
});

export const memberProfileBody = z
  .object({
    version: version.nullable(),
    term: z.number().int().min(1).max(99),
    sector: text(32),
    committee: text(64).nullable().optional(),
  })
  .strict();
export const memberParams = z.object({ accountId: z.string().uuid() });
export const memberProfileSchema = memberSchema.extend({
  venues: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(VENUE_KINDS) })),
  version: z.number().int().nullable(),
});
export const memberListQuery = z.object({ q: text(64).optional(), role: z.enum(['member', 'head']).default('member') });
