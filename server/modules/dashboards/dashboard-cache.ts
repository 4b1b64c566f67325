import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { DB } from '../../infra/db/schema.js';
import { dataVersion } from './dashboards.repository.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * Answers of the read-heavy public dashboard routes, kept per process while the data version is
 * unchanged. Every request still reads the version (a handful of indexed max() lookups), so an
 * answer is never older than the data it was computed from: a change moves the version and the
 * next request computes afresh. Names of categories and territories are not part of the version:
 * a rename shows with the next change of data (or the next day). Concurrent requests for the same view share one computation.
 */
export class DashboardCache {
  private readonly entries: LRUCache<string, { version: number; value: Promise<unknown> }>;

  constructor(
    private readonly db: Kysely<DB>,
    max = 500,
  ) {
    this.entries = new LRUCache({ max });
  }

  /** The answer for `key` at the current data version, computed by `compute` when missing. */
  async get<T>(view: string, compute: () => Promise<T>): Promise<T> {
    const version = await dataVersion(this.db);
    // Default periods and a campaign's days run to today (China time): a new day is a new view.
    const key = `${new Date(Date.now() + CHINA_OFFSET_MS).toISOString().slice(0, 10)} ${view}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value as Promise<T>;
    const value = compute();
    this.entries.set(key, { version, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}

/** A stable key for a route and its validated query: the same view, whatever the parameter order. */
export function viewKey(route: string, query: object): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '');
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${route}?${JSON.stringify(entries)}`;
}
