import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { findUnit } from '../../accounts/index.js';
import { accountNames } from '../../venues/index.js';
import { findConsultation, insertArtefact } from '../consultations.repository.js';
import { consultationNotFound, fieldError, requireManage } from '../consultations.service.js';
import type { ConsultationArtefactTable } from '../consultations.table.js';

type AgendaKind = 'briefing' | 'questions' | 'answers' | 'speech';
type InviteeKind = 'member' | 'resident' | 'sector_representative' | 'unit_representative';

export interface NewArtefact {
  kind: 'announcement' | 'agenda' | 'invitations' | 'minutes' | 'photos' | 'research_report';
  title: string;
  body?: string;
  items?: { kind: AgendaKind; title: string; speaker?: string | null }[];
  invitees?: { kind: InviteeKind; accountId?: string | null; unitId?: string | null; name?: string | null; affiliation?: string | null }[];
}

/** The stored body: agendas and invitations as JSON, members named from their account and units from the unit list. */
async function bodyOf(db: Kysely<DB>, input: NewArtefact): Promise<string> {
  if (input.kind === 'agenda') {
    if (!input.items?.length) throw fieldError('items', '议程至少需要一项', 'An agenda needs at least one item');
    return JSON.stringify({ items: input.items.map((i) => ({ kind: i.kind, title: i.title, speaker: i.speaker ?? null })) });
  }
  if (input.kind === 'invitations') {
    if (!input.invitees?.length) throw fieldError('invitees', '邀请名单至少需要一人', 'An invitation list needs at least one person');
    const names = await accountNames(db, input.invitees.flatMap((i) => (i.kind === 'member' && i.accountId ? [i.accountId] : [])));
    const invitees = [];
    for (const i of input.invitees) {
      if (i.kind === 'member') {
        const name = i.accountId ? names.get(i.accountId) : undefined;
        if (!name) throw fieldError('invitees', '受邀委员须选择其账号', 'An invited member is chosen by account');
        invitees.push({ kind: i.kind, name, affiliation: i.affiliation ?? null, accountId: i.accountId as string, unitId: null });
      } else if (i.kind === 'unit_representative') {
        const unit = i.unitId ? await findUnit(db, i.unitId) : undefined;
        if (!unit) throw fieldError('invitees', '单位代表须选择其单位', 'A unit representative is chosen by unit');
        invitees.push({ kind: i.kind, name: i.name ?? unit.name, affiliation: unit.name, accountId: null, unitId: unit.id });
      } else {
        if (!i.name) throw fieldError('invitees', '群众和界别代表须填写姓名', 'Residents and sector representatives are invited by name');
        invitees.push({ kind: i.kind, name: i.name, affiliation: i.affiliation ?? null, accountId: null, unitId: null });
      }
    }
    return JSON.stringify({ invitees });
  }
  if (!input.body) throw fieldError('body', '请填写内容', 'The text is required');
  return input.body;
}

/**
 * Adds a document to an event (agenda, invitations, announcement, minutes, photos, research
 * report). Documents are added, never edited: a corrected version is a new one, the latest counts.
 */
export async function addArtefact(db: Kysely<DB>, ctx: CommandContext, actor: Actor | 'system', consultationId: string, input: NewArtefact): Promise<ConsultationArtefactTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const c = await findConsultation(tx, consultationId);
    if (!c) throw consultationNotFound();
    if (actor !== 'system') await requireManage(tx, actor, c);
    if (c.state !== 'planned' && c.state !== 'in_progress') throw new AppError('ACTION_NOT_ALLOWED', { zh: '活动已结束或已取消，不能再添加材料', en: 'The event is over or cancelled; no more documents can be added' });
    const now = new Date().toISOString();
    const row: ConsultationArtefactTable = {
      id: uuidv7(),
      consultation_id: c.id,
      kind: input.kind,
      title: input.title,
      body: await bodyOf(tx, input),
      photo_ids: '[]',
      created_by: actor === 'system' ? null : actor.id,
      created_by_label: actor === 'system' ? ctx.actorLabel : actor.label,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await insertArtefact(tx, row);
    audit.record({ action: 'consultation.artefact_add', resourceType: 'consultation', resourceId: c.id, after: { artefactId: row.id, kind: row.kind, title: row.title, body: row.body } });
    return row;
  });
}
