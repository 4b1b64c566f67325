import { describe, expect, it } from 'vitest';
import { APPEAL_ACTIONS, APPEAL_STATES, APPEAL_TRANSITIONS, actionsFrom, decide, open311Status, type ActionInput, type AppealAction, type AppealFacts, type AppealState } from './appeal.workflow.js';

const facts = (state: AppealState, extra: Partial<AppealFacts> = {}): AppealFacts => ({
  state,
  anonymous: false,
  extensionsApproved: 0,
  extensionCap: 3,
  rating: null,
  ...extra,
});

/** A complete, valid input for each action, so only the state decides in the matrix below. */
const FULL: ActionInput = { reason: '不属于本单位职责', text: '已处理', leadUnitId: 'u1', until: '2026-12-10', rating: 'satisfied', targetAppealId: 'a2' };

/** The expected table, written out by hand: action → allowed from-states → to-state. */
const EXPECTED: Record<AppealAction, Partial<Record<AppealState, AppealState>>> = {
  answer_directly: { registered: 'awaiting_feedback' },
  dispatch: { registered: 'dispatched' },
  sign: { dispatched: 'signed' },
  request_return: { dispatched: 'return_requested', signed: 'return_requested' },
  approve_return: { return_requested: 'dispatched' },
  refuse_return: { return_requested: 'signed' },
  start: { signed: 'in_progress' },
  request_extension: { signed: 'extension_requested', in_progress: 'extension_requested' },
  approve_extension: { extension_requested: 'in_progress' },
  refuse_extension: { extension_requested: 'in_progress' },
  remind: { registered: 'registered', dispatched: 'dispatched', return_requested: 'return_requested', signed: 'signed', in_progress: 'in_progress', extension_requested: 'extension_requested', replied: 'replied' },
  supervise: { registered: 'registered', dispatched: 'dispatched', return_requested: 'return_requested', signed: 'signed', in_progress: 'in_progress', extension_requested: 'extension_requested', replied: 'replied' },
  reply: { signed: 'replied', in_progress: 'replied' },
  review_accept: { replied: 'awaiting_feedback' },
  review_send_back: { replied: 'in_progress' },
  rate: { awaiting_feedback: 'rated' },
  reopen: {},
  final_answer: {},
  close: { rated: 'closed' },
  archive: { closed: 'archived' },
  merge: { registered: 'merged', dispatched: 'merged', signed: 'merged', in_progress: 'merged' },
};

describe('appeal workflow', () => {
  it('every state × action pair matches the expected table', () => {
    const wrong: string[] = [];
    for (const state of APPEAL_STATES) {
      for (const action of APPEAL_ACTIONS) {
        const r = decide(facts(state), action, FULL);
        const expected = EXPECTED[action][state];
        const got = r.ok ? r.to : r.reason;
        if (expected ? got !== expected : r.ok) wrong.push(`${state} × ${action}: expected ${expected ?? 'refusal'}, got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reopen and final answer only after an unsatisfied rating; close refuses it', () => {
    const unhappy = facts('rated', { rating: 'unsatisfied' });
    expect(decide(unhappy, 'reopen')).toEqual({ ok: true, to: 'in_progress' });
    expect(decide(unhappy, 'final_answer', { text: '依据政策无法解决，已解释' })).toEqual({ ok: true, to: 'closed' });
    expect(decide(unhappy, 'close')).toEqual({ ok: false, reason: 'NOT_RATED_UNSATISFIED' });
    expect(decide(facts('rated', { rating: 'basically_satisfied' }), 'reopen')).toEqual({ ok: false, reason: 'NOT_RATED_UNSATISFIED' });
  });

  it('guards: reasons, texts, units, dates, ratings and targets are required', () => {
    expect(decide(facts('dispatched'), 'request_return', { reason: '   ' })).toEqual({ ok: false, reason: 'REASON_REQUIRED' });
    expect(decide(facts('registered'), 'dispatch')).toEqual({ ok: false, reason: 'UNIT_REQUIRED' });
    expect(decide(facts('in_progress'), 'reply', {})).toEqual({ ok: false, reason: 'TEXT_REQUIRED' });
    expect(decide(facts('in_progress'), 'request_extension', { reason: '需协调' })).toEqual({ ok: false, reason: 'DATE_REQUIRED' });
    expect(decide(facts('awaiting_feedback'), 'rate', {})).toEqual({ ok: false, reason: 'RATING_REQUIRED' });
    expect(decide(facts('registered'), 'merge', {})).toEqual({ ok: false, reason: 'TARGET_REQUIRED' });
  });

  it('extensions stop at the cap', () => {
    const input = { reason: '需协调', until: '2026-12-20' };
    expect(decide(facts('in_progress', { extensionsApproved: 2 }), 'request_extension', input).ok).toBe(true);
    expect(decide(facts('in_progress', { extensionsApproved: 3 }), 'request_extension', input)).toEqual({ ok: false, reason: 'EXTENSION_CAP_REACHED' });
  });

  it('anonymous appeals get no callback and close without a rating', () => {
    const anon = facts('awaiting_feedback', { anonymous: true });
    expect(decide(anon, 'rate', { rating: 'satisfied' })).toEqual({ ok: false, reason: 'ANONYMOUS_NO_CALLBACK' });
    expect(decide(anon, 'close')).toEqual({ ok: true, to: 'closed' });
    expect(decide(facts('awaiting_feedback'), 'close')).toEqual({ ok: false, reason: 'FEEDBACK_PENDING' });
  });

  it('lists the actions available from each state, and maps states to Open311', () => {
    expect(actionsFrom('registered').sort()).toEqual(['answer_directly', 'dispatch', 'merge', 'remind', 'supervise']);
    expect(actionsFrom('archived')).toEqual([]);
    for (const s of APPEAL_STATES) expect(['open', 'closed']).toContain(open311Status(s));
    expect(open311Status('in_progress')).toBe('open');
    expect(open311Status('closed')).toBe('closed');
  });

  it('every state is reachable and every non-final state has a way forward', () => {
    const reachable = new Set<AppealState>(['registered']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of Object.values(APPEAL_TRANSITIONS)) {
        if (t.to !== 'same' && t.from.some((s) => reachable.has(s)) && !reachable.has(t.to)) {
          reachable.add(t.to);
          changed = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([...APPEAL_STATES].sort());
    for (const s of APPEAL_STATES) if (s !== 'archived' && s !== 'merged') expect(actionsFrom(s).length, s).toBeGreaterThan(0);
  });
});
