import { describe, expect, it } from 'vitest';
import { chinaMonth, factOf, sameFact, townOf, type FactEvent, type FactSource } from './appeal-facts.js';

const appeal = (state: string, extra: Partial<FactSource> = {}): FactSource => ({
  id: 'a1',
  state,
  category_id: 'cat',
  territory_code: '330106002051',
  created_at: '2026-10-31T17:00:00.000Z',
  ...extra,
});
let clock = 0;
const ev = (action: string, from: string | null = null, payload: Record<string, unknown> | null = null): FactEvent => ({
  action,
  from_state: from,
  payload: payload ? JSON.stringify(payload) : null,
  created_at: new Date(Date.UTC(2026, 10, 1) + clock++ * 60_000).toISOString(),
});
const path = (...steps: FactEvent[]) => [ev('register'), ...steps];

describe('appeal facts', () => {
  it('place: the China-time month, the town of a community, a town for itself', () => {
    const f = factOf(appeal('registered'), path());
    expect(f.month).toBe('2026-11'); // 17:00 UTC on 31 October is 1 November in Beijing
    expect(f.town_code).toBe('330106002');
    expect(chinaMonth('2026-11-30T15:59:59.000Z')).toBe('2026-11');
    expect(chinaMonth('2026-11-30T16:00:00.000Z')).toBe('2026-12');
    expect(townOf('330106011')).toBe('330106011');
    expect(townOf('330106')).toBe('330106');
  });

  it('a merged duplicate counts nowhere', () => {
    const f = factOf(appeal('merged'), path(ev('merge', 'registered')));
    expect(f.total).toBe(0);
    expect(f.dispatched).toBe(0);
  });

  it('dispatched and returned', () => {
    expect(factOf(appeal('registered'), path())).toMatchObject({ total: 1, dispatched: 0, returned: 0 });
    expect(factOf(appeal('dispatched'), path(ev('dispatch', 'registered')))).toMatchObject({ dispatched: 1, returned: 0 });
    const back = path(ev('dispatch', 'registered'), ev('request_return', 'dispatched'), ev('approve_return', 'return_requested'));
    expect(factOf(appeal('dispatched'), back)).toMatchObject({ dispatched: 1, returned: 1 });
    const refused = path(ev('dispatch', 'registered'), ev('request_return', 'dispatched'), ev('refuse_return', 'return_requested'));
    expect(factOf(appeal('signed'), refused)).toMatchObject({ returned: 0 });
  });

  it('sign on time: signed before any overdue mark; due when signed or overdue unsigned', () => {
    const d = ev('dispatch', 'registered');
    expect(factOf(appeal('dispatched'), path(d))).toMatchObject({ due_sign: 0, signed_on_time: 0 });
    expect(factOf(appeal('signed'), path(d, ev('sign', 'dispatched')))).toMatchObject({ due_sign: 1, signed_on_time: 1 });
    expect(factOf(appeal('dispatched'), path(d, ev('overdue', 'dispatched')))).toMatchObject({ due_sign: 1, signed_on_time: 0 });
    expect(factOf(appeal('signed'), path(d, ev('overdue', 'dispatched'), ev('sign', 'dispatched')))).toMatchObject({ due_sign: 1, signed_on_time: 0 });
    // An overdue mark of a later step does not make the signature late.
    expect(factOf(appeal('in_progress'), path(d, ev('sign', 'dispatched'), ev('overdue', 'in_progress')))).toMatchObject({ signed_on_time: 1 });
  });

  it('completion on time: the first reply before any overdue mark of the reply step', () => {
    const pre = [ev('dispatch', 'registered'), ev('sign', 'dispatched')];
    expect(factOf(appeal('signed'), path(...pre))).toMatchObject({ due_reply: 0, replied_on_time: 0 });
    expect(factOf(appeal('replied'), path(...pre, ev('reply', 'signed')))).toMatchObject({ due_reply: 1, replied_on_time: 1 });
    expect(factOf(appeal('in_progress'), path(...pre, ev('overdue', 'in_progress')))).toMatchObject({ due_reply: 1, replied_on_time: 0 });
    expect(factOf(appeal('replied'), path(...pre, ev('overdue', 'extension_requested'), ev('reply', 'in_progress')))).toMatchObject({ due_reply: 1, replied_on_time: 0 });
    expect(factOf(appeal('replied'), path(...pre, ev('overdue', 'signed'), ev('reply', 'signed')))).toMatchObject({ replied_on_time: 0 });
    // A sign-step overdue mark is not a reply-step one.
    expect(factOf(appeal('replied'), path(ev('dispatch', 'registered'), ev('overdue', 'dispatched'), ev('sign', 'dispatched'), ev('reply', 'signed')))).toMatchObject({ replied_on_time: 1 });
  });

  it('rated, satisfied (latest rating), reopened', () => {
    const pre = [ev('dispatch', 'registered'), ev('sign', 'dispatched'), ev('reply', 'signed'), ev('review_accept', 'replied')];
    expect(factOf(appeal('awaiting_feedback'), path(...pre))).toMatchObject({ rated: 0, satisfied: 0, reopened: 0 });
    expect(factOf(appeal('rated'), path(...pre, ev('rate', 'awaiting_feedback', { rating: 'satisfied' })))).toMatchObject({ rated: 1, satisfied: 1 });
    expect(factOf(appeal('rated'), path(...pre, ev('rate', 'awaiting_feedback', { rating: 'basically_satisfied' })))).toMatchObject({ rated: 1, satisfied: 1 });
    const unhappy = [...pre, ev('rate', 'awaiting_feedback', { rating: 'unsatisfied' })];
    expect(factOf(appeal('rated'), path(...unhappy))).toMatchObject({ rated: 1, satisfied: 0, reopened: 0 });
    const again = [...unhappy, ev('reopen', 'rated'), ev('reply', 'in_progress'), ev('review_accept', 'replied'), ev('rate', 'awaiting_feedback', { rating: 'satisfied' })];
    expect(factOf(appeal('rated'), path(...again))).toMatchObject({ rated: 1, satisfied: 1, reopened: 1 });
    expect(factOf(appeal('rated'), path(...pre, ev('rate', 'awaiting_feedback', null)))).toMatchObject({ rated: 1, satisfied: 0 });
  });

  it('closed and resolved', () => {
    const pre = [ev('dispatch', 'registered'), ev('sign', 'dispatched'), ev('reply', 'signed'), ev('review_accept', 'replied')];
    const happy = [...pre, ev('rate', 'awaiting_feedback', { rating: 'satisfied' }), ev('close', 'rated')];
    expect(factOf(appeal('closed'), path(...happy))).toMatchObject({ closed: 1, resolved: 1 });
    expect(factOf(appeal('archived'), path(...happy, ev('archive', 'closed')))).toMatchObject({ closed: 1, resolved: 1 });
    expect(factOf(appeal('rated'), path(...pre, ev('rate', 'awaiting_feedback', { rating: 'satisfied' })))).toMatchObject({ closed: 0, resolved: 0 });
    const finalAnswer = [...pre, ev('rate', 'awaiting_feedback', { rating: 'unsatisfied' }), ev('final_answer', 'rated')];
    expect(factOf(appeal('closed'), path(...finalAnswer))).toMatchObject({ closed: 1, resolved: 0 });
    const anonymous = [ev('answer_directly', 'registered'), ev('close', 'awaiting_feedback')];
    expect(factOf(appeal('closed'), path(...anonymous))).toMatchObject({ closed: 1, resolved: 1, rated: 0 });
    const reopenedUnrated = [...pre, ev('rate', 'awaiting_feedback', { rating: 'unsatisfied' }), ev('reopen', 'rated'), ev('close', 'awaiting_feedback')];
    expect(factOf(appeal('closed'), path(...reopenedUnrated))).toMatchObject({ closed: 1, resolved: 0 });
  });

  it('sameFact compares place and every flag', () => {
    const a = factOf(appeal('registered'), path());
    expect(sameFact(a, { ...a })).toBe(true);
    expect(sameFact(a, { ...a, closed: 1 })).toBe(false);
    expect(sameFact(a, { ...a, category_id: 'other' })).toBe(false);
  });
});
