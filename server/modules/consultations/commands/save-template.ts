import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { stepsProblem } from '../consultation.workflow.js';
import { findTemplate, insertTemplate, updateTemplate } from '../consultations.repository.js';
import type { ProcedureStep, ProcedureTemplateTable } from '../consultations.table.js';

export interface TemplateInput {
  name: string;
  description: string;
  steps: ProcedureStep[];
}

function checkSteps(steps: ProcedureStep[]): void {
  const problem = stepsProblem(steps);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { errors: [{ field: 'steps', message: `${problem.zh}|${problem.en}` }] });
}

const auditView = (t: ProcedureTemplateTable) => ({ name: t.name, description: t.description, steps: JSON.parse(t.steps) as unknown, active: t.active === 1, version: t.version });

/** A new procedure template; events created from it copy its steps. */
export async function createTemplate(db: Kysely<DB>, ctx: CommandContext, input: TemplateInput): Promise<ProcedureTemplateTable> {
  checkSteps(input.steps);
  return runCommand(db, ctx, async (tx, audit) => {
    const now = new Date().toISOString();
    const row: ProcedureTemplateTable = { id: uuidv7(), name: input.name, description: input.description, steps: JSON.stringify(input.steps), active: 1, created_at: now, updated_at: now, version: 1 };
    await insertTemplate(tx, row);
    audit.record({ action: 'procedure_template.create', resourceType: 'procedure_template', resourceId: row.id, after: auditView(row) });
    return row;
  });
}

/** Edits a template (events already created keep the steps they copied); a stale version is a conflict. */
export async function updateTemplateDetails(
  db: Kysely<DB>,
  ctx: CommandContext,
  id: string,
  patch: Partial<TemplateInput> & { version: number; active?: boolean },
): Promise<ProcedureTemplateTable> {
  if (patch.steps) checkSteps(patch.steps);
  return runCommand(db, ctx, async (tx, audit) => {
    const before = await findTemplate(tx, id);
    if (!before) throw new AppError('NOT_FOUND', { zh: '找不到该规程', en: 'No such procedure template' });
    if (before.version !== patch.version) throw new AppError('VERSION_CONFLICT');
    const changes: Partial<ProcedureTemplateTable> = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.steps !== undefined ? { steps: JSON.stringify(patch.steps) } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      updated_at: new Date().toISOString(),
    };
    if (!(await updateTemplate(tx, id, patch.version, changes))) throw new AppError('VERSION_CONFLICT');
    const after: ProcedureTemplateTable = { ...before, ...changes, version: before.version + 1 };
    audit.record({ action: 'procedure_template.update', resourceType: 'procedure_template', resourceId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}
