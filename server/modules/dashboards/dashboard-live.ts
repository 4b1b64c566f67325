import type { ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ChangeSignal } from '../../infra/db/change-signal.js';
import { LivePoller } from '../../infra/live-poller.js';
import type { DB } from '../../infra/db/schema.js';
import { dataVersion } from './dashboards.repository.js';

/** Connections one process serves at most; more are refused with 503. */
export const MAX_STREAMS = 1000;
/** Tables whose changes move the data version (`dataVersion`). */
export const WATCHED_TABLES = new Set(['dashboard_state', 'topic', 'consultation', 'suggestion', 'venue', 'campaign', 'venue_member']);

/**
 * Server-sent events for the dashboards: one poller per process (not per client) reads the data
 * version and sends `changed` to every open stream; a comment line every 15 s keeps proxies from
 * closing idle streams. The poller runs only while streams are open. On SQLite it reads every
 * half second; on PostgreSQL it reads when the change signal says a watched table changed in any
 * process (LISTEN/NOTIFY), and every 5 s in case a notification was lost.
 */
export class DashboardLive {
  private readonly clients = new Set<ServerResponse>();
  private readonly poller: LivePoller;
  private version: number | null = null;
  private closed = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error'>,
    changes?: ChangeSignal,
  ) {
    this.poller = new LivePoller(() => this.read(), {
      everyMs: 500,
      safetyMs: 5000,
      changes,
      watches: (table) => WATCHED_TABLES.has(table),
      heartbeat: () => this.broadcast(': heartbeat\n\n'),
      onError: (err) => this.logger.error({ err }, 'dashboard stream poll failed'),
    });
  }

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
    if (!this.closed) this.poller.start();
  }

  private drop(res: ServerResponse): void {
    this.clients.delete(res);
    if (this.clients.size === 0) this.stopTimers();
  }

  private stopTimers(): void {
    this.poller.stop();
    this.version = null;
  }

  private async read(): Promise<void> {
    const v = await dataVersion(this.db);
    if (this.version !== null && v !== this.version) this.broadcast(`event: changed\ndata: ${JSON.stringify({ dataVersion: v })}\n\n`);
    this.version = v;
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
