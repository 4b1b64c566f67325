import { describe, expect, it } from 'vitest';
import { evaluateConsultation } from './consultation-evaluation.js';

describe('consultation evaluation (pure)', () => {
  it('counts participation, leaders, speakers and documents; suggestion figures unknown until given', () => {
    const e = evaluateConsultation({
      attendees: [
        { roleKind: 'member', speaker: true },
        { roleKind: 'member', speaker: false },
        { roleKind: 'resident', speaker: true },
        { roleKind: 'leader', speaker: false },
        { roleKind: 'unit_representative', speaker: true },
      ],
      required: ['agenda', 'minutes', 'agenda', 'photos'],
      present: ['agenda', 'announcement'],
    });
    expect(e).toMatchObject({ attendees: 5, membersPresent: 2, residents: 1, leadersPresent: 1, unitRepresentatives: 1, speakers: 3, artefactsRequired: 3, artefactsPresent: 1 });
    expect(e.suggestions).toBeNull();
    expect(e.adoptionRate).toBeNull();
  });

  it('computes rates from the suggestions module’s counts, null where the base is zero', () => {
    const e = evaluateConsultation({ attendees: [], required: [], present: [], suggestions: { total: 8, adopted: 6, implemented: 3, satisfied: 0, rated: 0 } });
    expect(e).toMatchObject({ suggestions: 8, adopted: 6, adoptionRate: 0.75, implemented: 3, implementationRate: 0.5, satisfactionRate: null });
  });
});
