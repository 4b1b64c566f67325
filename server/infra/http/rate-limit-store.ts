import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

interface StoreParams {
  timeWindow?: unknown;
  routeInfo?: { method?: string | string[]; url?: string };
}

type Incr = (err: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A @fastify/rate-limit store in the database (table `rate_limit`), so a limit is one limit
 * for every app process on a PostgreSQL database. Fixed windows: one atomic upsert per
 * rate-limited request counts the hit and starts a new window when the old one has ended
 * (both engines evaluate the SET against the row as it was, under the row's lock).
 * Only the routes that declare a limit (public writes and lookups, sign-in) pay for it.
 */
export class DatabaseRateLimitStore {
  private readonly prefix: string;
  private calls = 0;

  constructor(
    private readonly db: Kysely<DB>,
    params: StoreParams = {},
  ) {
    const route = params.routeInfo;
    this.prefix = route?.url ? `${[route.method ?? ''].flat().join(',')} ${route.url}|` : '*|';
  }

  /** The constructor @fastify/rate-limit calls with its global parameters. */
  static for(db: Kysely<DB>) {
    return class extends DatabaseRateLimitStore {
      constructor(params: StoreParams) {
        super(db, params);
      }
    };
  }

  incr(key: string, cb: Incr, timeWindow: number): void {
    this.hit(`${this.prefix}${key}`, timeWindow).then(
      (r) => cb(null, r),
      (err: Error) => cb(err),
    );
  }

  child(params: StoreParams): DatabaseRateLimitStore {
    return new DatabaseRateLimitStore(this.db, params);
  }

  async hit(key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const now = Date.now();
    const end = now + windowMs;
    const { rows } = await sql<{ hits: number | string; reset_at: number | string }>`
      insert into rate_limit (key, hits, reset_at) values (${key}, 1, ${end})
      on conflict (key) do update set
        hits = case when rate_limit.reset_at <= ${now} then 1 else rate_limit.hits + 1 end,
        reset_at = case when rate_limit.reset_at <= ${now} then ${end} else rate_limit.reset_at end
      returning hits, reset_at`.execute(this.db);
    // Now and then, forget windows that ended long ago.
    if (++this.calls % 500 === 0) await sql`delete from rate_limit where reset_at < ${now - 3_600_000}`.execute(this.db);
    const row = rows[0]!;
    return { current: Number(row.hits), ttl: Math.max(0, Number(row.reset_at) - now) };
  }
}
