import type { WorkCalendar } from '../../infra/calendar/work-calendar.js';
import type { AppealState } from './appeal.workflow.js';
import type { DeadlineClassTable } from './appeals.table.js';

/** Defaults from real hotline rules; each deployment edits its own table. */
export const DEFAULT_DEADLINE_CLASSES: Omit<DeadlineClassTable, 'updated_at' | 'version'>[] = [
  { code: 'dispatch', name_zh: '派单', name_en: 'Dispatch', amount: 0.5, unit: 'wd', max_count: null },
  { code: 'sign', name_zh: '签收', name_en: 'Sign', amount: 1, unit: 'wd', max_count: null },
  { code: 'return', name_zh: '退单审核', name_en: 'Return decision', amount: 2, unit: 'wd', max_count: null },
  { code: 'review', name_zh: '审核', name_en: 'Review', amount: 1, unit: 'wd', max_count: null },
  { code: 'callback', name_zh: '回访', name_en: 'Callback', amount: 3, unit: 'wd', max_count: null },
  { code: 'consultation', name_zh: '咨询类', name_en: 'Consultation', amount: 3, unit: 'wd', max_count: null },
  { code: 'general', name_zh: '一般类', name_en: 'General', amount: 5, unit: 'wd', max_count: null },
  { code: 'complaint', name_zh: '投诉类', name_en: 'Complaint', amount: 10, unit: 'wd', max_count: null },
  { code: 'urgent', name_zh: '紧急', name_en: 'Urgent', amount: 30, unit: 'minutes', max_count: null },
  { code: 'extension', name_zh: '单次延期上限', name_en: 'One extension at most', amount: 3, unit: 'wd', max_count: 3 },
];

/**
 * Classes the workflow names for its own steps. Every other class is a reply deadline a
 * category may carry as its default.
 */
export const STEP_CLASSES: readonly string[] = ['dispatch', 'sign', 'return', 'review', 'callback', 'urgent', 'extension'];

/** Whether a category may use the class as its reply deadline. */
export function isReplyClass(code: string): boolean {
  return !STEP_CLASSES.includes(code);
}

/** How many extensions an appeal may have approved when the deployment has not said. */
export const EXTENSION_CAP = 3;

/** Bounds an administrator may set: working days in quarter days, minutes whole. */
export const CLASS_BOUNDS = {
  wd: { min: 0.25, max: 60, step: 0.25 },
  minutes: { min: 5, max: 1440, step: 1 },
  maxCount: { min: 0, max: 10 },
} as const;

export type DeadlineClasses = ReadonlyMap<string, Pick<DeadlineClassTable, 'amount' | 'unit'> & { max_count?: number | null }>;

/** How many extensions an appeal may have approved, from the deployment's extension class. */
export function extensionCap(classes: DeadlineClasses): number {
  return classes.get('extension')?.max_count ?? EXTENSION_CAP;
}

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
