import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { EvaluationInput } from './consultation-evaluation.js';

/** An event's suggestion figures, as the suggestions module counts them. */
export type SuggestionCounts = NonNullable<EvaluationInput['suggestions']>;
export type SuggestionCountsProvider = (db: Kysely<DB>, consultationId: string) => Promise<SuggestionCounts | undefined>;

let provider: SuggestionCountsProvider | undefined;

/**
 * The evaluation's extension point: the suggestions module, which depends on this one (never the
 * other way round), registers how to count an event's suggestions at start-up. Until then the
 * evaluation reports those figures as unknown (null).
 */
export function registerSuggestionCounts(p: SuggestionCountsProvider | undefined): void {
  provider = p;
}

/** The registered counts of an event, or undefined when no module provides them. */
export async function suggestionCountsOf(db: Kysely<DB>, consultationId: string): Promise<SuggestionCounts | undefined> {
  return provider ? provider(db, consultationId) : undefined;
}
