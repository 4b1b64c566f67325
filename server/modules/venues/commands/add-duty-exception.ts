import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import type { DB } from '../../../infra/db/schema.js';
import { AppError } from '../../../infra/http/errors.js';
import { occursOn, type ExceptionKind } from '../roster-recurrence.js';
import { presentException } from '../venues.presenter.js';
import { insertDutyException, listDutyExceptions } from '../venues.repository.js';
import { recurrenceOf } from '../venues.service.js';
import type { DutyExceptionTable } from '../venues.table.js';
import { ruleForRoster } from './duty-rule-guards.js';
import { fieldError, type Caller } from './venue-guards.js';

export interface DutyExceptionInput {
  kind: ExceptionKind;
  date: string;
  newDate?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  note?: string | null;
}

const duplicate = () => new AppError('ALREADY_EXISTS', { zh: '这一天已有同类调整', en: 'That date already has this kind of change' });

/** Cancels or moves one occurrence of a rule, or adds a one-off duty under it. */
export async function addDutyException(db: Kysely<DB>, ctx: CommandContext, caller: Caller, ruleId: string, input: DutyExceptionInput): Promise<DutyExceptionTable> {
  try {
    return await runCommand(db, ctx, async (tx, audit) => {
      const { rule } = await ruleForRoster(tx, caller, ruleId);
      const recurrence = recurrenceOf(rule);
      if (input.kind !== 'add' && !occursOn(recurrence, input.date)) throw fieldError('date', '该规则在这一天没有值班', 'the rule has no duty on that date');
      if (input.kind === 'move' && !input.newDate) throw fieldError('newDate', '请选择调到哪一天', 'choose the new date');
      if (input.kind !== 'move' && input.newDate) throw fieldError('newDate', '只有调班需要新日期', 'only a move has a new date');
      if (input.kind === 'cancel' && (input.startTime || input.endTime)) throw fieldError('startTime', '取消值班不需要时间', 'a cancellation has no times');
      const start = input.startTime ?? rule.start_time;
      const end = input.endTime ?? rule.end_time;
      if (input.kind !== 'cancel' && end <= start) throw fieldError('endTime', '结束时间应晚于开始时间', 'must be later than the start time');
      // A date is either cancelled or moved, not both.
      const existing = await listDutyExceptions(tx, [ruleId]);
      if (input.kind !== 'add' && existing.some((e) => e.kind !== 'add' && e.date === input.date)) throw duplicate();
      const row: DutyExceptionTable = {
        id: uuidv7(),
        rule_id: ruleId,
        kind: input.kind,
        date: input.date,
        new_date: input.kind === 'move' ? (input.newDate ?? null) : null,
        start_time: input.kind === 'cancel' ? null : (input.startTime ?? null),
        end_time: input.kind === 'cancel' ? null : (input.endTime ?? null),
        note: input.note ?? null,
        created_at: new Date().toISOString(),
      };
      await insertDutyException(tx, row);
      audit.record({ action: 'duty_exception.create', resourceType: 'duty_rule', resourceId: ruleId, after: presentException(row) });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'duty_exception')) throw duplicate();
    throw err;
  }
}
