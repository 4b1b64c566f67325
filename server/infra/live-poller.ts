import type { ChangeSignal } from './db/change-signal.js';

const HEARTBEAT_MS = 15_000;

export interface LivePollerOptions {
  /** How often to read without a change signal (SQLite: one process, nothing to listen to). */
  everyMs: number;
  /** How often to read when a change signal wakes the poller (PostgreSQL): the net for lost notifications. */
  safetyMs: number;
  changes?: ChangeSignal;
  /** Whether a change of this table (or `*`, after the signal reconnected) calls for a read. */
  watches(table: string): boolean;
  /** A comment line every 15 s, so proxies keep idle streams open. */
  heartbeat(): void;
  onError(err: unknown): void;
}

/**
 * The one poller a process runs for a live view (server-sent events): it calls `read` on a
 * timer, and at once when the change signal names a watched table; a wake-up that arrives
 * during a read is not lost — one more read follows; reads never overlap. Runs only between
 * `start` and `stop` (while streams are open).
 */
export class LivePoller {
  private poll: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private reading = false;
  private again = false;

  constructor(
    private readonly read: () => Promise<void>,
    private readonly options: LivePollerOptions,
  ) {}

  get running(): boolean {
    return this.poll !== null;
  }

  start(): void {
    if (this.poll) return;
    const signalled = this.options.changes?.active ?? false;
    this.poll = setInterval(() => void this.wake(), signalled ? this.options.safetyMs : this.options.everyMs);
    this.heartbeat = setInterval(() => this.options.heartbeat(), HEARTBEAT_MS);
    if (signalled) this.unsubscribe = this.options.changes!.subscribe((table) => (table === '*' || this.options.watches(table)) && void this.wake());
  }

  stop(): void {
    if (this.poll) clearInterval(this.poll);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.unsubscribe?.();
    this.poll = this.heartbeat = this.unsubscribe = null;
  }

  async wake(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        await this.read();
      } while (this.again && this.poll);
    } catch (err) {
      this.options.onError(err);
    } finally {
      this.reading = false;
    }
  }
}
