import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { immediateWrites } from '../../infra/db/write-batch.js';
import type { TimerRunner } from '../../infra/timers/timer-runner.js';
import type { TimerTable } from '../../infra/timers/timer.table.js';
import { listAccountIdsWithRole } from '../accounts/index.js';
import { notifyAccounts } from '../notifications/index.js';
import { TIMER_KINDS, dispatchersFor, responsibleAccounts } from './appeal.effects.js';
import { findAppeal, insertAppealEvent, transitionAppeal } from './appeals.repository.js';
import type { AppealTable } from './appeals.table.js';

/** The appeal, if it is still in the step the timer was set for. */
async function stillDue(tx: Transaction<DB>, timer: TimerTable): Promise<AppealTable | undefined> {
  const p = JSON.parse(timer.payload) as { state: string; stageDueAt: string };
  const appeal = await findAppeal(tx, timer.resource_id);
  return appeal && appeal.state === p.state && appeal.stage_due_at === p.stageDueAt ? appeal : undefined;
}

async function timeline(tx: Transaction<DB>, appeal: AppealTable, action: string) {
  await insertAppealEvent(immediateWrites(tx), {
    id: uuidv7(),
    appeal_id: appeal.id,
    action,
    from_state: appeal.state,
    to_state: appeal.state,
    actor_id: null,
    actor_label: 'system',
    payload: JSON.stringify({ stageDueAt: appeal.stage_due_at }),
    created_at: new Date().toISOString(),
  });
}

const note = (appeal: AppealTable, kind: string) => ({
  kind,
  resourceType: 'appeal',
  resourceId: appeal.id,
  payload: { trackingNo: appeal.tracking_no, state: appeal.state, dueAt: appeal.stage_due_at },
});

/** Reminder before a deadline, overdue marking at it, escalation (督办) after it. */
export function registerAppealTimers(runner: TimerRunner): void {
  runner.register(TIMER_KINDS.reminder, async (tx, timer, audit: AuditLog) => {
    const appeal = await stillDue(tx, timer);
    if (!appeal) return 'stale';
    const people = await responsibleAccounts(tx, appeal);
    await notifyAccounts(immediateWrites(tx), people, note(appeal, 'appeal.due_soon'));
    audit.record({ action: 'appeal.remind_due', resourceType: 'appeal', resourceId: appeal.id, after: { state: appeal.state, stageDueAt: appeal.stage_due_at, notified: people.length } });
    return 'reminded';
  });

  runner.register(TIMER_KINDS.overdue, async (tx, timer, audit: AuditLog) => {
    const appeal = await stillDue(tx, timer);
    if (!appeal) return 'stale';
    await timeline(tx, appeal, 'overdue');
    const people = [...(await responsibleAccounts(tx, appeal)), ...(await dispatchersFor(tx, appeal))];
    await notifyAccounts(immediateWrites(tx), people, note(appeal, 'appeal.overdue'));
    audit.record({ action: 'appeal.overdue', resourceType: 'appeal', resourceId: appeal.id, after: { state: appeal.state, stageDueAt: appeal.stage_due_at } });
    return 'overdue';
  });

  runner.register(TIMER_KINDS.escalate, async (tx, timer, audit: AuditLog) => {
    const appeal = await stillDue(tx, timer);
    if (!appeal) return 'stale';
    if (!(await transitionAppeal(tx, appeal.id, { state: appeal.state, version: appeal.version }, { supervised: 1, updated_at: new Date().toISOString() })))
      throw new Error('appeal changed while escalating; retry');
    await timeline(tx, appeal, 'escalate');
    const staff = await listAccountIdsWithRole(tx, 'district_staff');
    await notifyAccounts(immediateWrites(tx), [...staff, ...(await dispatchersFor(tx, appeal)), ...(await responsibleAccounts(tx, appeal))], note(appeal, 'appeal.escalated'));
    audit.record({ action: 'appeal.escalate', resourceType: 'appeal', resourceId: appeal.id, after: { state: appeal.state, supervised: true } });
    return 'escalated';
  });
}
