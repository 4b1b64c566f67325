import type { Kysely } from 'kysely';
import type { WorkCalendar } from '../../infra/calendar/work-calendar.js';
import type { DB } from '../../infra/db/schema.js';
import type { Writes } from '../../infra/db/write-batch.js';
import { scheduleTimers } from '../../infra/timers/timers.repository.js';
import { listAccountIdsWithRole } from '../accounts/index.js';
import { enqueueMessage, notifyAccounts } from '../notifications/index.js';
import { referenceCache } from '../../infra/reference-cache.js';
import { ancestorCodes } from './territory-prefixes.js';
import type { AppealAction } from './appeal.workflow.js';
import type { AppealTable } from './appeals.table.js';

/** Whose move it is in each state: the hotline, or the lead unit. */
const UNIT_STATES = new Set(['dispatched', 'signed', 'in_progress']);

/** The people who act next on an appeal in its current state. */
export async function responsibleAccounts(tx: Kysely<DB>, appeal: AppealTable): Promise<string[]> {
  if (UNIT_STATES.has(appeal.state) && appeal.lead_unit_id) return listAccountIdsWithRole(tx, 'unit_clerk', { type: 'unit', ids: [appeal.lead_unit_id] });
  return dispatchersFor(tx, appeal);
}

/** District-wide dispatchers and those whose territory covers the appeal's. */
export async function dispatchersFor(tx: Kysely<DB>, appeal: Pick<AppealTable, 'territory_code'>): Promise<string[]> {
  const district = await listAccountIdsWithRole(tx, 'dispatcher', { type: 'district', ids: [''] });
  const local = await listAccountIdsWithRole(tx, 'dispatcher', { type: 'territory', ids: ancestorCodes(appeal.territory_code) });
  return [...new Set([...district, ...local])];
}

const dispatcherCache = referenceCache<string, string[]>();

/**
 * dispatchersFor from a short-lived per-process cache (a new dispatcher hears of new appeals
 * within REFERENCE_TTL_MS): intake reads it before its transaction, off the group-commit path.
 */
export function dispatchersForCached(db: Kysely<DB>, territoryCode: string): Promise<string[]> {
  return dispatcherCache.get(db, territoryCode, () => dispatchersFor(db, { territory_code: territoryCode }));
}

export const TIMER_KINDS = { reminder: 'appeal.reminder', overdue: 'appeal.overdue', escalate: 'appeal.escalate' } as const;

/**
 * Schedules the clocks of the step an appeal has entered: a reminder when 80 % of the time
 * has passed, overdue marking at the deadline, escalation one working day after it.
 */
export async function scheduleStageTimers(writes: Writes, cal: WorkCalendar, appeal: AppealTable, enteredAt: Date): Promise<void> {
  if (!appeal.stage_due_at) return;
  const due = new Date(appeal.stage_due_at);
  const payload = { state: appeal.state, stageDueAt: appeal.stage_due_at, trackingNo: appeal.tracking_no };
  const reminderAt = new Date(enteredAt.getTime() + (due.getTime() - enteredAt.getTime()) * 0.8);
  await scheduleTimers(writes, [
    { kind: TIMER_KINDS.reminder, resourceId: appeal.id, dueAt: reminderAt.toISOString(), payload },
    { kind: TIMER_KINDS.overdue, resourceId: appeal.id, dueAt: appeal.stage_due_at, payload },
    { kind: TIMER_KINDS.escalate, resourceId: appeal.id, dueAt: cal.addWorkingDays(due, 1).toISOString(), payload },
  ]);
}

/** Who hears about an action: the next actor in the inbox, the resident by SMS at key steps. */
export async function announce(tx: Kysely<DB>, writes: Writes, action: AppealAction | 'register', appeal: AppealTable, actorId: string | null): Promise<void> {
  await announceTo(writes, await responsibleAccounts(tx, appeal), action, appeal, actorId);
}

/** announce, when the caller already knows who acts next. */
export async function announceTo(
  writes: Writes,
  responsible: string[],
  action: AppealAction | 'register',
  appeal: AppealTable,
  actorId: string | null,
): Promise<void> {
  const next = responsible.filter((id) => id !== actorId);
  if (next.length) {
    await notifyAccounts(writes, next, {
      kind: `appeal.${action}`,
      resourceType: 'appeal',
      resourceId: appeal.id,
      payload: { trackingNo: appeal.tracking_no, state: appeal.state, dueAt: appeal.stage_due_at },
    });
  }
  const residentTemplate: Partial<Record<AppealAction | 'register', string>> = {
    register: 'appeal.registered',
    dispatch: 'appeal.dispatched',
    review_accept: 'appeal.replied',
    answer_directly: 'appeal.replied',
    close: 'appeal.closed',
    final_answer: 'appeal.closed',
  };
  const template = residentTemplate[action];
  if (template && appeal.resident_phone) {
    await enqueueMessage(writes, { channel: 'sms', recipient: appeal.resident_phone, template, payload: { trackingNo: appeal.tracking_no } });
  }
}
