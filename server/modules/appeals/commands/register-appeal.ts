import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WorkCalendar } from '../../../infra/calendar/work-calendar.js';
import { runCommand, type AuditLog, type CommandContext } from '../../../infra/commands.js';
import { immediateWrites, type Writes } from '../../../infra/db/write-batch.js';
import type { DB } from '../../../infra/db/schema.js';
import type { GroupCommitter } from '../../../infra/group-commit.js';
import { AppError } from '../../../infra/http/errors.js';
import { getTerritoryCached } from '../../territories/index.js';
import { stageDue, type DeadlineClasses } from '../appeal.deadlines.js';
import { insertAppeal, insertAppealEvent } from '../appeals.repository.js';
import { nextTrackingNo } from '../tracking-numbers.js';
import { activeCategories } from '../appeals.service.js';
import type { AppealChannel, AppealEventTable, AppealTable, CategoryTable } from '../appeals.table.js';
import { maskPhone } from '../../accounts/index.js';
import { announceTo, dispatchersForCached, scheduleStageTimers } from '../appeal.effects.js';
import { attachUploads } from '../appeal-photos.js';
import { spamSignals } from '../spam-signals.js';

export interface NewAppeal {
  channel: AppealChannel;
  categoryId: string;
  territoryCode: string;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  description: string;
  residentName?: string | null;
  residentPhone?: string | null;
  phoneVerified?: boolean;
  anonymous?: boolean;
  confidential?: boolean;
  urgent?: boolean;
  /** A member files on a resident's behalf after a visit. */
  onBehalf?: boolean;
  /** Uploaded photos to attach (at most MAX_PHOTOS), in the order given. */
  photoIds?: string[];
}

const field = (name: string, zh: string, en: string) =>
  new AppError('VALIDATION_FAILED', { zh, en }, { errors: [{ field: name, message: zh }] });

/** What intake stores and answers with: the appeal and its first timeline entry. */
export interface RegisteredAppeal {
  appeal: AppealTable;
  event: AppealEventTable;
  category: CategoryTable;
}

/**
 * Takes in an appeal: checks category and territory, numbers it, starts the dispatch clock.
 * Reference data (category, territory, the dispatchers to notify) is read before the
 * transaction from short-lived caches, so that under group commit each appeal costs the
 * shared transaction only its tracking number; its rows join the batch's multi-row inserts.
 */
export async function registerAppeal(
  db: Kysely<DB>,
  ctx: CommandContext,
  deps: { calendar: WorkCalendar; classes: DeadlineClasses },
  input: NewAppeal,
  opts: {
    /** Runs first in the same transaction (e.g. using up a one-time code). */
    before?: (tx: Kysely<DB>) => Promise<void>;
    /** Shares a transaction with concurrent intake (group commit) instead of one of its own. */
    committer?: GroupCommitter;
    /** Runs last in the same transaction, with the new appeal (e.g. a visit's concern pointing at it); not with a committer. */
    after?: (tx: Kysely<DB>, registered: RegisteredAppeal, audit: AuditLog) => Promise<void>;
  } = {},
): Promise<RegisteredAppeal> {
  const category = (await activeCategories(db)).find((c) => c.id === input.categoryId);
  if (!category) throw field('categoryId', '诉求类别不存在', 'No such category');
  const territory = await getTerritoryCached(db, input.territoryCode).catch(() => {
    throw field('territoryCode', '所在地不存在', 'No such territory');
  });
  if (territory.level !== 'town' && territory.level !== 'village')
    throw field('territoryCode', '请选择到镇街或村社区', 'Choose a town/street or a village/community');
  const dispatchers = await dispatchersForCached(db, territory.code);
  const now = new Date();
  const trackingNo = await nextTrackingNo(db, deps.calendar.localDate(now));
  const prepared = { category, territoryCode: territory.code, dispatchers, now, trackingNo };
  const { before, committer, after } = opts;
  if (!committer || after) {
    return runCommand(db, ctx, async (tx, audit) => {
      if (before) await before(tx);
      const registered = await registerWithin(audit, immediateWrites(tx), ctx, deps, input, prepared, tx);
      if (after) await after(tx, registered, audit);
      return registered;
    });
  }
  if (!before && !input.photoIds?.length)
    return committer.submitInserts(ctx, (audit, writes) => registerWithin(audit, writes, ctx, deps, input, prepared));
  // Attaching photos updates their rows to point at the new appeal and its first event, so
  // those are inserted at once, inside this command's savepoint, rather than with the batch.
  return committer.submit(ctx, async (tx, audit) => {
    if (before) await before(tx);
    return registerWithin(audit, immediateWrites(tx), ctx, deps, input, prepared, tx);
  });
}

