import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { CalendarDayTable } from './calendar.table.js';

export async function listCalendarDays(db: Kysely<DB>, year?: number): Promise<CalendarDayTable[]> {
  let q = db.selectFrom('calendar_day').selectAll();
  if (year) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  return q.orderBy('date').execute();
}

export async function findCalendarDay(db: Kysely<DB>, date: string) {
  return db.selectFrom('calendar_day').selectAll().where('date', '=', date).executeTakeFirst();
}

/** Adds official days that are missing; never overwrites a day an administrator set. */
export async function insertMissingDays(db: Kysely<DB>, rows: CalendarDayTable[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db
      .insertInto('calendar_day')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('date').doNothing())
      .executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export async function upsertCalendarDay(db: Kysely<DB>, row: CalendarDayTable): Promise<void> {
  await db
    .insertInto('calendar_day')
    .values(row)
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: row.kind, name: row.name, source: row.source, updated_at: row.updated_at }))
    .execute();
}

export async function deleteCalendarDay(db: Kysely<DB>, date: string): Promise<void> {
  await db.deleteFrom('calendar_day').where('date', '=', date).execute();
}

/** A cheap fingerprint of the table, to notice changes made by another process. */
export async function calendarStamp(db: Kysely<DB>): Promise<string> {
  const r = await db
    .selectFrom('calendar_day')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')])
    .executeTakeFirstOrThrow();
  return `${Number(r.n)}:${r.latest ?? ''}`;
}
