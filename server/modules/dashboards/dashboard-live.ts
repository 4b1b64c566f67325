import type { ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../infra/db/schema.js';
import { dataVersion } from './dashboards.repository.js';

/** Connections one process serves at most; more are refused with 503. */
export const MAX_STREAMS = 1000;
const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the dashboards: one poller per process (not per client) reads the data
 * version every half second and sends `changed` to every open stream; a comment line every 15 s
 * keeps proxies from closing idle streams. The poller runs only while streams are open.
 */
export class DashboardLive {
  private readonly clients = new Set<ServerResponse>();
  private poll: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private version: number | null = null;
  private polling = false;
  private closed = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error'>,
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
    this.poll = setInterval(() => void this.tick(), POLL_MS);
    this.heartbeat = setInterval(() => this.broadcast(': heartbeat\n\n'), HEARTBEAT_MS);
  }

  private stopTimers(): void {
    if (this.poll) clearInterval(this.poll);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.poll = this.heartbeat = null;
    this.version = null;
  }

  private async tick(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const v = await dataVersion(this.db);
      if (this.version !== null && v !== this.version) this.broadcast(`event: changed\ndata: ${JSON.stringify({ dataVersion: v })}\n\n`);
      this.version = v;
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
