export interface NotificationTable {
  id: string;
  account_id: string;
  kind: string;
  resource_type: string;
  resource_id: string;
  /** JSON: what the UI needs to word the message in either language. */
  payload: string;
  created_at: string;
  read_at: string | null;
}

export interface OutboxTable {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  template: string;
  payload: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
}

export interface NotificationsTables {
  notification: NotificationTable;
  outbox: OutboxTable;
}
