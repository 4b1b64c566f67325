import { describe, expect, it } from 'vitest';
import { APPEAL_ACTIONS, APPEAL_STATES } from '../server/modules/appeals/appeal.workflow.js';
import { PERMISSION_NAMES } from '../server/modules/accounts/roles.js';
import { TEXT_WINDOW } from '../server/modules/appeals/appeals.repository.js';
import * as web from '../web/src/api/types.js';
import { ARTEFACT_KINDS, ATTENDEE_KINDS, CONSULTATION_MODES, CONSULTATION_STATES } from '../server/modules/consultations/consultations.table.js';
import { ADDABLE_KINDS, AGENDA_ITEM_KINDS, INVITEE_KINDS } from '../server/modules/consultations/consultations.schemas.js';

/** The web app keeps its own copies of a few server lists; they must not drift. */
describe('web API types follow the server', () => {
  it('appeal states and timeline actions', () => {
    expect([...web.APPEAL_STATES].sort()).toEqual([...APPEAL_STATES].sort());
    expect([...web.APPEAL_EVENT_ACTIONS].sort()).toEqual([...APPEAL_ACTIONS, 'register', 'overdue', 'escalate'].sort());
  });

  it('the text search window', () => {
    expect(web.APPEAL_TEXT_SEARCH_WINDOW).toBe(TEXT_WINDOW);
  });

  it('permissions', () => {
    expect([...web.PERMISSIONS].sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  it('consultation kinds and states', () => {
    expect(web.ARTEFACT_KINDS).toEqual(ARTEFACT_KINDS);
    expect(web.ADDABLE_ARTEFACT_KINDS).toEqual(ADDABLE_KINDS);
    expect(web.CONSULTATION_STATES).toEqual(CONSULTATION_STATES);
    expect(web.CONSULTATION_MODES).toEqual(CONSULTATION_MODES);
    expect(web.ATTENDEE_KINDS).toEqual(ATTENDEE_KINDS);
    expect(web.AGENDA_ITEM_KINDS).toEqual(AGENDA_ITEM_KINDS);
    expect(web.INVITEE_KINDS).toEqual(INVITEE_KINDS);
  });
});
