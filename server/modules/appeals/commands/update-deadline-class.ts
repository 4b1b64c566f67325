import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { CLASS_BOUNDS } from '../appeal.deadlines.js';
import { findDeadlineClass, updateDeadlineClass } from '../appeal-settings.repository.js';
import { invalidateReferenceData } from '../appeals.service.js';
import type { DeadlineClassTable } from '../appeals.table.js';
import { fieldError } from './category-guards.js';

export interface DeadlineClassPatch {
  version: number;
  nameZh?: string;
  nameEn?: string;
  amount?: number;
  unit?: 'wd' | 'minutes';
  /** The extension class only: how many extensions one appeal may have approved. */
  maxCount?: number;
}

function view(c: DeadlineClassTable) {
  return { nameZh: c.name_zh, nameEn: c.name_en, amount: c.amount, unit: c.unit, maxCount: c.max_count, version: c.version };
}

/**
 * Changes a deadline class. Only deadlines computed from now on use it: clocks already running
 * keep the instant they were given, as the appeal's record promised.
 */
export async function updateDeadlineClassDetails(db: Kysely<DB>, ctx: CommandContext, code: string, patch: DeadlineClassPatch): Promise<DeadlineClassTable> {
  const row = await runCommand(db, ctx, async (tx, audit) => {
    const before = await findDeadlineClass(tx, code);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== patch.version) throw new AppError('VERSION_CONFLICT');
    const unit = patch.unit ?? before.unit;
    const amount = patch.amount ?? before.amount;
    const b = CLASS_BOUNDS[unit];
    if (!(amount >= b.min && amount <= b.max) || Math.abs(amount / b.step - Math.round(amount / b.step)) > 1e-9)
      throw unit === 'wd'
        ? fieldError('amount', `工作日须在 ${b.min}–${b.max} 之间，以 ${b.step} 天为单位`, `working days must be ${b.min}–${b.max} in steps of ${b.step}`)
        : fieldError('amount', `分钟数须为 ${b.min}–${b.max} 之间的整数`, `minutes must be a whole number from ${b.min} to ${b.max}`);
    if (patch.maxCount !== undefined && before.max_count === null)
      throw fieldError('maxCount', '只有延期类别有次数上限', 'only the extension class has a count');
    const changes: Partial<DeadlineClassTable> = {
      ...(patch.nameZh !== undefined ? { name_zh: patch.nameZh } : {}),
      ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
      ...(patch.maxCount !== undefined ? { max_count: patch.maxCount } : {}),
      amount,
      unit,
    };
    const after: DeadlineClassTable = { ...before, ...changes, updated_at: new Date().toISOString(), version: before.version + 1 };
    if (!(await updateDeadlineClass(tx, code, before.version, { ...changes, updated_at: after.updated_at }))) throw new AppError('VERSION_CONFLICT');
    audit.record({ action: 'deadline_class.update', resourceType: 'deadline_class', resourceId: code, before: view(before), after: view(after) });
    return after;
  });
  invalidateReferenceData(db);
  return row;
}
