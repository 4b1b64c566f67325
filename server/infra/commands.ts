import type { Kysely, Transaction } from 'kysely';
import { appendAuditEvents, type AuditEntry, type CommandContext } from './audit/audit.repository.js';
import { isRetryable } from './db/errors.js';
import type { DB } from './db/schema.js';

export type { CommandContext } from './audit/audit.repository.js';

/** Collects the audit entries of one command; written in the command's own transaction. */
export class AuditLog {
  readonly entries: AuditEntry[] = [];
  record(entry: AuditEntry): void {
    this.entries.push(entry);
  }
}

const MAX_ATTEMPTS = 6;

export interface CommandOptions {
  /**
   * 'serializable' for commands whose checks read rows other commands may change at the same
   * time (a move that must not close a cycle in a tree): PostgreSQL then refuses the write skew
   * and the command runs again. SQLite has one writer and ignores it.
   */
  isolation?: 'serializable';
}

/**
 * Runs one business action: its writes and its audit events commit together or not at all.
 * A command that changes nothing may record nothing; one that writes must record.
 */
export async function runCommand<T>(
  db: Kysely<DB>,
  ctx: CommandContext,
  fn: (tx: Transaction<DB>, audit: AuditLog) => Promise<T>,
  options: CommandOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const begin = options.isolation ? db.transaction().setIsolationLevel(options.isolation) : db.transaction();
      return await begin.execute(async (tx) => {
        const audit = new AuditLog();
        const result = await fn(tx, audit);
        if (audit.entries.length > 0) await appendAuditEvents(tx, ctx, audit.entries);
        return result;
      });
    } catch (err) {
      // A write conflict (SQLite busy across processes, PostgreSQL serialization or deadlock):
      // the whole command runs again after a growing, jittered pause.
      if (attempt < MAX_ATTEMPTS && isRetryable(err)) {
        await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));
        continue;
      }
      throw err;
    }
  }
}

/** The context for changes made by the system itself (seeding, CLI). */
export function systemContext(label = 'system'): CommandContext {
  return { actorId: null, actorLabel: label, requestId: null, ip: null };
}
