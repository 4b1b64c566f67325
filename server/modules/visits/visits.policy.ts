import type { Actor } from '../../infra/http/access.js';
import { grantsOf } from '../accounts/index.js';
import type { VisitTable } from './visits.table.js';

function districtWide(actor: Actor | null): boolean {
  return grantsOf(actor).some((g) => (g.role === 'district_staff' || g.role === 'admin') && g.scope_type === 'district');
}

function townPrefixes(actor: Actor | null): string[] {
  return grantsOf(actor)
    .filter((g) => g.role === 'town_official' && g.scope_type === 'territory')
    .map((g) => g.scope_id);
}

/**
 * Which visits a person reads (visits:read says whether at all): a member their own, a town
 * official those in its territory, district staff and administrators all. Undefined: all.
 */
export function visitReach(actor: Actor | null): { memberId: string; territoryPrefixes: string[] } | undefined {
  if (districtWide(actor)) return undefined;
  return { memberId: actor?.id ?? '', territoryPrefixes: townPrefixes(actor) };
}

export function maySeeVisit(actor: Actor | null, visit: VisitTable): boolean {
  if (!actor) return false;
  if (visit.member_id === actor.id || districtWide(actor)) return true;
  return townPrefixes(actor).some((p) => visit.territory_code.startsWith(p));
}

/** Only the member who made the visit changes it, files its concerns or sees the household. */
export function isVisitOwner(actor: Actor | null, visit: VisitTable): boolean {
  return !!actor && visit.member_id === actor.id;
}
