import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { reserveTrackingSeqs } from './appeals.repository.js';

/** How many numbers a process takes from the day's counter at a time. */
const BLOCK = 16;

/** Tracking numbers read as the Beijing date and the day's sequence: 20261129-00042. */
export function formatTrackingNo(localDay: string, seq: number): string {
  return `${localDay.replaceAll('-', '')}-${String(seq).padStart(5, '0')}`;
}

/**
 * Hands out a day's sequence numbers from blocks reserved in the database's counter row, so
 * that intake under group commit needs no statement of its own for its number. Blocks are
 * disjoint across processes (the counter is updated atomically) and the unique constraint on
 * tracking_no backs that up. Numbers of a block unused when a process stops are skipped: a
 * day's sequence may have gaps; it never repeats.
 */
class TrackingAllocator {
  private day = '';
  private next = 0;
  private end = -1;
  private refilling?: Promise<void>;

  constructor(private readonly db: Kysely<DB>) {}

  async take(day: string): Promise<string> {
    for (;;) {
      if (day === this.day && this.next <= this.end) return formatTrackingNo(day, this.next++);
      this.refilling ??= this.refill(day).finally(() => {
        this.refilling = undefined;
      });
      await this.refilling;
    }
  }

  private async refill(day: string): Promise<void> {
    const last = await reserveTrackingSeqs(this.db, day, BLOCK);
    this.day = day;
    this.next = last - BLOCK + 1;
    this.end = last;
  }
}

const allocators = new WeakMap<Kysely<DB>, TrackingAllocator>();

/** The next tracking number of the day, from this process's reserved block. */
export function nextTrackingNo(db: Kysely<DB>, day: string): Promise<string> {
  let a = allocators.get(db);
  if (!a) allocators.set(db, (a = new TrackingAllocator(db)));
  return a.take(day);
}
