import type { Actor } from '../../infra/http/access.js';
import { grantsOf } from '../accounts/index.js';
import type { VenueTable } from './venues.table.js';

/**
 * Who may change which venue. The route's permission says *whether* someone manages venues
 * (venues:manage) or rosters (venues:roster); this says *which*: district staff and
 * administrators every venue, a town official the venues in its territory subtree, and a
 * venue's head (站长, or a station_head grant scoped to the venue) that venue's roster.
 */
export function manageReach(actor: Actor | null): 'all' | string[] {
  const grants = grantsOf(actor);
  if (grants.some((g) => (g.role === 'admin' || g.role === 'district_staff') && g.scope_type === 'district')) return 'all';
  return grants.filter((g) => g.role === 'town_official' && g.scope_type === 'territory').map((g) => g.scope_id);
}

/** Whether the actor manages venues in this territory (a venue without one: district-wide managers only). */
export function mayManageAt(actor: Actor | null, territoryCode: string | null): boolean {
  const reach = manageReach(actor);
  if (reach === 'all') return true;
  return territoryCode !== null && reach.some((prefix) => territoryCode.startsWith(prefix));
}

/** Whether the actor may edit the venue's duty roster. */
export function mayManageRoster(actor: Actor | null, venue: VenueTable): boolean {
  if (!actor) return false;
  if (mayManageAt(actor, venue.territory_code)) return true;
  if (venue.head_account_id === actor.id && actor.permissions.has('venues:roster')) return true;
  return grantsOf(actor).some((g) => g.role === 'station_head' && g.scope_type === 'venue' && g.scope_id === venue.id);
}
