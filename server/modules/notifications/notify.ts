import { v7 as uuidv7 } from 'uuid';
import type { Writes } from '../../infra/db/write-batch.js';
import { insertNotifications, insertOutbox } from './notifications.repository.js';

export interface NotificationInput {
  kind: string;
  resourceType: string;
  resourceId: string;
  payload: Record<string, unknown>;
}

/** Puts a notification in each person's inbox, in the caller's transaction (or its batch). */
export async function notifyAccounts(writes: Writes, accountIds: string[], n: NotificationInput): Promise<void> {
  const now = new Date().toISOString();
  await insertNotifications(
    writes,
    [...new Set(accountIds)].map((accountId) => ({
      id: uuidv7(),
      account_id: accountId,
      kind: n.kind,
      resource_type: n.resourceType,
      resource_id: n.resourceId,
      payload: JSON.stringify(n.payload),
      created_at: now,
      read_at: null,
    })),
  );
}

/** Queues an SMS or e-mail in the caller's transaction; the drainer sends it after commit. */
export async function enqueueMessage(
  writes: Writes,
  m: { channel: 'sms' | 'email'; recipient: string; template: string; payload: Record<string, unknown> },
): Promise<void> {
  const now = new Date().toISOString();
  await insertOutbox(writes, [
    {
      id: uuidv7(),
      channel: m.channel,
      recipient: m.recipient,
      template: m.template,
      payload: JSON.stringify(m.payload),
      created_at: now,
      attempts: 0,
      next_attempt_at: now,
      claimed_until: null,
      sent_at: null,
      failed_at: null,
      last_error: null,
    },
  ]);
}
