import { describe, expect, it } from 'vitest';
import { SUGGESTION_ACTIONS, SUGGESTION_STATES, SUGGESTION_TRANSITIONS, decideSuggestion, suggestionActionsFrom, type SuggestionActor } from './suggestion.workflow.js';

const SIDES: SuggestionActor[] = ['manager', 'assigner', 'unit', 'rater'];
const FULL = { decision: 'adopted', current: 'adopted', grade: 'A', rating: 'satisfied', comment: 'why' } as const;

describe('suggestion workflow (pure table)', () => {
  it('decides every state × action × side as the table says', () => {
    for (const state of SUGGESTION_STATES)
      for (const action of SUGGESTION_ACTIONS)
        for (const side of SIDES) {
          const rule = SUGGESTION_TRANSITIONS[action];
          const d = decideSuggestion(state, action, side, FULL);
          if (!rule.from.includes(state)) expect(d).toEqual({ ok: false, reason: 'NOT_ALLOWED_IN_STATE' });
          else if (rule.by !== side) expect(d).toEqual({ ok: false, reason: 'NOT_YOURS' });
          else expect(d.ok).toBe(true);
        }
  });

  it('refuses not adopted without a reason; other decisions need none', () => {
    expect(decideSuggestion('proposed', 'decide', 'manager', { decision: 'not_adopted', comment: ' ' })).toEqual({ ok: false, reason: 'REASON_REQUIRED' });
    expect(decideSuggestion('proposed', 'decide', 'manager', { decision: 'not_adopted', comment: '超出职权' })).toEqual({ ok: true, to: 'decided' });
    for (const decision of ['adopted', 'partly_adopted', 'reference'] as const) expect(decideSuggestion('proposed', 'decide', 'manager', { decision })).toEqual({ ok: true, to: 'decided' });
  });

  it('assigns only adopted or partly adopted suggestions', () => {
    expect(decideSuggestion('decided', 'assign', 'assigner', { current: 'not_adopted' })).toEqual({ ok: false, reason: 'NOT_ADOPTED' });
    expect(decideSuggestion('decided', 'assign', 'assigner', { current: 'reference' })).toEqual({ ok: false, reason: 'NOT_ADOPTED' });
    expect(decideSuggestion('decided', 'assign', 'assigner', { current: 'partly_adopted' })).toEqual({ ok: true, to: 'assigned' });
    expect(suggestionActionsFrom('decided', 'assigner', 'reference')).toEqual([]);
    expect(suggestionActionsFrom('decided', 'assigner', 'adopted')).toEqual(['assign']);
  });

  it('an objection needs a reason; the district upholds (with a reason) or reassigns', () => {
    expect(decideSuggestion('assigned', 'object', 'unit', {})).toEqual({ ok: false, reason: 'COMMENT_REQUIRED' });
    expect(decideSuggestion('assigned', 'object', 'unit', { comment: '不属于本单位职责' })).toEqual({ ok: true, to: 'objected' });
    expect(suggestionActionsFrom('objected', 'assigner')).toEqual(['uphold', 'reassign']);
    expect(decideSuggestion('objected', 'uphold', 'assigner', { comment: '属于职责' })).toEqual({ ok: true, to: 'assigned' });
    expect(decideSuggestion('objected', 'reassign', 'assigner', {})).toEqual({ ok: true, to: 'assigned' });
  });

  it('B and C replies stay open and are answered again; A and D close', () => {
    expect(decideSuggestion('signed', 'reply', 'unit', { grade: 'B' })).toEqual({ ok: true, to: 'replied' });
    expect(decideSuggestion('signed', 'reply', 'unit', { grade: 'C' })).toEqual({ ok: true, to: 'replied' });
    expect(decideSuggestion('replied', 'reply', 'unit', { grade: 'A' })).toEqual({ ok: true, to: 'closed' });
    expect(decideSuggestion('signed', 'reply', 'unit', { grade: 'D' })).toEqual({ ok: true, to: 'closed' });
    expect(decideSuggestion('signed', 'reply', 'unit', {})).toEqual({ ok: false, reason: 'GRADE_REQUIRED' });
    expect(decideSuggestion('closed', 'reply', 'unit', { grade: 'A' })).toEqual({ ok: false, reason: 'NOT_ALLOWED_IN_STATE' });
  });

  it('an unsatisfied rating reopens; other ratings leave the state', () => {
    expect(decideSuggestion('closed', 'feedback', 'rater', { rating: 'unsatisfied' })).toEqual({ ok: true, to: 'reopened' });
    expect(decideSuggestion('closed', 'feedback', 'rater', { rating: 'satisfied' })).toEqual({ ok: true, to: 'closed' });
    expect(decideSuggestion('replied', 'feedback', 'rater', { rating: 'basically_satisfied' })).toEqual({ ok: true, to: 'replied' });
    expect(suggestionActionsFrom('reopened', 'unit')).toEqual(['reply', 'progress']);
  });

  it('merged is final', () => {
    for (const side of SIDES) expect(suggestionActionsFrom('merged', side)).toEqual([]);
  });
});
