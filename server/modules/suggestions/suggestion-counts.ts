import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import type { SuggestionCounts } from '../consultations/index.js';
import { rollUp } from './suggestion-rollups.js';
import { rollupInputOf } from './suggestions.presenter.js';
import { listSuggestionsOf } from './suggestions.repository.js';
import { loadBundles } from './suggestions.service.js';

/**
 * An event's suggestion figures for its evaluation (the consultations module's extension
 * point), from the same roll-up the suggestion list shows, so the two never disagree.
 */
export async function suggestionCountsOfEvent(db: Kysely<DB>, consultationId: string): Promise<SuggestionCounts | undefined> {
  const bundles = await loadBundles(db, await listSuggestionsOf(db, [consultationId]));
  const inputs = bundles.map(rollupInputOf);
  const r = rollUp(inputs);
  const ratings = inputs.filter((i) => i.state !== 'merged').flatMap((i) => i.ratings);
  return { total: r.suggestions, adopted: r.adopted, implemented: r.implemented, satisfied: ratings.filter((x) => x !== 'unsatisfied').length, rated: ratings.length };
}
