import type { ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ChangeSignal } from '../../infra/db/change-signal.js';
import type { DB } from '../../infra/db/schema.js';
import { mapVersions } from './online.repository.js';

/** Connections one process serves at most; more are refused with 503. */
export const MAX_MAP_STREAMS = 2000;
const POLL_MS = 500;
/** With a change signal (PostgreSQL), the timer is only the safety net for lost notifications. */
const SAFETY_POLL_MS = 5000;
const HEARTBEAT_MS = 15_000;

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
  private poll: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private polling = false;
  private again = false;
  private closed = false;
  private count = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error'>,
    private readonly changes?: ChangeSignal,
  ) {}

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
    this.ensureRunning();
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

  private ensureRunning(): void {
    if (this.poll || this.closed) return;
    const signalled = this.changes?.active ?? false;
    this.poll = setInterval(() => void this.tick(), signalled ? SAFETY_POLL_MS : POLL_MS);
    if (signalled) this.unsubscribe = this.changes!.subscribe((table) => (table === '*' || table === 'online_map') && void this.tick());
    this.heartbeat = setInterval(() => {
      for (const set of this.streams.values()) for (const res of set) res.write(': heartbeat\n\n');
    }, HEARTBEAT_MS);
  }

  private stopTimers(): void {
    if (this.poll) clearInterval(this.poll);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.poll = this.heartbeat = null;
  }

  private async tick(): Promise<void> {
    if (this.streams.size === 0) return;
    // A signal arriving during a read is not lost: one more read follows.
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = true;
    try {
      do {
        this.again = false;
        const latest = await mapVersions(this.db, [...this.streams.keys()]);
        for (const [id, version] of latest) {
          if (version <= (this.versions.get(id) ?? 0)) continue;
          this.versions.set(id, version);
          const text = `event: map\ndata: ${JSON.stringify({ version })}\n\n`;
          for (const res of this.streams.get(id) ?? []) res.write(text);
        }
      } while (this.again && !this.closed && this.streams.size > 0);
    } catch (err) {
      this.logger.error({ err }, 'opinion map stream poll failed');
    } finally {
      this.polling = false;
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
