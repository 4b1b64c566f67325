import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { reserveTrackingSeqs } from './appeals.repository.js';

/**
 * How many numbers a process takes from the day's counter at a time: at least MIN_BLOCK, and
 * under load about two seconds' worth, so that a busy intake pays one extra (small) commit a
 * second or so rather than one every few appeals.
 */
const MIN_BLOCK = 16;
const MAX_BLOCK = 1024;

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
  private block = MIN_BLOCK;
  private refilledAt = 0;

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
    const now = Date.now();
    if (this.refilledAt > 0 && day === this.day) {
      const perSecond = (this.block * 1000) / Math.max(1, now - this.refilledAt);
      this.block = Math.min(MAX_BLOCK, Math.max(MIN_BLOCK, Math.ceil(perSecond * 2)));
    }
    const size = this.block;
    const last = await reserveTrackingSeqs(this.db, day, size);
    this.refilledAt = now;
    this.day = day;
    this.next = last - size + 1;
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
