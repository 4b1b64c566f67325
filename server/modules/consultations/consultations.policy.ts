import type { Actor } from '../../infra/http/access.js';
import { grantsOf } from '../accounts/index.js';

/** Which events someone runs: every one, or those in territory subtrees and at venues. */
export type ManageReach = 'all' | { territoryPrefixes: string[]; venueIds: string[] };

/**
 * The route's permission (consultations:manage) says *whether* someone runs events; this says
 * *which*: district staff and administrators all, a town official those in its territory
 * subtree, a station head those at the venues they head (`headedVenueIds`, read by the caller)
 * or hold a venue-scoped grant for.
 */
export function manageReach(actor: Actor | null, headedVenueIds: readonly string[]): ManageReach {
  const grants = grantsOf(actor);
  if (grants.some((g) => (g.role === 'admin' || g.role === 'district_staff') && g.scope_type === 'district')) return 'all';
  return {
    territoryPrefixes: grants.filter((g) => g.role === 'town_official' && g.scope_type === 'territory').map((g) => g.scope_id),
    venueIds: [...new Set([...headedVenueIds, ...grants.filter((g) => g.role === 'station_head' && g.scope_type === 'venue').map((g) => g.scope_id)])],
  };
}

/** Whether the reach covers an event (or a planned one) at this venue and territory. */
export function reaches(reach: ManageReach, at: { venue_id: string | null; territory_code: string | null }): boolean {
  if (reach === 'all') return true;
  if (at.venue_id && reach.venueIds.includes(at.venue_id)) return true;
  return at.territory_code !== null && reach.territoryPrefixes.some((p) => (at.territory_code as string).startsWith(p));
}
