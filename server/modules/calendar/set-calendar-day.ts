import type { Kysely } from 'kysely';
import { deleteCalendarDay, findCalendarDay, upsertCalendarDay } from '../../infra/calendar/calendar.repository.js';
import type { DayKind } from '../../infra/calendar/work-calendar.js';
import { runCommand, type CommandContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { AppError } from '../../infra/http/errors.js';

/** An administrator declares a holiday or a make-up working day (e.g. next year's, once published). */
export async function setCalendarDay(db: Kysely<DB>, ctx: CommandContext, date: string, input: { kind: DayKind; name: string }) {
  return runCommand(db, ctx, async (tx, audit) => {
    const before = await findCalendarDay(tx, date);
    const row = { date, kind: input.kind, name: input.name, source: 'admin' as const, updated_at: new Date().toISOString() };
    await upsertCalendarDay(tx, row);
    audit.record({
      action: 'calendar.set_day',
      resourceType: 'calendar_day',
      resourceId: date,
      before: before ? { kind: before.kind, name: before.name, source: before.source } : undefined,
      after: { kind: row.kind, name: row.name },
    });
    return row;
  });
}

/** Removes an entry: the date falls back to an ordinary weekday or weekend. */
export async function clearCalendarDay(db: Kysely<DB>, ctx: CommandContext, date: string) {
  await runCommand(db, ctx, async (tx, audit) => {
    const before = await findCalendarDay(tx, date);
    if (!before) throw new AppError('NOT_FOUND', { zh: `${date} 没有特别设置`, en: `${date} has no entry` });
    await deleteCalendarDay(tx, date);
    audit.record({ action: 'calendar.clear_day', resourceType: 'calendar_day', resourceId: date, before: { kind: before.kind, name: before.name, source: before.source } });
  });
}
