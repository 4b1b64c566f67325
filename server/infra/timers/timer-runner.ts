import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import { runCommand, systemContext, type AuditLog } from '../commands.js';
import type { DB } from '../db/schema.js';
import type { TimerTable } from './timer.table.js';
import { PollingLoop } from '../polling-loop.js';
import { listDueTimers, markTimerFired, setTimerOutcome } from './timers.repository.js';

/** What a timer does when it fires, inside the transaction that marks it fired. Returns its outcome. */
export type TimerHandler = (tx: Transaction<DB>, timer: TimerTable, audit: AuditLog) => Promise<string>;

/**
 * Fires due timers exactly once, even with several processes on one database: each timer's
 * effects commit in the same transaction as its fired mark, and only one transaction can set
 * that mark. A crash before commit leaves the timer due, so it fires after the restart.
 */
export class TimerRunner {
  private readonly handlers = new Map<string, TimerHandler>();
  private readonly loop: PollingLoop;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error' | 'debug'>,
  ) {
    this.loop = new PollingLoop('timer loop', logger, () => this.runOnce());
  }

  /** A module registers the handler of each timer kind it schedules. */
  register(kind: string, handler: TimerHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Fires every timer due at `now`; returns how many this process fired. */
  async runOnce(now = new Date()): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = await listDueTimers(this.db, now.toISOString(), 100);
      if (due.length === 0) return fired;
      let progressed = false;
      for (const timer of due) {
        const handler = this.handlers.get(timer.kind);
        try {
          const won = await runCommand(this.db, systemContext('timer'), async (tx, audit) => {
            if (!(await markTimerFired(tx, timer.id, new Date().toISOString()))) return false;
            const outcome = handler ? await handler(tx, timer, audit) : 'no handler';
            await setTimerOutcome(tx, timer.id, outcome);
            return true;
          });
          progressed = true;
          if (won) fired++;
        } catch (err) {
          this.logger.error({ err, timer: timer.id, kind: timer.kind }, 'timer failed; it stays due and is retried');
        }
      }
      if (!progressed || due.length < 100) return fired;
    }
  }

  /** Polls for due timers until stopped. */
  start(everyMs: number): void {
    this.loop.start(everyMs);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }
}
