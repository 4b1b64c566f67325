import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { grantsOf, maskPhone } from '../../accounts/index.js';
import { accountNames } from '../../venues/index.js';
import { findAttendee, findConsultation, insertAttendee } from '../consultations.repository.js';
import { consultationNotFound, fieldError, requireManage, tokenMatches } from '../consultations.service.js';
import type { AttendeeKind, ConsultationAttendeeTable, ConsultationTable } from '../consultations.table.js';

/** The phone's hash within one event: enough to refuse a second sign-in, useless elsewhere. */
const phoneHash = (consultationId: string, phone: string) => createHash('sha256').update(`${consultationId}\n${phone}`).digest('hex');

const open = (c: ConsultationTable) => c.state === 'planned' || c.state === 'in_progress';

const alreadyThere = () => new AppError('ALREADY_EXISTS', { zh: '此人已签到', en: 'This person has already signed in' });

async function insertOnce(tx: Kysely<DB>, row: ConsultationAttendeeTable) {
  try {
    await insertAttendee(tx, row);
  } catch (err) {
    if (isUniqueViolation(err, 'consultation_attendee')) throw alreadyThere();
    throw err;
  }
}

/** What the audit trail keeps of an attendee: no phone beyond its mask. */
const auditView = (a: ConsultationAttendeeTable) => ({ attendeeId: a.id, roleKind: a.role_kind, name: a.name, affiliation: a.affiliation, accountId: a.account_id, phone: a.phone_masked, speaker: a.speaker === 1, via: a.via });

export interface StaffAttendee {
  roleKind: AttendeeKind;
  name?: string;
  accountId?: string | null;
  affiliation?: string | null;
  phone?: string | null;
  speaker: boolean;
}

/** Staff (or a seed, as 'system') add someone to the attendance list (a member by account, anyone else by name). */
export async function addAttendee(db: Kysely<DB>, ctx: CommandContext, actor: Actor | 'system', consultationId: string, input: StaffAttendee): Promise<ConsultationAttendeeTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const c = await findConsultation(tx, consultationId);
    if (!c) throw consultationNotFound();
    if (actor !== 'system') await requireManage(tx, actor, c);
    if (!open(c)) throw new AppError('ACTION_NOT_ALLOWED', { zh: '活动已结束或已取消', en: 'The event is over or cancelled' });
    const accountName = input.accountId ? (await accountNames(tx, [input.accountId])).get(input.accountId) : undefined;
    if (input.accountId && !accountName) throw fieldError('accountId', '账号不存在', 'No such account');
    const name = accountName ?? input.name;
    if (!name) throw fieldError('name', '请填写姓名', 'The name is required');
    const hash = input.phone ? phoneHash(c.id, input.phone) : null;
    if (await findAttendee(tx, c.id, { accountId: input.accountId ?? null, phoneHash: hash })) throw alreadyThere();
    const row: ConsultationAttendeeTable = {
      id: uuidv7(),
      consultation_id: c.id,
      role_kind: input.roleKind,
      name,
      affiliation: input.affiliation ?? null,
      account_id: input.accountId ?? null,
      phone_hash: hash,
      phone_masked: input.phone ? maskPhone(input.phone) : null,
      speaker: input.speaker ? 1 : 0,
      via: 'staff',
      created_by_label: actor === 'system' ? ctx.actorLabel : actor.label,
      created_at: new Date().toISOString(),
    };
    await insertOnce(tx, row);
    audit.record({ action: 'consultation.attendee_add', resourceType: 'consultation', resourceId: c.id, after: auditView(row) });
    return row;
  });
}

/**
 * Sign-in by the QR code on a phone: the token must be the event's; a signed-in account signs in
 * as itself (a member as a member), anyone else as a resident with name and phone. Signing in
 * twice answers with the first sign-in.
 */
export async function signIn(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor | null,
  consultationId: string,
  input: { token: string; name?: string; phone?: string },
): Promise<{ attendee: ConsultationAttendeeTable; already: boolean }> {
  return runCommand(db, ctx, async (tx, audit) => {
    const c = await findConsultation(tx, consultationId);
    // A wrong token looks like a missing event: the QR code is the only way in.
    if (!c || !tokenMatches(c, input.token)) throw consultationNotFound();
    if (!open(c)) throw new AppError('ACTION_NOT_ALLOWED', { zh: '签到已结束', en: 'Sign-in has closed' });
    const accountId = actor?.id ?? null;
    if (!accountId && (!input.name || !input.phone)) throw fieldError(input.name ? 'phone' : 'name', '请填写姓名和手机号码', 'Enter your name and mobile number');
    const hash = !accountId && input.phone ? phoneHash(c.id, input.phone) : null;
    const displayName = accountId ? ((await accountNames(tx, [accountId])).get(accountId) ?? (actor as Actor).label) : (input.name as string);
    const existing = await findAttendee(tx, c.id, { accountId, phoneHash: hash });
    if (existing) return { attendee: existing, already: true };
    const row: ConsultationAttendeeTable = {
      id: uuidv7(),
      consultation_id: c.id,
      role_kind: grantsOf(actor).some((g) => g.role === 'member') ? 'member' : 'resident',
      name: displayName,
      affiliation: null,
      account_id: accountId,
      phone_hash: hash,
      phone_masked: hash ? maskPhone(input.phone as string) : null,
      speaker: 0,
      via: 'qr',
      created_by_label: displayName,
      created_at: new Date().toISOString(),
    };
    await insertOnce(tx, row);
    audit.record({ action: 'consultation.sign_in', resourceType: 'consultation', resourceId: c.id, after: auditView(row) });
    return { attendee: row, already: false };
  });
}
