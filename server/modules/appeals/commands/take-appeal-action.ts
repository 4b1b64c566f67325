import type { Kysely } from 'kysely';
import { immediateWrites } from '../../../infra/db/write-batch.js';
import { v7 as uuidv7 } from 'uuid';
import type { WorkCalendar } from '../../../infra/calendar/work-calendar.js';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError, type FieldError } from '../../../infra/http/errors.js';
import { findUnit } from '../../accounts/index.js';
import { dueAfter, extensionCap, stageDue, type DeadlineClasses } from '../appeal.deadlines.js';
import { decide, type ActionInput, type AppealAction, type GuardFailure } from '../appeal.workflow.js';
import { mayAct } from '../appeals.policy.js';
import { findAppeal, insertAppealEvent, replaceAppealUnits, transitionAppeal } from '../appeals.repository.js';
import type { AppealTable, AppealUnitTable } from '../appeals.table.js';
import { announce, scheduleStageTimers } from '../appeal.effects.js';
import { attachUploads } from '../appeal-photos.js';

export interface ActionRequest extends ActionInput {
  action: AppealAction;
  /** The version the person saw; a newer one means someone else acted first. */
  version: number;
  assistingUnitIds?: string[];
  /** Uploaded photos attached to a reply (evidence of the work done). */
  photoIds?: string[];
}

const GUARD_FIELDS: Partial<Record<GuardFailure, [string, string, string]>> = {
  REASON_REQUIRED: ['reason', '请填写理由', 'a reason is required'],
  TEXT_REQUIRED: ['text', '请填写内容', 'a text is required'],
  UNIT_REQUIRED: ['leadUnitId', '请选择主办单位', 'choose the lead unit'],
  DATE_REQUIRED: ['until', '请填写新的办理期限', 'give the new deadline'],
  RATING_REQUIRED: ['rating', '请选择满意度', 'choose a rating'],
  TARGET_REQUIRED: ['targetAppealId', '请选择要合并到的诉求', 'choose the appeal to merge into'],
};

const GUARD_DETAIL: Partial<Record<GuardFailure, { zh: string; en: string }>> = {
  ANONYMOUS_NO_CALLBACK: { zh: '匿名诉求不回访', en: 'Anonymous appeals get no callback' },
  NOT_RATED_UNSATISFIED: { zh: '仅在群众不满意时可重办或最终答复', en: 'Only after an unsatisfied rating' },
  FEEDBACK_PENDING: { zh: '尚未回访评价，不能办结', en: 'The callback and rating are still pending' },
};

/** The actions whose timeline entry may carry photos: the unit's answers to the resident. */
const PHOTO_ACTIONS = new Set<AppealAction>(['reply', 'answer_directly', 'final_answer']);

function refuse(reason: 'NOT_ALLOWED_IN_STATE' | GuardFailure, state: string, cap: number): never {
  const f = reason !== 'NOT_ALLOWED_IN_STATE' ? GUARD_FIELDS[reason] : undefined;
  if (f) {
    const errors: FieldError[] = [{ field: f[0], message: f[1] }];
    throw new AppError('VALIDATION_FAILED', { zh: f[1], en: f[2] }, { errors });
  }
  if (reason === 'EXTENSION_CAP_REACHED') throw new AppError('ACTION_NOT_ALLOWED', { zh: `延期次数已达上限（${cap} 次）`, en: `No more than ${cap} extensions` });
  throw new AppError('ACTION_NOT_ALLOWED', GUARD_DETAIL[reason as GuardFailure] ?? { zh: `当前状态：${state}`, en: `Current state: ${state}` });
}

/**
 * Takes one lifecycle action on an appeal: checks who may, asks the transition table, applies
 * the action's effects (units, deadlines, extensions, rating) and writes the timeline and the
 * audit record — all as one compare-and-set on (id, state, version).
 */
