import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../infra/db/schema.js';
import { claimOutboxMessage, markOutboxRetry, markOutboxSent } from './notifications.repository.js';
import type { OutboxTable } from './notifications.table.js';
import { PollingLoop } from '../../infra/polling-loop.js';

/** Sends one message; throws to have it retried. The outbox id is the idempotency key. */
export interface MessageAdapter {
  send(message: { id: string; recipient: string; template: string; payload: Record<string, unknown> }): Promise<void>;
}

/** The default adapter: writes the message to the log (recipient masked), sends nothing. */
export function logAdapter(logger: Pick<Logger, 'info'>, channel: 'sms' | 'email'): MessageAdapter {
  return {
    async send(m) {
      const recipient = channel === 'sms' ? m.recipient.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2') : m.recipient.replace(/^(.).*@/, '$1***@');
      logger.info({ channel, messageId: m.id, recipient, template: m.template, payload: m.payload }, `${channel} message (log adapter)`);
    },
  };
}

const MAX_ATTEMPTS = 8;

/**
 * Drains the outbox: claims a due message with a lease (so two processes never hold the same
 * one at once), sends it through its channel's adapter, and retries with back-off on failure.
 */
export class OutboxDrainer {
  private readonly loop: PollingLoop;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly adapters: Record<OutboxTable['channel'], MessageAdapter>,
    private readonly logger: Pick<Logger, 'warn' | 'error'>,
    private readonly leaseMs = 60_000,
  ) {
    this.loop = new PollingLoop('outbox loop', logger, () => this.runOnce());
  }

  /** Sends everything due now; returns how many messages were sent. */
  async runOnce(): Promise<number> {
    let sent = 0;
    for (let i = 0; i < 1000; i++) {
      const now = new Date();
      const m = await claimOutboxMessage(this.db, now.toISOString(), new Date(now.getTime() + this.leaseMs).toISOString());
      if (!m) break;
      try {
        await this.adapters[m.channel].send({ id: m.id, recipient: m.recipient, template: m.template, payload: JSON.parse(m.payload) as Record<string, unknown> });
        await markOutboxSent(this.db, m.id, new Date().toISOString());
        sent++;
      } catch (err) {
        const backoffMs = Math.min(3_600_000, 2 ** m.attempts * 10_000);
        const giveUp = m.attempts >= MAX_ATTEMPTS ? new Date().toISOString() : null;
        this.logger.warn({ err, messageId: m.id, attempts: m.attempts }, giveUp ? 'message failed for good' : 'message failed; will retry');
        await markOutboxRetry(this.db, m.id, err instanceof Error ? err.message : String(err), new Date(Date.now() + backoffMs).toISOString(), giveUp);
      }
    }
    return sent;
  }

  start(everyMs: number): void {
    this.loop.start(everyMs);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }
}
