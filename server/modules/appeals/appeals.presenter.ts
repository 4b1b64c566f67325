import type { Actor } from '../../infra/http/access.js';
import { maskPhone } from '../accounts/index.js';
import { actionsFrom, open311Status, type AppealState } from './appeal.workflow.js';
import { mayAct } from './appeals.policy.js';
import type { AppealEventTable, AppealTable, CategoryTable } from './appeals.table.js';
import type { PhotoRef } from './appeal-photos.repository.js';
import type { SpamReason } from './spam-signals.js';

const STAGE_CLOCK: Partial<Record<AppealState, string>> = {
  registered: 'dispatch',
  dispatched: 'sign',
  return_requested: 'return',
  signed: 'reply',
  in_progress: 'reply',
  extension_requested: 'reply',
  replied: 'review',
  awaiting_feedback: 'callback',
  rated: 'review',
};

/** Every clock running on the appeal: the current step's and, when separate, the reply's. */
export function clocksOf(a: AppealTable, now = new Date()) {
  const iso = now.toISOString();
  const clocks: { kind: string; dueAt: string | null; overdue: boolean }[] = [];
  const stage = STAGE_CLOCK[a.state];
  if (stage) clocks.push({ kind: stage, dueAt: a.stage_due_at, overdue: !!a.stage_due_at && a.stage_due_at < iso });
  if (a.reply_due_at && stage !== 'reply' && !a.closed_at) clocks.push({ kind: 'reply', dueAt: a.reply_due_at, overdue: false });
  if (a.pending_until) clocks.push({ kind: 'requested_extension', dueAt: a.pending_until, overdue: false });
  return clocks;
}

/** Names and phone numbers only for the people handling the appeal. */
function personal(a: AppealTable, handler: boolean) {
  return {
    residentName: a.anonymous ? null : handler ? a.resident_name : a.resident_name ? `${[...a.resident_name][0] ?? ''}**` : null,
    residentPhone: handler ? a.resident_phone : maskPhone(a.resident_phone),
  };
}

export function presentAppealSummary(a: AppealTable, category: CategoryTable | undefined, handler: boolean) {
  return {
    id: a.id,
    trackingNo: a.tracking_no,
    channel: a.channel,
    category: { id: a.category_id, code: category?.code ?? '', nameZh: category?.name_zh ?? '', nameEn: category?.name_en ?? '' },
    territoryCode: a.territory_code,
    address: a.address,
    description: a.description,
    ...personal(a, handler),
    anonymous: a.anonymous === 1,
    confidential: a.confidential === 1,
    urgent: a.urgent === 1,
    supervised: a.supervised === 1,
    onBehalf: a.on_behalf === 1,
    state: a.state,
    deadlineClass: a.deadline_class,
    clocks: clocksOf(a),
    extensionsApproved: a.extensions_approved,
    pendingUntil: a.pending_until,
    rating: a.rating,
    mergedInto: a.merged_into,
    moderation: { flagged: a.moderation_flag === 1, reasons: a.moderation_reasons ? (a.moderation_reasons.split(',') as SpamReason[]) : [] },
    createdAt: a.created_at,
    closedAt: a.closed_at,
    version: a.version,
  };
}

export function presentAppeal(
  a: AppealTable,
  category: CategoryTable | undefined,
  units: { unit_id: string; role: 'lead' | 'assisting'; name: string }[],
  events: AppealEventTable[],
  photos: PhotoRef[],
  actor: Actor | null,
  handler: boolean,
) {
  return {
    ...presentAppealSummary(a, category, handler),
    units: units.map((u) => ({ unitId: u.unit_id, role: u.role, name: u.name })),
    allowedActions: actionsFrom(a.state).filter((action) => mayAct(actor, action, a)),
    timeline: events.map((e) => ({
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      actorLabel: e.actor_label,
      payload: e.payload ? (JSON.parse(e.payload) as Record<string, unknown>) : null,
      at: e.created_at,
      photos: photos
        .filter((p) => p.event_id === e.id)
        .map((p) => ({ id: p.id, mime: p.mime, size: p.size, width: p.width, height: p.height, url: `/api/v1/appeals/${a.id}/photos/${p.id}` })),
    })),
  };
}

const RESIDENT_VISIBLE_TEXT = new Set(['answer_directly', 'reply', 'final_answer']);

/**
 * What anyone with the tracking number and the phone's last four digits sees. Photos are only
 * counted: four digits are too weak a key for pictures of people and homes.
 */
export function presentPublicStatus(a: AppealTable, category: CategoryTable | undefined, events: AppealEventTable[], photoCount: number) {
  return {
    trackingNo: a.tracking_no,
    category: { nameZh: category?.name_zh ?? '', nameEn: category?.name_en ?? '' },
    state: a.state,
    open311Status: open311Status(a.state),
    createdAt: a.created_at,
    closedAt: a.closed_at,
    photoCount,
    steps: events
      .filter((e) => e.from_state !== e.to_state || e.action === 'register')
      .map((e) => {
        const text = RESIDENT_VISIBLE_TEXT.has(e.action) && e.payload ? ((JSON.parse(e.payload) as { text?: string }).text ?? null) : null;
        return { action: e.action, toState: e.to_state, at: e.created_at, text };
      }),
  };
}
