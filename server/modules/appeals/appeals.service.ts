import type { Kysely } from 'kysely';
import type { CalendarService } from '../../infra/calendar/calendar.service.js';
import type { DB } from '../../infra/db/schema.js';
import type { DeadlineClasses } from './appeal.deadlines.js';
import { listCategories, listDeadlineClasses } from './appeals.repository.js';
import type { CategoryTable } from './appeals.table.js';

/**
 * Reference data read on every request, kept for a few seconds per process: a change made by
 * another process is seen within REFERENCE_TTL_MS; an administrator's edit in this process
 * drops the cache at once (invalidateReferenceData).
 */
const REFERENCE_TTL_MS = 5000;
interface Cached<T> {
  at: number;
  value: Promise<T>;
}
const categoryCache = new WeakMap<Kysely<DB>, Cached<CategoryTable[]>>();
const classCache = new WeakMap<Kysely<DB>, Cached<DeadlineClasses>>();

function cached<T>(map: WeakMap<Kysely<DB>, Cached<T>>, db: Kysely<DB>, load: () => Promise<T>): Promise<T> {
  const hit = map.get(db);
  if (hit && Date.now() - hit.at < REFERENCE_TTL_MS) return hit.value;
  const value = load();
  map.set(db, { at: Date.now(), value });
  value.catch(() => map.delete(db));
  return value;
}

/** Every category (active or not), from the short-lived cache. */
export function allCategories(db: Kysely<DB>): Promise<CategoryTable[]> {
  return cached(categoryCache, db, () => listCategories(db, true));
}

/** Active categories only. */
export async function activeCategories(db: Kysely<DB>): Promise<CategoryTable[]> {
  return (await allCategories(db)).filter((c) => c.active === 1);
}

/** The calendar and the deployment's deadline classes, as the commands need them. */
export async function deadlineDeps(db: Kysely<DB>, calendar: CalendarService) {
  const classes = await cached(classCache, db, async () => new Map((await listDeadlineClasses(db)).map((c) => [c.code, c])) as DeadlineClasses);
  return { calendar: await calendar.get(), classes };
}

/** Forgets the cached categories and deadline classes; the commands that edit them call it after commit. */
export function invalidateReferenceData(db: Kysely<DB>): void {
  categoryCache.delete(db);
  classCache.delete(db);
}
