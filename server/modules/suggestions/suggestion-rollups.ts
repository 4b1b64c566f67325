/**
 * Roll-ups of suggestions to an event, a topic or a campaign: pure arithmetic over the
 * suggestions' facts, so the published figures come straight from the data.
 */
import type { SuggestionDecision, SuggestionState } from './suggestion.workflow.js';
import type { Rating } from './suggestions.table.js';

export interface RollupInput {
  state: SuggestionState;
  decision: SuggestionDecision | null;
  /** Ever handed to a unit. */
  assigned: boolean;
  /** Has at least one reply. */
  replied: boolean;
  /** Closed by an A reply (solved): implemented. */
  implemented: boolean;
  progress: number;
  ratings: Rating[];
}

export interface Rollup {
  suggestions: number;
  decided: number;
  adopted: number;
  /** adopted (incl. partly) / decided, 0–1; null when nothing is decided. */
  adoptionRate: number | null;
  assigned: number;
  replied: number;
  implemented: number;
  /** implemented / assigned, 0–1; null when nothing is assigned. */
  implementationRate: number | null;
  /** Mean progress (0–100) of assigned suggestions; null when none. */
  averageProgress: number | null;
  ratings: number;
  /** (satisfied + basically satisfied) / ratings, 0–1; null without ratings. */
  satisfaction: number | null;
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

/** Sums suggestions into one roll-up; merged duplicates count once, in their survivor. */
export function rollUp(items: readonly RollupInput[]): Rollup {
  const live = items.filter((i) => i.state !== 'merged');
  const decided = live.filter((i) => i.decision !== null);
  const adopted = decided.filter((i) => i.decision === 'adopted' || i.decision === 'partly_adopted');
  const assigned = live.filter((i) => i.assigned);
  const implemented = assigned.filter((i) => i.implemented).length;
  const ratings = live.flatMap((i) => i.ratings);
  const satisfied = ratings.filter((r) => r !== 'unsatisfied').length;
  return {
    suggestions: live.length,
    decided: decided.length,
    adopted: adopted.length,
    adoptionRate: ratio(adopted.length, decided.length),
    assigned: assigned.length,
    replied: live.filter((i) => i.replied).length,
    implemented,
    implementationRate: ratio(implemented, assigned.length),
    averageProgress: assigned.length ? Math.round((assigned.reduce((s, i) => s + i.progress, 0) / assigned.length) * 10) / 10 : null,
    ratings: ratings.length,
    satisfaction: ratio(satisfied, ratings.length),
  };
}
