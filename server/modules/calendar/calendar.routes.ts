import { z } from 'zod';
import { listCalendarDays } from '../../infra/calendar/calendar.repository.js';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import { isoDate, text } from '../../infra/http/fields.js';
import { clearCalendarDay, setCalendarDay } from './set-calendar-day.js';

const daySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
  source: z.enum(['official', 'admin']),
});
const dateParams = z.object({
  date: isoDate.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date'),
});

export function calendarRoutes(app: ZodApp, { database, calendar }: Deps) {
  const { db } = database;
  const tags = ['calendar'];

  app.get(
    '/calendar/days',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Holidays and make-up working days of a year; `complete` is false when the year has no official entries yet',
        querystring: z.object({ year: z.coerce.number().int().min(2004).max(2100) }),
        response: { 200: z.object({ year: z.number(), complete: z.boolean(), items: z.array(daySchema) }) },
      },
    },
    async (req) => {
      const items = await listCalendarDays(db, req.query.year);
      return { year: req.query.year, complete: items.length > 0, items: items.map(({ updated_at: _u, ...d }) => d) };
    },
  );

  app.get(
    '/calendar/deadline',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'When a number of working days (office time) after an instant ends',
        querystring: z.object({
          from: z.string().datetime({ offset: true }).refine((v) => Number.isFinite(Date.parse(v)) && /^(20[0-9]{2}|2100)-/.test(new Date(v).toISOString()), 'year 2000–2100'),
          workingDays: z.coerce.number().min(0).max(365),
        }),
        response: { 200: z.object({ from: z.string(), workingDays: z.number(), due: z.string(), calendarComplete: z.boolean() }) },
      },
    },
    async (req) => {
      const cal = await calendar.get();
      const from = new Date(req.query.from);
      const due = cal.addWorkingDays(from, req.query.workingDays);
      const years = new Set([from.getUTCFullYear(), due.getUTCFullYear()]);
      return {
        from: from.toISOString(),
        workingDays: req.query.workingDays,
        due: due.toISOString(),
        calendarComplete: [...years].every((y) => cal.hasYear(y)),
      };
    },
  );

  app.put(
    '/calendar/days/:date',
    {
      config: { access: 'calendar:manage' },
      schema: {
        tags,
        summary: 'Declare a holiday or a make-up working day',
        params: dateParams,
        body: z.object({ kind: z.enum(['holiday', 'workday']), name: text(32) }).strict(),
        response: { 200: daySchema },
      },
    },
    async (req) => {
      const row = await setCalendarDay(db, contextOf(req), req.params.date, req.body);
      calendar.invalidate();
      return { date: row.date, kind: row.kind, name: row.name, source: row.source };
    },
  );

  app.delete(
    '/calendar/days/:date',
    {
      config: { access: 'calendar:manage' },
      schema: { tags, summary: 'Remove a calendar entry', params: dateParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await clearCalendarDay(db, contextOf(req), req.params.date);
      calendar.invalidate();
      return reply.status(204).send(null);
    },
  );
}