async function registerWithin(
  audit: AuditLog,
  writes: Writes,
  ctx: CommandContext,
  deps: { calendar: WorkCalendar; classes: DeadlineClasses },
  input: NewAppeal,
  prepared: { category: CategoryTable; territoryCode: string; dispatchers: string[]; now: Date; trackingNo: string },
  /** The transaction, when the command attaches photos (it must then insert through it at once). */
  tx?: Kysely<DB>,
): Promise<RegisteredAppeal> {
  const { category, territoryCode, dispatchers, now, trackingNo } = prepared;
  const urgent = input.urgent === true;
  const spam = spamSignals(input.description, input.address, input.residentName);
  const row: AppealTable = {
    id: uuidv7(),
    tracking_no: trackingNo,
    channel: input.channel,
    category_id: category.id,
    territory_code: territoryCode,
    address: input.address ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    description: input.description,
    resident_name: input.anonymous ? null : input.residentName ?? null,
    resident_phone: input.residentPhone ?? null,
    phone_verified: input.phoneVerified ? 1 : 0,
    anonymous: input.anonymous ? 1 : 0,
    confidential: input.confidential ? 1 : 0,
    urgent: urgent ? 1 : 0,
    supervised: 0,
    state: 'registered',
    deadline_class: urgent ? 'urgent' : category.deadline_class,
    lead_unit_id: null,
    stage_due_at: stageDue(deps.calendar, deps.classes, 'registered', now, { urgent, replyDueAt: null }),
    reply_due_at: null,
    extensions_approved: 0,
    pending_until: null,
    rating: null,
    merged_into: null,
    filed_by: ctx.actorId,
    on_behalf: input.onBehalf ? 1 : 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    closed_at: null,
    version: 1,
    moderation_flag: spam.length ? 1 : 0,
    moderation_reasons: spam.length ? spam.join(',') : null,
  };
  const event: AppealEventTable = {
    id: uuidv7(),
    appeal_id: row.id,
    action: 'register',
    from_state: null,
    to_state: 'registered',
    actor_id: ctx.actorId,
    actor_label: ctx.actorLabel,
    payload: JSON.stringify({ channel: row.channel }),
    created_at: row.created_at,
  };
  await insertAppeal(writes, row);
  await insertAppealEvent(writes, event);
  const photoIds = input.photoIds ?? [];
  if (photoIds.length && !tx) throw new Error('attaching photos needs the transaction');
  const photos = tx ? await attachUploads(tx, photoIds, { appealId: row.id, eventId: event.id }, now) : [];
  await scheduleStageTimers(writes, deps.calendar, row, now);
  await announceTo(writes, dispatchers, 'register', row, ctx.actorId);
  audit.record({
    action: 'appeal.register',
    resourceType: 'appeal',
    resourceId: row.id,
    after: {
      trackingNo: row.tracking_no,
      channel: row.channel,
      category: category.code,
      territory: territoryCode,
      phone: maskPhone(row.resident_phone),
      anonymous: row.anonymous === 1,
      confidential: row.confidential === 1,
      urgent,
      ...(spam.length ? { spam } : {}),
      ...(photos.length ? { photos } : {}),
    },
  });
  return { appeal: row, event, category };
}
