import { sql, type Kysely, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import { appendAuditBatch, type AuditEntry, type CommandContext } from './audit/audit.repository.js';
import { AuditLog } from './commands.js';
import type { DB } from './db/schema.js';
import { DeferredWrites, type Writes } from './db/write-batch.js';

/** One command's work inside the shared transaction: reads and updates through `tx`, inserts through `writes`. */
export type BatchedCommand<T> = (tx: Transaction<DB>, audit: AuditLog, writes: Writes) => Promise<T>;

/** A command that only inserts: it needs no savepoint, as it cannot leave half its work behind. */
export type InsertOnlyCommand<T> = (audit: AuditLog, writes: Writes) => Promise<T>;

interface Item {
  ctx: CommandContext;
  fn: BatchedCommand<unknown>;
  /** Runs statements of its own in the shared transaction, so it gets a savepoint. */
  usesTx: boolean;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/**
 * Group commit: commands submitted while a batch is being written share the next transaction,
 * each inside its own savepoint (one failing command rolls back alone). Their inserts are
 * held back and written per table for the whole batch, then the audit events of all of them
 * with one head update. Nobody's promise settles before the shared commit has returned, so
 * nothing is acknowledged before it is durable; one commit (one fsync) serves the whole batch.
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
  submit<T>(ctx: CommandContext, fn: BatchedCommand<T>): Promise<T> {
    return this.enqueue(ctx, fn, true);
  }

  /** Like submit, for a command whose only writes are inserts (and its audit events). */
  submitInserts<T>(ctx: CommandContext, fn: InsertOnlyCommand<T>): Promise<T> {
    return this.enqueue(ctx, (_tx, audit, writes) => fn(audit, writes), false);
  }

  private enqueue<T>(ctx: CommandContext, fn: BatchedCommand<T>, usesTx: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ctx, fn: fn as Item['fn'], usesTx, resolve: resolve as Item['resolve'], reject });
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
        const inserts = new DeferredWrites();
        const audits: { ctx: CommandContext; entries: AuditEntry[] }[] = [];
        for (const [i, item] of batch.entries()) {
          const sp = sql.raw(`gc_${i}`);
          if (item.usesTx) await sql`savepoint ${sp}`.execute(tx);
          try {
            const audit = new AuditLog();
            const writes = new DeferredWrites();
            const value = await item.fn(tx, audit, writes);
            if (item.usesTx) await sql`release savepoint ${sp}`.execute(tx);
            inserts.absorb(writes);
            audits.push({ ctx: item.ctx, entries: audit.entries });
            outcomes.push({ ok: true, value });
          } catch (error) {
            if (item.usesTx) {
              await sql`rollback to savepoint ${sp}`.execute(tx);
              await sql`release savepoint ${sp}`.execute(tx);
            }
            outcomes.push({ ok: false, error });
          }
        }
        await inserts.flush(tx);
        await appendAuditBatch(tx, audits);
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
