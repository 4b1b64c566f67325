import type { Kysely } from 'kysely';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import type { Actor } from '../../../infra/http/access.js';
import { AppError } from '../../../infra/http/errors.js';
import { ARTEFACT_LABELS } from '../artefact-labels.js';
import { decideConsultation, type ConsultationAction } from '../consultation.workflow.js';
import { consultationAuditView, presentKindsOf, stepsOf } from '../consultations.presenter.js';
import { artefactKindsOf, attendeeCounts, findConsultation, updateConsultation } from '../consultations.repository.js';
import { consultationNotFound, requireManage } from '../consultations.service.js';
import type { ConsultationTable } from '../consultations.table.js';

/**
 * Moves an event to its next step, or cancels it. Advancing is refused while the current step's
 * required documents are missing (ARTEFACTS_MISSING names them); compare-and-set on the version
 * makes two clicks at once advance one step, not two.
 */
export async function decideConsultationAction(
  db: Kysely<DB>,
  ctx: CommandContext,
  actor: Actor | 'system',
  id: string,
  req: { action: ConsultationAction; version: number; comment?: string | null },
): Promise<ConsultationTable> {
  return runCommand(db, ctx, async (tx, audit) => {
    const c = await findConsultation(tx, id);
    if (!c) throw consultationNotFound();
    if (actor !== 'system') await requireManage(tx, actor, c);
    if (c.version !== req.version) throw new AppError('VERSION_CONFLICT');
    const [kinds, counts] = await Promise.all([artefactKindsOf(tx, [id]), attendeeCounts(tx, [id])]);
    const steps = stepsOf(c.steps);
    const d = decideConsultation({ state: c.state, steps, stepIndex: c.step_index }, req.action, presentKindsOf(kinds.get(id) ?? [], counts.get(id) ?? 0), req.comment);
    if (!d.ok) {
      if (d.reason === 'ARTEFACTS_MISSING') {
        const step = steps[c.step_index];
        throw new AppError('ARTEFACTS_MISSING', {
          zh: `“${step?.label ?? ''}”步骤缺少：${d.missing.map((k) => ARTEFACT_LABELS[k].zh).join('、')}`,
          en: `The step "${step?.label ?? ''}" still lacks: ${d.missing.map((k) => ARTEFACT_LABELS[k].en).join(', ')}`,
        }, { missing: d.missing });
      }
      if (d.reason === 'COMMENT_REQUIRED')
        throw new AppError('VALIDATION_FAILED', { zh: '取消活动须写明理由', en: 'Cancelling needs a reason' }, { errors: [{ field: 'comment', message: '请填写理由|give a reason' }] });
      throw new AppError('ACTION_NOT_ALLOWED');
    }
    const now = new Date().toISOString();
    const changes = { state: d.to, step_index: d.stepIndex, updated_at: now, ...(d.to === 'completed' || d.to === 'cancelled' ? { sign_in_token: null } : {}) };
    if (!(await updateConsultation(tx, id, c.version, changes))) throw new AppError('VERSION_CONFLICT');
    const after: ConsultationTable = { ...c, ...changes, version: c.version + 1 };
    const comment = req.comment?.trim() ? req.comment : null;
    audit.record({ action: `consultation.${req.action}`, resourceType: 'consultation', resourceId: id, before: consultationAuditView(c), after: { ...consultationAuditView(after), ...(comment ? { comment } : {}) } });
    return after;
  });
}
