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
  /** The refresh in flight: concurrent requests wait for one check instead of each running it. */
  private refreshing: Promise<WorkCalendar> | null = null;
  /** Bumped by invalidate(): a refresh that started before it does not keep what it read. */
  private generation = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly office: OfficeHours = DEFAULT_OFFICE_HOURS,
    private readonly ttlMs = 10_000,
  ) {}

  async get(): Promise<WorkCalendar> {
    if (this.calendar && Date.now() - this.checkedAt < this.ttlMs) return this.calendar;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<WorkCalendar> {
    const generation = this.generation;
    const now = Date.now();
    const stamp = await calendarStamp(this.db);
    if (this.calendar && stamp === this.stamp) {
      if (generation === this.generation) this.checkedAt = now;
      return this.calendar;
    }
    const days = await listCalendarDays(this.db);
    const calendar = new WorkCalendar(new Map(days.map((d) => [d.date, d.kind])), this.office);
    if (generation === this.generation) {
      this.calendar = calendar;
      this.stamp = stamp;
      this.checkedAt = now;
    }
    return calendar;
  }

  /** Forget the cached calendar (after a change in this process). */
  invalidate(): void {
    this.generation += 1;
    this.calendar = null;
    this.refreshing = null;
  }
}
