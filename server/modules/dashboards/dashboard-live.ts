import type { ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ChangeSignal } from '../../infra/db/change-signal.js';
import type { DB } from '../../infra/db/schema.js';
import { dataVersion } from './dashboards.repository.js';

/** Connections one process serves at most; more are refused with 503. */
export const MAX_STREAMS = 1000;
const POLL_MS = 500;
/** With a change signal (PostgreSQL), the timer is only the safety net for lost notifications. */
const SAFETY_POLL_MS = 5000;
/** Tables whose changes move the data version (`dataVersion`). */
export const WATCHED_TABLES = new Set(['dashboard_state', 'topic', 'consultation', 'suggestion', 'venue', 'campaign', 'venue_member']);
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the dashboards: one poller per process (not per client) reads the data
 * version and sends `changed` to every open stream; a comment line every 15 s keeps proxies from
 * closing idle streams. The poller runs only while streams are open. On SQLite it reads every
 * half second; on PostgreSQL it reads when the change signal says a watched table changed in any
 * process (LISTEN/NOTIFY), and every 5 s in case a notification was lost.
 */
export class DashboardLive {
  private readonly clients = new Set<ServerResponse>();
  private poll: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private version: number | null = null;
  private polling = false;
  private again = false;
  private closed = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error'>,
    private readonly changes?: ChangeSignal,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  /** Whether another stream may open. */
  hasRoom(): boolean {
    return !this.closed && this.clients.size < MAX_STREAMS;
  }

  /** Takes over a response: headers, `ready` at once, then events until the client goes or the app closes. */
  async open(res: ServerResponse): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.clients.add(res);
    res.on('close', () => this.drop(res));
    if (this.version === null) this.version = await dataVersion(this.db).catch(() => null);
    res.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ dataVersion: this.version })}\n\n`);
    this.ensureRunning();
  }

  private drop(res: ServerResponse): void {
    this.clients.delete(res);
    if (this.clients.size === 0) this.stopTimers();
  }

  private ensureRunning(): void {
    if (this.poll || this.closed) return;
    const signalled = this.changes?.active ?? false;
    this.poll = setInterval(() => void this.tick(), signalled ? SAFETY_POLL_MS : POLL_MS);
    if (signalled) this.unsubscribe = this.changes!.subscribe((table) => (table === '*' || WATCHED_TABLES.has(table)) && void this.tick());
    this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n'), HEARTBEAT_MS);
  }

  private stopTimers(): void {
    if (this.poll) clearInterval(this.poll);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.poll = this.heartbeat = null;
    this.version = null;
  }

  private async tick(): Promise<void> {
    // A signal arriving during a read is not lost: one more read follows.
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = true;
    try {
      do {
        this.again = false;
        const v = await dataVersion(this.db);
        if (this.version !== null && v !== this.version) this.broadcast(`event: changed\ndata: ${JSON.stringify({ dataVersion: v })}\n\n`);
        this.version = v;
      } while (this.again && !this.closed);
    } catch (err) {
      this.logger.error({ err }, 'dashboard stream poll failed');
    } finally {
      this.polling = false;
    }
  }

  private broadcast(text: string): void {
    for (const c of this.clients) c.write(text);
  }

  /** Ends every stream (the app is closing). */
  close(): void {
    this.closed = true;
    this.stopTimers();
    for (const c of [...this.clients]) c.end();
    this.clients.clear();
  }
}
