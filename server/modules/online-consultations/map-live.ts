import type { ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ChangeSignal } from '../../infra/db/change-signal.js';
import { LivePoller } from '../../infra/live-poller.js';
import type { DB } from '../../infra/db/schema.js';
import { mapVersions } from './online.repository.js';

/** Connections one process serves at most; more are refused with 503. */
export const MAX_MAP_STREAMS = 2000;

/**
 * Server-sent events for opinion maps: one poller per process (not per client) reads the map
 * versions of the consultations someone is watching, in one query, and sends `map` to that
 * consultation's streams when a newer map was stored (by any process); a comment every 15 s
 * keeps proxies from closing idle streams. It runs only while streams are open: every half
 * second on SQLite; on PostgreSQL when the change signal says `online_map` changed in any
 * process (LISTEN/NOTIFY), and every 5 s in case a notification was lost.
 */
export class MapLive {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private readonly versions = new Map<string, number>();
  private readonly poller: LivePoller;
  private closed = false;
  private count = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error'>,
    changes?: ChangeSignal,
  ) {
    this.poller = new LivePoller(() => this.read(), {
      everyMs: 500,
      safetyMs: 5000,
      changes,
      watches: (table) => table === 'online_map',
      heartbeat: () => {
        for (const set of this.streams.values()) for (const res of set) res.write(': heartbeat\n\n');
      },
      onError: (err) => this.logger.error({ err }, 'opinion map stream poll failed'),
    });
  }

  hasRoom(): boolean {
    return !this.closed && this.count < MAX_MAP_STREAMS;
  }

  /** Takes over a response: headers, `ready` with the current version, then `map` events until the client goes or the app closes. */
  async open(onlineId: string, res: ServerResponse): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let set = this.streams.get(onlineId);
    if (!set) this.streams.set(onlineId, (set = new Set()));
    set.add(res);
    this.count++;
    res.on('close', () => this.drop(onlineId, res));
    if (!this.versions.has(onlineId)) this.versions.set(onlineId, (await mapVersions(this.db, [onlineId]).catch(() => new Map<string, number>())).get(onlineId) ?? 0);
    res.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ version: this.versions.get(onlineId) ?? 0 })}\n\n`);
    if (!this.closed) this.poller.start();
  }

  private drop(onlineId: string, res: ServerResponse): void {
    const set = this.streams.get(onlineId);
    if (!set?.delete(res)) return;
    this.count--;
    if (set.size === 0) {
      this.streams.delete(onlineId);
      this.versions.delete(onlineId);
    }
    if (this.count === 0) this.stopTimers();
  }

  private stopTimers(): void {
    this.poller.stop();
  }

  private async read(): Promise<void> {
    if (this.streams.size === 0) return;
    const latest = await mapVersions(this.db, [...this.streams.keys()]);
    for (const [id, version] of latest) {
      if (version <= (this.versions.get(id) ?? 0)) continue;
      this.versions.set(id, version);
      const text = `event: map\ndata: ${JSON.stringify({ version })}\n\n`;
      for (const res of this.streams.get(id) ?? []) res.write(text);
    }
  }

  /** Ends every stream (the app is closing). */
  close(): void {
    this.closed = true;
    this.stopTimers();
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
    this.count = 0;
  }
}
