/**
 * An event's evaluation: indicators computed from what was recorded, never typed in. The
 * suggestion counts are filled by the suggestions module when it exists; until then they are
 * null ("not yet known"), not zero.
 */
import type { AttendeeKind } from './consultations.table.js';

export interface EvaluationInput {
  attendees: readonly { roleKind: AttendeeKind; speaker: boolean }[];
  /** Artefacts the event's whole procedure requires, and those of them present. */
  required: readonly string[];
  present: readonly string[];
  /** From the suggestions module (extension point); absent: not known yet. */
  suggestions?: { total: number; adopted: number; implemented: number; satisfied: number; rated: number };
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

/** Participation, leaders, documents present vs required, and suggestion rates when known; pure. */
export function evaluateConsultation(input: EvaluationInput) {
  const count = (k: AttendeeKind) => input.attendees.filter((a) => a.roleKind === k).length;
  const required = [...new Set(input.required)];
  const present = required.filter((k) => input.present.includes(k));
  const s = input.suggestions;
  return {
    attendees: input.attendees.length,
    membersPresent: count('member'),
    residents: count('resident'),
    sectorRepresentatives: count('sector_representative'),
    unitRepresentatives: count('unit_representative'),
    leadersPresent: count('leader'),
    speakers: input.attendees.filter((a) => a.speaker).length,
    artefactsRequired: required.length,
    artefactsPresent: present.length,
    suggestions: s ? s.total : null,
    adopted: s ? s.adopted : null,
    adoptionRate: s ? ratio(s.adopted, s.total) : null,
    implemented: s ? s.implemented : null,
    implementationRate: s ? ratio(s.implemented, s.adopted) : null,
    satisfactionRate: s ? ratio(s.satisfied, s.rated) : null,
  };
}
export type ConsultationEvaluation = ReturnType<typeof evaluateConsultation>;