export async function takeAppealAction(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor | null,
  deps: { calendar: WorkCalendar; classes: DeadlineClasses },
  appealId: string,
  req: ActionRequest,
): Promise<AppealTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const appeal = await findAppeal(tx, appealId);
    if (!appeal || !mayAct(actor, req.action, appeal)) {
      if (!appeal) throw new AppError('NOT_FOUND');
      throw new AppError('FORBIDDEN');
    }
    if (appeal.version !== req.version) throw new AppError('VERSION_CONFLICT');
    const cap = extensionCap(deps.classes);
    const decision = decide(
      {
        state: appeal.state,
        anonymous: appeal.anonymous === 1,
        extensionsApproved: appeal.extensions_approved,
        extensionCap: cap,
        rating: appeal.rating,
      },
      req.action,
      req,
    );
    if (!decision.ok) refuse(decision.reason, appeal.state, cap);
    if (req.photoIds?.length && !PHOTO_ACTIONS.has(req.action))
      throw new AppError('VALIDATION_FAILED', { zh: '只有答复可以附照片', en: 'Only a reply can carry photos' }, { errors: [{ field: 'photoIds', message: '只有答复可以附照片' }] });
    const now = new Date();
    const iso = now.toISOString();
    const patch: Partial<AppealTable> = { state: decision.to, updated_at: iso };
    const replyClass = appeal.deadline_class === 'urgent' ? 'general' : appeal.deadline_class;
    // Written only after the compare-and-set below: a racing request must lose there (409), not
    // on the units' primary key (a 500 when two processes dispatch the same appeal at once).
    let units: AppealUnitTable[] | undefined;

    switch (req.action) {
      case 'dispatch':
      case 'approve_return': {
        const lead = await findUnit(tx, req.leadUnitId as string);
        if (!lead || lead.active !== 1) throw new AppError('VALIDATION_FAILED', undefined, { errors: [{ field: 'leadUnitId', message: '承办单位不存在' }] });
        const assisting = [...new Set(req.assistingUnitIds ?? [])].filter((u) => u !== lead.id);
        for (const u of assisting) if (!(await findUnit(tx, u))) throw new AppError('VALIDATION_FAILED', undefined, { errors: [{ field: 'assistingUnitIds', message: '协办单位不存在' }] });
        units = [
          { appeal_id: appeal.id, unit_id: lead.id, role: 'lead' },
          ...assisting.map((u) => ({ appeal_id: appeal.id, unit_id: u, role: 'assisting' as const })),
        ];
        patch.lead_unit_id = lead.id;
        patch.reply_due_at = dueAfter(deps.calendar, deps.classes, replyClass, now).toISOString();
        break;
      }
      case 'request_extension': {
        const until = new Date(req.until as string);
        if (Number.isNaN(until.getTime()) || (appeal.reply_due_at && until.toISOString() <= appeal.reply_due_at))
          throw new AppError('VALIDATION_FAILED', undefined, { errors: [{ field: 'until', message: '新期限须晚于当前期限' }] });
        const cap = dueAfter(deps.calendar, deps.classes, 'extension', new Date(appeal.reply_due_at ?? iso));
        if (until > cap) throw new AppError('VALIDATION_FAILED', undefined, { errors: [{ field: 'until', message: `单次最多延期至 ${cap.toISOString()}` }] });
        patch.pending_until = until.toISOString();
        break;
      }
      case 'approve_extension':
        patch.reply_due_at = appeal.pending_until;
        patch.pending_until = null;
        patch.extensions_approved = appeal.extensions_approved + 1;
        break;
      case 'refuse_extension':
        patch.pending_until = null;
        break;
      case 'supervise':
        patch.supervised = 1;
        break;
      case 'rate':
        patch.rating = req.rating ?? null;
        break;
      case 'reopen':
        patch.rating = null;
        patch.reply_due_at = dueAfter(deps.calendar, deps.classes, replyClass, now).toISOString();
        break;
      case 'final_answer':
      case 'close':
        patch.closed_at = iso;
        break;
      case 'merge': {
        const target = await findAppeal(tx, req.targetAppealId as string);
        if (!target || target.id === appeal.id || target.state === 'merged')
          throw new AppError('VALIDATION_FAILED', undefined, { errors: [{ field: 'targetAppealId', message: '不能合并到该诉求' }] });
        patch.merged_into = target.id;
        patch.closed_at = iso;
        break;
      }
      default:
        break;
    }
    if (decision.to !== appeal.state || req.action === 'approve_extension') {
      patch.stage_due_at = stageDue(deps.calendar, deps.classes, decision.to, now, {
        urgent: appeal.urgent === 1,
        replyDueAt: patch.reply_due_at !== undefined ? patch.reply_due_at : appeal.reply_due_at,
      });
    }
    if (!(await transitionAppeal(tx, appeal.id, { state: appeal.state, version: appeal.version }, patch))) throw new AppError('VERSION_CONFLICT');
    if (units) await replaceAppealUnits(tx, appeal.id, units);
    const payload = {
      ...(req.reason ? { reason: req.reason } : {}),
      ...(req.text ? { text: req.text } : {}),
      ...(req.leadUnitId ? { leadUnitId: req.leadUnitId } : {}),
      ...(req.assistingUnitIds?.length ? { assistingUnitIds: req.assistingUnitIds } : {}),
      ...(req.until ? { until: req.until } : {}),
      ...(req.rating ? { rating: req.rating } : {}),
      ...(req.targetAppealId ? { targetAppealId: req.targetAppealId } : {}),
    };
    const eventId = uuidv7();
    await insertAppealEvent(immediateWrites(tx), {
      id: eventId,
      appeal_id: appeal.id,
      action: req.action,
      from_state: appeal.state,
      to_state: decision.to,
      actor_id: ctx.actorId,
      actor_label: ctx.actorLabel,
      payload: Object.keys(payload).length ? JSON.stringify(payload) : null,
      created_at: iso,
    });
    const photos = await attachUploads(tx, req.photoIds ?? [], { appealId: appeal.id, eventId }, now);
    audit.record({
      action: `appeal.${req.action}`,
      resourceType: 'appeal',
      resourceId: appeal.id,
      before: { state: appeal.state, version: appeal.version },
      after: { state: decision.to, version: appeal.version + 1, ...payload, ...(photos.length ? { photos } : {}) },
    });
    const after = { ...appeal, ...patch, version: appeal.version + 1 } as AppealTable;
    if (after.stage_due_at && after.stage_due_at !== appeal.stage_due_at) await scheduleStageTimers(immediateWrites(tx), deps.calendar, after, now);
    if (decision.to !== appeal.state) await announce(tx, immediateWrites(tx), req.action, after, ctx.actorId);
    return after;
  });
}
