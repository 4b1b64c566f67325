import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { presentPublicSuggestion } from './suggestions.presenter.js';
import { findSuggestion } from './suggestions.repository.js';
import { loadBundles } from './suggestions.service.js';

export type PublicSuggestion = ReturnType<typeof presentPublicSuggestion>;

/** A suggestion's public journey (the same view as `/public/suggestions/:id`), or null while it is not public. */
export async function publicSuggestion(db: Kysely<DB>, id: string): Promise<PublicSuggestion | null> {
  const s = await findSuggestion(db, id);
  if (!s || s.issued_at === null || s.state === 'merged') return null;
  const [bundle] = await loadBundles(db, [s]);
  return bundle ? presentPublicSuggestion(bundle) : null;
}
