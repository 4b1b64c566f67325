import { sql, type Kysely, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import { appendAuditEvents, type CommandContext } from './audit/audit.repository.js';
import { AuditLog } from './commands.js';
import type { DB } from './db/schema.js';

interface Item {
  ctx: CommandContext;
  fn: (tx: Transaction<DB>, audit: AuditLog) => Promise<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/**
 * Group commit: commands submitted while a batch is being written share the next transaction,
 * each inside its own savepoint (one failing command rolls back alone). Nobody's promise
 * settles before the shared commit has returned, so nothing is acknowledged before it is
 * durable; one commit (one fsync) serves the whole batch.
 */
export class GroupCommitter {
  private queue: Item[] = [];
  private writing = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error'>,
    private readonly maxBatch = 128,
  ) {}

  /** Runs one command in the next shared transaction; resolves after that transaction commits. */
  submit<T>(ctx: CommandContext, fn: (tx: Transaction<DB>, audit: AuditLog) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ctx, fn: fn as Item['fn'], resolve: resolve as Item['resolve'], reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      // Let requests that arrived in the same tick join the first batch.
      await new Promise((r) => setImmediate(r));
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.write(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Item[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (tx) => {
        for (const [i, item] of batch.entries()) {
          const sp = sql.raw(`gc_${i}`);
          await sql`savepoint ${sp}`.execute(tx);
          try {
            const audit = new AuditLog();
            const value = await item.fn(tx, audit);
            if (audit.entries.length > 0) await appendAuditEvents(tx, item.ctx, audit.entries);
            await sql`release savepoint ${sp}`.execute(tx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint ${sp}`.execute(tx);
            await sql`release savepoint ${sp}`.execute(tx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      this.logger.error({ err: error, size: batch.length }, 'group commit failed; no command of the batch was stored');
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const o = outcomes[i];
      if (o?.ok) item.resolve(o.value);
      else item.reject(o?.error);
    });
  }
}
