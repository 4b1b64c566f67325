import pg from 'pg';
import type { Logger } from 'pino';
import type { DatabaseConfig } from '../../config.js';

/** The PostgreSQL channel the change triggers notify on (payload: the table's name). */
export const CHANGE_CHANNEL = 'minhu_change';

/**
 * Wakes a process's live pollers when another process has changed data. On PostgreSQL one
 * dedicated connection per process LISTENs on `minhu_change`; statement-level triggers on the
 * tables live views watch notify it, and PostgreSQL delivers a notification only when its
 * transaction commits — to every listening process. Subscribers then read the row that is the
 * truth (a data version, a map version) — the signal carries no data, so a lost notification
 * (while reconnecting) costs only latency: the pollers' slow timer still finds the change, and
 * after every reconnect subscribers hear `*` and look again.
 *
 * SQLite serves one process: there is nothing to listen to and pollers keep their fast timer
 * (`active` is false).
 */
export class ChangeSignal {
  private readonly listeners = new Set<(table: string) => void>();
  private client: pg.Client | null = null;
  private connecting = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: DatabaseConfig,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
  ) {}

  /** Whether changes made by other processes arrive as signals (PostgreSQL). */
  get active(): boolean {
    return this.config.engine === 'postgres';
  }

  /** Calls `fn` with the changed table's name (or `*` after a reconnect); returns the unsubscribe. */
  subscribe(fn: (table: string) => void): () => void {
    this.listeners.add(fn);
    if (this.active) void this.connect();
    return () => this.listeners.delete(fn);
  }

  private emit(table: string) {
    for (const fn of this.listeners) {
      try {
        fn(table);
      } catch {
        /* a subscriber's failure is its own */
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.client || this.connecting || this.closed || this.config.engine !== 'postgres') return;
    this.connecting = true;
    const client = new pg.Client({ connectionString: this.config.url, connectionTimeoutMillis: 3000 });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (!this.closed) {
        this.logger.warn({ err }, 'change signal connection lost; listening again in 1 s');
        this.retry = setTimeout(() => void this.connect(), 1000);
      }
    };
    try {
      client.on('error', lost);
      client.on('end', () => lost());
      client.on('notification', (n) => this.emit(n.payload ?? '*'));
      await client.connect();
      await client.query(`listen ${CHANGE_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      // Anything may have changed while nobody listened.
      this.emit('*');
    } catch (err) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (!this.closed) {
        this.logger.warn({ err }, 'change signal cannot listen yet; trying again in 1 s');
        this.retry = setTimeout(() => void this.connect(), 1000);
      }
    } finally {
      this.connecting = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.listeners.clear();
    const c = this.client;
    this.client = null;
    if (c) {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
    }
  }
}
