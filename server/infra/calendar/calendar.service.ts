import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { calendarStamp, insertMissingDays, listCalendarDays } from './calendar.repository.js';
import { officialDays } from './official-calendar.js';
import { WorkCalendar, type OfficeHours, DEFAULT_OFFICE_HOURS } from './work-calendar.js';

/** Adds the shipped official holidays that the database does not have yet. */
export async function seedOfficialCalendar(db: Kysely<DB>): Promise<number> {
  const now = new Date().toISOString();
  return insertMissingDays(
    db,
    officialDays().map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: 'official' as const, updated_at: now })),
  );
}

/**
 * The working calendar held in memory and refreshed when the table changes (checked at most
 * every `ttlMs`, so a change made by another process is seen within that time).
 */
export class CalendarService {
  private calendar: WorkCalendar | null = null;
  private stamp = '';
  private checkedAt = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly office: OfficeHours = DEFAULT_OFFICE_HOURS,
    private readonly ttlMs = 10_000,
  ) {}

  async get(): Promise<WorkCalendar> {
    const now = Date.now();
    if (this.calendar && now - this.checkedAt < this.ttlMs) return this.calendar;
    const stamp = await calendarStamp(this.db);
    this.checkedAt = now;
    if (!this.calendar || stamp !== this.stamp) {
      const days = await listCalendarDays(this.db);
      this.calendar = new WorkCalendar(new Map(days.map((d) => [d.date, d.kind])), this.office);
      this.stamp = stamp;
    }
    return this.calendar;
  }

  /** Forget the cached calendar (after a change in this process). */
  invalidate(): void {
    this.calendar = null;
  }
}
