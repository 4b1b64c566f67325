import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../infra/db/schema.js';
import { PollingLoop } from '../../infra/polling-loop.js';
import { tokenize } from '../../infra/text/tokenize.js';
import {
  advanceSearchWatermark,
  getSearchWatermark,
  idAfter,
  insertSearchRows,
  listUnindexedAppeals,
  type IndexSource,
} from './appeal-search.repository.js';
import type { AppealSearchTable } from './appeals.table.js';

const reverse = (s: string) => [...s].reverse().join('');
const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The index row of an appeal: bigrams of its folded description and address, reversed numbers. */
export function searchRowOf(a: IndexSource, now: string): AppealSearchTable {
  const tokens = [...tokenize(a.description), ...(a.address ? tokenize(a.address) : [])];
  const phone = a.resident_phone ? digitsOf(a.resident_phone) : '';
  return { appeal_id: a.id, tokens: tokens.join(' '), tracking_rev: reverse(a.tracking_no), phone_rev: phone ? reverse(phone) : null, indexed_at: now };
}

/** How a typed tracking number is matched: whole, by its beginning (the date) or by its end (the day's number). */
export type TrackingMatch = { exact: string } | { prefix: string } | { suffix: string };

/**
 * 20261129-00042 or 2026112900042 is that appeal; 20261129 or 20261129-000 the beginning;
 * 00042, 42 or 1129-00042 the end. Input is digits with at most one dash (the schema checks).
 */
export function trackingMatch(input: string): TrackingMatch {
  const digits = digitsOf(input);
  const dash = input.indexOf('-');
  if (digits.length === 13 && (dash === -1 || dash === 8)) return { exact: `${digits.slice(0, 8)}-${digits.slice(8)}` };
  if (dash === 8) return { prefix: input };
  if (dash === -1 && digits.length > 5) return { prefix: digits.length > 8 ? `${digits.slice(0, 8)}-${digits.slice(8)}` : digits };
  return { suffix: input };
}

/** A mobile number is matched whole (at once, on the appeal); anything shorter by its last digits (through the index). */
export type PhoneMatch = { exact: string } | { suffix: string };

export function phoneMatch(input: string): PhoneMatch {
  const digits = digitsOf(input);
  return /^1\d{10}$/.test(digits) ? { exact: digits } : { suffix: digits };
}

/** The reversed form a suffix is looked up by (a prefix range on the reversed column). */
export const reversedPrefix = reverse;

/** Rows per write: small enough that one batch never holds SQLite's only connection for long. */
const BATCH = 200;
/** Batches per round at most, so a large backlog (a fresh index on old data) is worked off in steps. */
const MAX_BATCHES = 25;
/**
 * How far behind the newest appeal the watermark stays. An appeal whose id (its creation time,
 * UUIDv7) is older than this when it commits — a transaction open that long, or a process whose
 * clock is that far off — is not seen by the watermark scan; the sweep below still finds it.
 */
const LAG_MS = 60_000;
/** Appeals the sweep checks per round, walking the whole table in the background. */
const SWEEP_PAGE = 500;

/** The smallest UUIDv7 made at `ms` (ids sort by their millisecond prefix). */
export function uuidFloor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/**
 * Keeps the search index up with the appeals, outside the intake transaction: each round indexes
 * every appeal at or above the watermark that has no index row (an anti-join on the primary key,
 * so only the last minute or so of appeals is read), then moves the watermark to a minute ago.
 * The watermark is stored, so a restart resumes where it stopped; writes keep the first row per
 * appeal, so two processes on one PostgreSQL database may both index the same appeal harmlessly.
 * A sweep walks the older ids a page per round and fills any gap the watermark jumped over.
 */
export class AppealSearchIndexer {
  private readonly loop: PollingLoop;
  private sweepCursor = '';

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error' | 'debug'>,
  ) {
    this.loop = new PollingLoop('search indexer', logger, () => this.runOnce());
  }

  /** Indexes what is missing; returns how many appeals this round indexed. */
  async runOnce(now = Date.now()): Promise<number> {
    const watermark = await getSearchWatermark(this.db);
    let indexed = 0;
    let from = watermark;
    let caughtUp = false;
    for (let i = 0; i < MAX_BATCHES && !caughtUp; i++) {
      const rows = await listUnindexedAppeals(this.db, from, null, BATCH);
      indexed += await this.write(rows);
      caughtUp = rows.length < BATCH;
      if (rows.length) from = (rows.at(-1) as IndexSource).id;
    }
    const safe = uuidFloor(now - LAG_MS);
    const next = caughtUp ? safe : from < safe ? from : safe;
    if (next > watermark) await advanceSearchWatermark(this.db, next, new Date(now).toISOString());
    indexed += await this.sweep(next > watermark ? next : watermark);
    if (indexed) this.logger.debug({ indexed }, 'search index caught up');
    return indexed;
  }

  private async sweep(watermark: string): Promise<number> {
    const end = await idAfter(this.db, this.sweepCursor, SWEEP_PAGE);
    if (!end || this.sweepCursor >= watermark) {
      this.sweepCursor = '';
      return 0;
    }
    const rows = await listUnindexedAppeals(this.db, this.sweepCursor, end, SWEEP_PAGE);
    this.sweepCursor = end;
    return this.write(rows);
  }

  private async write(rows: IndexSource[]): Promise<number> {
    if (rows.length === 0) return 0;
    const now = new Date().toISOString();
    await insertSearchRows(this.db, rows.map((r) => searchRowOf(r, now)));
    return rows.length;
  }

  /** Polls every `everyMs` until stopped. */
  start(everyMs: number): void {
    this.loop.start(everyMs);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }
}
