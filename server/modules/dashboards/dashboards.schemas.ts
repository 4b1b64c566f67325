import { z } from 'zod';
import { FIGURE_KEYS } from './appeal-facts.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '须为 YYYY-MM|must be YYYY-MM');
const id = z.string().min(1).max(64).regex(/^[0-9A-Za-z_-]+$/, '编号格式不正确|invalid id');

/** The dashboard filters, the same on every route and in the web page's URL. */
export const filterQuery = z.object({
  from: month.optional(),
  to: month.optional(),
  territory: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '须为 6、9 或 12 位区划代码|must be a 6, 9 or 12 digit territory code').optional(),
  venue: id.optional(),
  category: id.optional(),
  campaign: id.optional(),
});

export const recordsQuery = filterQuery.extend({
  figure: z.enum(FIGURE_KEYS),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const coverageQuery = z.object({
  territory: z.string().regex(/^\d{6}(\d{3})?$/, '须为 6 或 9 位区划代码|must be a 6 or 9 digit territory code').optional(),
});

export const campaignParams = z.object({ id });

const figure = z.object({
  key: z.enum(FIGURE_KEYS),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  kind: z.enum(['count', 'rate']),
  records: z.string(),
});

export const dashboardSchema = z.object({
  filters: z.object({ from: z.string(), to: z.string(), territory: z.string(), venue: z.string().nullable(), category: z.string().nullable(), campaign: z.string().nullable() }),
  scope: z.object({ code: z.string(), name: z.string(), level: z.enum(['county', 'town', 'village']), venue: z.object({ id: z.string(), name: z.string() }).nullable() }),
  figures: z.array(figure),
  byCategory: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), count: z.number() })),
  byTerritory: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), appeals: z.number(), closed: z.number(), suggestions: z.number(), events: z.number() })),
  generatedAt: z.string(),
  dataVersion: z.number(),
});

const recordItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appeal'), trackingNo: z.string(), category: z.string(), categoryEn: z.string(), townName: z.string(), month: z.string(), state: z.string(), counted: z.boolean(), href: z.null() }),
  z.object({ kind: z.literal('suggestion'), id: z.string(), text: z.string(), eventTitle: z.string(), state: z.string(), decision: z.string().nullable(), counted: z.boolean(), href: z.string() }),
  z.object({ kind: z.literal('event'), id: z.string(), title: z.string(), venueName: z.string().nullable(), startsAt: z.string(), state: z.string(), counted: z.boolean(), href: z.string() }),
  z.object({ kind: z.literal('topic'), id: z.string(), title: z.string(), townName: z.string().nullable(), filedAt: z.string().nullable(), counted: z.boolean(), href: z.string() }),
]);

export const recordsSchema = z.object({
  figure: z.enum(FIGURE_KEYS),
  kind: z.enum(['appeal', 'suggestion', 'event', 'topic']),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(recordItem),
});

const count = z.number();
export const coverageSchema = z.object({
  district: z.object({ code: z.string(), name: z.string() }),
  towns: z.array(z.object({ code: z.string(), name: z.string(), halls: count, stations: count, studios: count, members: count, events: count })),
  summary: z.object({ towns: count, townsWithHall: count, townsWithStation: count, stations: count, members: count, events: count }),
  stations: z.array(z.object({ id: z.string(), name: z.string(), townCode: z.string(), kind: z.enum(['hall', 'station', 'studio']), members: count, events: count, href: z.string() })),
});

export const progressSchema = z.object({
  campaign: z.object({
    id: z.string(),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    targetEvents: z.number().nullable(),
    targetSuggestions: z.number().nullable(),
    territoryCode: z.string().nullable(),
  }),
  days: z.array(z.object({ date: z.string(), events: count, eventsCumulative: count, suggestions: count, suggestionsCumulative: count })),
  totals: z.object({ events: count, suggestions: count, adopted: count, towns: count, townsCovered: count }),
});
