import type { WorkCalendar } from '../../infra/calendar/work-calendar.js';
import type { AppealState } from './appeal.workflow.js';
import type { DeadlineClassTable } from './appeals.table.js';

/** Defaults from real hotline rules; each deployment edits its own table. */
export const DEFAULT_DEADLINE_CLASSES: Omit<DeadlineClassTable, 'updated_at'>[] = [
  { code: 'dispatch', name_zh: '派单', name_en: 'Dispatch', amount: 0.5, unit: 'wd' },
  { code: 'sign', name_zh: '签收', name_en: 'Sign', amount: 1, unit: 'wd' },
  { code: 'return', name_zh: '退单审核', name_en: 'Return decision', amount: 2, unit: 'wd' },
  { code: 'review', name_zh: '审核', name_en: 'Review', amount: 1, unit: 'wd' },
  { code: 'callback', name_zh: '回访', name_en: 'Callback', amount: 3, unit: 'wd' },
  { code: 'consultation', name_zh: '咨询类', name_en: 'Consultation', amount: 3, unit: 'wd' },
  { code: 'general', name_zh: '一般类', name_en: 'General', amount: 5, unit: 'wd' },
  { code: 'complaint', name_zh: '投诉类', name_en: 'Complaint', amount: 10, unit: 'wd' },
  { code: 'urgent', name_zh: '紧急', name_en: 'Urgent', amount: 30, unit: 'minutes' },
  { code: 'extension', name_zh: '单次延期上限', name_en: 'One extension at most', amount: 3, unit: 'wd' },
];

/** How many extensions an appeal may have approved. */
export const EXTENSION_CAP = 3;

export type DeadlineClasses = ReadonlyMap<string, Pick<DeadlineClassTable, 'amount' | 'unit'>>;

/** The instant a deadline class ends when started at `from`. */
export function dueAfter(cal: WorkCalendar, classes: DeadlineClasses, code: string, from: Date): Date {
  const c = classes.get(code);
  if (!c) throw new Error(`unknown deadline class ${code}`);
  return c.unit === 'minutes' ? new Date(from.getTime() + c.amount * 60_000) : cal.addWorkingDays(from, c.amount);
}

/**
 * When the step an appeal has just entered is due. Urgent appeals are dispatched within
 * the urgent class; the reply step follows the reply deadline, which extensions move.
 */
export function stageDue(
  cal: WorkCalendar,
  classes: DeadlineClasses,
  state: AppealState,
  now: Date,
  appeal: { urgent: boolean; replyDueAt: string | null },
): string | null {
  const at = (code: string) => dueAfter(cal, classes, code, now).toISOString();
  switch (state) {
    case 'registered':
      return at(appeal.urgent ? 'urgent' : 'dispatch');
    case 'dispatched':
      return at('sign');
    case 'return_requested':
      return at('return');
    case 'signed':
    case 'in_progress':
    case 'extension_requested':
      return appeal.replyDueAt;
    case 'replied':
    case 'rated':
      return at('review');
    case 'awaiting_feedback':
      return at('callback');
    default:
      return null;
  }
}
