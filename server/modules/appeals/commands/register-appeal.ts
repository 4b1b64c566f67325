import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WorkCalendar } from '../../../infra/calendar/work-calendar.js';
import { runCommand, type AuditLog, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { GroupCommitter } from '../../../infra/group-commit.js';
import { AppError } from '../../../infra/http/errors.js';
import { getTerritory } from '../../territories/index.js';
import { stageDue, type DeadlineClasses } from '../appeal.deadlines.js';
import { findCategory, insertAppeal, insertAppealEvent, nextTrackingSeq } from '../appeals.repository.js';
import type { AppealChannel, AppealTable } from '../appeals.table.js';
import { maskPhone } from '../../accounts/index.js';
import { announce, scheduleStageTimers } from '../appeal.effects.js';
import { attachUploads } from '../appeal-photos.js';

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

/** Tracking numbers read as the Beijing date and the day's sequence: 20261129-00042. */
export function formatTrackingNo(localDay: string, seq: number): string {
  return `${localDay.replaceAll('-', '')}-${String(seq).padStart(5, '0')}`;
}

/** Takes in an appeal: checks category and territory, numbers it, starts the dispatch clock. */
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
  } = {},
): Promise<AppealTable> {
  const work = async (tx: Kysely<DB>, audit: AuditLog) => {
    if (opts.before) await opts.before(tx);
    return registerWithin(tx, audit, ctx, deps, input);
  };
  return opts.committer ? opts.committer.submit(ctx, work) : runCommand(db, ctx, work);
}

async function registerWithin(
  tx: Kysely<DB>,
  audit: AuditLog,
  ctx: CommandContext,
  deps: { calendar: WorkCalendar; classes: DeadlineClasses },
  input: NewAppeal,
): Promise<AppealTable> {
  {
    const category = await findCategory(tx, input.categoryId);
    if (!category || category.active !== 1) throw field('categoryId', '诉求类别不存在', 'No such category');
    const territory = await getTerritory(tx, input.territoryCode).catch(() => {
      throw field('territoryCode', '所在地不存在', 'No such territory');
    });
    if (territory.level !== 'town' && territory.level !== 'village')
      throw field('territoryCode', '请选择到镇街或村社区', 'Choose a town/street or a village/community');
    const now = new Date();
    const seq = await nextTrackingSeq(tx, deps.calendar.localDate(now));
    const urgent = input.urgent === true;
    const row: AppealTable = {
      id: uuidv7(),
      tracking_no: formatTrackingNo(deps.calendar.localDate(now), seq),
      channel: input.channel,
      category_id: category.id,
      territory_code: territory.code,
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
    };
    await insertAppeal(tx, row);
    const eventId = uuidv7();
    await insertAppealEvent(tx, {
      id: eventId,
      appeal_id: row.id,
      action: 'register',
      from_state: null,
      to_state: 'registered',
      actor_id: ctx.actorId,
      actor_label: ctx.actorLabel,
      payload: JSON.stringify({ channel: row.channel }),
      created_at: row.created_at,
    });
    const photos = await attachUploads(tx, input.photoIds ?? [], { appealId: row.id, eventId }, now);
    await scheduleStageTimers(tx, deps.calendar, row, now);
    await announce(tx, 'register', row, ctx.actorId);
    audit.record({
      action: 'appeal.register',
      resourceType: 'appeal',
      resourceId: row.id,
      after: {
        trackingNo: row.tracking_no,
        channel: row.channel,
        category: category.code,
        territory: territory.code,
        phone: maskPhone(row.resident_phone),
        anonymous: row.anonymous === 1,
        confidential: row.confidential === 1,
        urgent,
        photos,
      },
    });
    return row;
  }
}
