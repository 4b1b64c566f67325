import { describe, expect, it } from 'vitest';
import { TOPIC_ACTIONS, TOPIC_STATES, TOPIC_TRANSITIONS, decideTopic, topicActionsFrom } from './topic.workflow.js';

describe('topic review workflow (pure table)', () => {
  it('decides every state × action × side as the table says', () => {
    for (const state of TOPIC_STATES)
      for (const action of TOPIC_ACTIONS)
        for (const side of ['proposer', 'reviewer'] as const) {
          const rule = TOPIC_TRANSITIONS[action];
          const d = decideTopic(state, action, side, 'comment');
          if (!rule.from.includes(state)) expect(d).toEqual({ ok: false, reason: 'NOT_ALLOWED_IN_STATE' });
          else if (rule.by !== side) expect(d).toEqual({ ok: false, reason: 'NOT_YOURS' });
          else expect(d).toEqual({ ok: true, to: rule.to });
        }
  });

  it('requires a comment to send back or reject, not to approve', () => {
    expect(decideTopic('submitted', 'return', 'reviewer', '  ')).toEqual({ ok: false, reason: 'COMMENT_REQUIRED' });
    expect(decideTopic('submitted', 'reject', 'reviewer', null)).toEqual({ ok: false, reason: 'COMMENT_REQUIRED' });
    expect(decideTopic('submitted', 'approve', 'reviewer', null)).toEqual({ ok: true, to: 'filed' });
  });

  it('walks draft → submitted → returned → submitted → filed; filed and rejected are final', () => {
    expect(topicActionsFrom('draft', 'proposer')).toEqual(['submit']);
    expect(topicActionsFrom('submitted', 'reviewer')).toEqual(['approve', 'return', 'reject']);
    expect(topicActionsFrom('returned', 'proposer')).toEqual(['submit']);
    for (const side of ['proposer', 'reviewer'] as const) {
      expect(topicActionsFrom('filed', side)).toEqual([]);
      expect(topicActionsFrom('rejected', side)).toEqual([]);
    }
  });
});
