import { describe, expect, it } from 'vitest';
import { CONSULTATION_ACTIONS, CONSULTATION_TRANSITIONS, consultationActionsFrom, decideConsultation, missingArtefacts, stepsProblem } from './consultation.workflow.js';
import { CONSULTATION_STATES, type ProcedureStep } from './consultations.table.js';

const STEPS: ProcedureStep[] = [
  { key: 'research', label: '调研走访', requires: ['research_report'] },
  { key: 'consult', label: '协商议事', requires: ['minutes', 'agenda', 'sign_in_list'] },
  { key: 'showcase', label: '成果展示', requires: [] },
];

describe('consultation event workflow (pure table)', () => {
  it('names the missing artefacts of the current step, in catalogue order', () => {
    expect(missingArtefacts(STEPS, 0, [])).toEqual(['research_report']);
    expect(missingArtefacts(STEPS, 0, ['research_report'])).toEqual([]);
    expect(missingArtefacts(STEPS, 1, ['minutes'])).toEqual(['agenda', 'sign_in_list']);
    expect(missingArtefacts(STEPS, 2, [])).toEqual([]);
    expect(missingArtefacts(STEPS, 9, [])).toEqual([]);
  });

  it('decides every state × action as the table says', () => {
    for (const state of CONSULTATION_STATES)
      for (const action of CONSULTATION_ACTIONS) {
        const d = decideConsultation({ state, steps: STEPS, stepIndex: 2 }, action, [], 'reason');
        if (!CONSULTATION_TRANSITIONS[action].from.includes(state)) expect(d).toEqual({ ok: false, reason: 'NOT_ALLOWED_IN_STATE' });
        else expect(d.ok).toBe(true);
      }
  });

  it('blocks advancing while artefacts are missing; adding them unblocks; the last step completes', () => {
    const at = (state: 'planned' | 'in_progress', stepIndex: number) => ({ state, steps: STEPS, stepIndex });
    expect(decideConsultation(at('planned', 0), 'advance', [])).toEqual({ ok: false, reason: 'ARTEFACTS_MISSING', missing: ['research_report'] });
    expect(decideConsultation(at('planned', 0), 'advance', ['research_report'])).toEqual({ ok: true, to: 'in_progress', stepIndex: 1 });
    expect(decideConsultation(at('in_progress', 1), 'advance', ['agenda'])).toEqual({ ok: false, reason: 'ARTEFACTS_MISSING', missing: ['sign_in_list', 'minutes'] });
    expect(decideConsultation(at('in_progress', 2), 'advance', [])).toEqual({ ok: true, to: 'completed', stepIndex: 2 });
  });

  it('needs a reason to cancel; completed and cancelled are final', () => {
    expect(decideConsultation({ state: 'planned', steps: STEPS, stepIndex: 0 }, 'cancel', [], ' ')).toEqual({ ok: false, reason: 'COMMENT_REQUIRED' });
    expect(decideConsultation({ state: 'planned', steps: STEPS, stepIndex: 0 }, 'cancel', [], '场地冲突')).toEqual({ ok: true, to: 'cancelled', stepIndex: 0 });
    expect(consultationActionsFrom('planned')).toEqual(['advance', 'cancel']);
    expect(consultationActionsFrom('completed')).toEqual([]);
    expect(consultationActionsFrom('cancelled')).toEqual([]);
  });

  it('checks a procedure: steps present, unique keys, no document twice', () => {
    expect(stepsProblem(STEPS)).toBeNull();
    expect(stepsProblem([])).not.toBeNull();
    expect(stepsProblem([STEPS[0]!, STEPS[0]!])?.en).toContain('Duplicate step key');
    expect(stepsProblem([{ key: 'a', label: 'A', requires: ['minutes', 'minutes'] }])).not.toBeNull();
  });
});
