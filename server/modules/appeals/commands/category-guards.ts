import type { Kysely } from 'kysely';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { msg } from '../../../infra/http/fields.js';
import { isReplyClass } from '../appeal.deadlines.js';
import { findDeadlineClass } from '../appeal-settings.repository.js';
import type { CategoryTable } from '../appeals.table.js';
import { MAX_CATEGORY_DEPTH, type PlacementProblem } from '../category-tree.js';

/** A refused field, in both languages (the problem's field message follows the request's). */
export const fieldError = (name: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', { zh, en }, { errors: [{ field: name, message: msg(zh, en) }] });

/** The class must exist and be a reply deadline (not one of the workflow's own steps). */
export async function requireReplyClass(db: Kysely<DB>, code: string): Promise<void> {
  const cls = await findDeadlineClass(db, code);
  if (!cls || !isReplyClass(code)) throw fieldError('deadlineClass', '请选择答复时限类别', 'choose a reply deadline class');
}

export function placementError(problem: PlacementProblem): AppError {
  return problem === 'cycle'
    ? new AppError('CATEGORY_CYCLE')
    : new AppError('CATEGORY_TOO_DEEP', { zh: `类别最多 ${MAX_CATEGORY_DEPTH} 级`, en: `Categories have at most ${MAX_CATEGORY_DEPTH} levels` });
}

export const parentInactive = () =>
  new AppError('ACTION_NOT_ALLOWED', { zh: '上级类别已停用，请先启用上级类别', en: 'The parent category is deactivated; reactivate it first' });

export const codeTaken = (code: string) => new AppError('ALREADY_EXISTS', { zh: `类别代码“${code}”已存在`, en: `The category code “${code}” exists` });

/** What the audit trail keeps of a category. */
export function auditView(c: CategoryTable) {
  return {
    code: c.code,
    parentId: c.parent_id,
    nameZh: c.name_zh,
    nameEn: c.name_en,
    deadlineClass: c.deadline_class,
    active: c.active === 1,
    sort: c.sort,
    version: c.version,
  };
}
