import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../infra/db/schema.js';
import { PollingLoop } from '../../infra/polling-loop.js';
import { factOf, sameFact } from './appeal-facts.js';
import {
  advanceWatermark,
  appealIdsAfter,
  applyFactChanges,
  eventsSince,
  getAggregatorState,
  loadFactSources,
  loadFacts,
  loadTimelines,
  markChanged,
  moveCursor,
  type FactChange,
} from './dashboards.repository.js';

/** Appeals per backfill batch and per change batch. */
const BATCH = 500;
/** Backfill batches per round, so a fresh build on a large table proceeds in steps (and `runOnce` returns). */
const BACKFILL_BATCHES = 20;
/** Change-log entries read per round at most. */
const LOG_LIMIT = 5000;
/**
 * How far behind now the change-log watermark stays: a timeline entry whose id (its creation
 * time, UUIDv7) is older than this when it commits is not seen. Entries in the window are read
 * again each round, but only those not yet seen by this process are worked on, and re-deriving
 * an unchanged appeal writes nothing.
 */
const LAG_MS = 60_000;

/** The smallest UUIDv7 made at `ms`. */
function uuidFloor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/**
 * Keeps `appeal_fact` and the cubes current. Every change to an appeal writes a timeline entry
 * (registration, each action, overdue marks, escalation), so the timeline is the change log:
 * each round reads the entries since the watermark, re-derives the facts of their appeals and
 * applies (new − old) to the cubes by compare-and-set (see `applyFactChanges`), then moves the
 * watermark to a minute ago. A fresh table is first backfilled by walking appeal ids with a
 * stored cursor. Restart-safe (watermark and cursor are stored) and safe with two processes.
 */
export class AppealAggregator {
  private readonly loop: PollingLoop;
  /** Change-log ids in the lag window this process has already worked on. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error' | 'debug' | 'info'>,
  ) {
    this.loop = new PollingLoop('dashboard aggregator', logger, () => this.runOnce());
  }

  /** One round: a step of the backfill, then the change log. Returns how many facts changed. */
  async runOnce(now = Date.now()): Promise<number> {
    let state = await getAggregatorState(this.db);
    let changed = 0;
    if (state.cursor !== null) {
      if (state.cursor === '' && state.watermark === '') await advanceWatermark(this.db, uuidFloor(now - LAG_MS), new Date(now).toISOString());
      let cursor: string | null = state.cursor;
      for (let i = 0; i < BACKFILL_BATCHES && cursor !== null; i++) {
        const ids = await appealIdsAfter(this.db, cursor, BATCH);
        changed += await this.derive(ids, now);
        const next: string | null = ids.length < BATCH ? null : (ids.at(-1) as string);
        await moveCursor(this.db, cursor, next, new Date().toISOString());
        cursor = next;
      }
      if (cursor !== null) return changed;
      state = await getAggregatorState(this.db);
    }
    const entries = await eventsSince(this.db, state.watermark, LOG_LIMIT);
    const fresh = entries.filter((e) => !this.seen.has(e.id));
    const appealIds = [...new Set(fresh.map((e) => e.appeal_id))];
    for (let i = 0; i < appealIds.length; i += BATCH) changed += await this.derive(appealIds.slice(i, i + BATCH), now);
    for (const e of fresh) this.seen.add(e.id);
    const safe = uuidFloor(now - LAG_MS);
    const last = entries.at(-1)?.id;
    const next = entries.length < LOG_LIMIT ? safe : last && last < safe ? last : safe;
    if (next > state.watermark) await advanceWatermark(this.db, next, new Date(now).toISOString());
    for (const id of this.seen) if (id < next) this.seen.delete(id);
    if (changed) this.logger.debug({ changed }, 'dashboard figures updated');
    return changed;
  }

  /** Re-derives the facts of these appeals and applies those that changed. */
  private async derive(ids: string[], now: number): Promise<number> {
    if (ids.length === 0) return 0;
    const [sources, timelines, facts] = await Promise.all([loadFactSources(this.db, ids), loadTimelines(this.db, ids), loadFacts(this.db, ids)]);
    const changes: FactChange[] = [];
    for (const a of sources) {
      const next = factOf(a, timelines.get(a.id) ?? []);
      const old = facts.get(a.id);
      if (!old || !sameFact(old, next)) changes.push({ old, next });
    }
    const applied = await applyFactChanges(this.db, changes, new Date(now).toISOString());
    if (applied) await markChanged(this.db, Date.now());
    return applied;
  }

  /** Rounds until the backfill is done and the change log is worked off (tests, benchmarks). */
  async runToCompletion(): Promise<void> {
    for (;;) {
      await this.runOnce();
      const s = await getAggregatorState(this.db);
      if (s.cursor === null) {
        await this.runOnce();
        return;
      }
    }
  }

  start(everyMs: number): void {
    this.loop.start(everyMs);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }
}
