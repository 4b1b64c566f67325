import type { Kysely } from 'kysely';
import type { CalendarService } from '../../infra/calendar/calendar.service.js';
import type { DB } from '../../infra/db/schema.js';
import type { DeadlineClasses } from './appeal.deadlines.js';
import { listDeadlineClasses } from './appeals.repository.js';

/** The calendar and the deployment's deadline classes, as the commands need them. */
export async function deadlineDeps(db: Kysely<DB>, calendar: CalendarService) {
  const classes: DeadlineClasses = new Map((await listDeadlineClasses(db)).map((c) => [c.code, c]));
  return { calendar: await calendar.get(), classes };
}
