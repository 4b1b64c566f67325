import type { Actor } from '../../infra/http/access.js';
import { grantsOf } from '../accounts/index.js';
import type { ConsultationTable } from '../consultations/consultations.table.js';
import type { SuggestionActor } from './suggestion.workflow.js';

/** The parts of an event and its venue that decide who manages its suggestions. */
export interface EventScope {
  consultation: Pick<ConsultationTable, 'id' | 'territory_code' | 'venue_id' | 'organiser_id'>;
  venueHeadId: string | null;
}

/** District staff and administrators with a district-wide grant. */
export function districtWide(actor: Actor | null): boolean {
  return grantsOf(actor).some((g) => (g.role === 'district_staff' || g.role === 'admin') && g.scope_type === 'district');
}

/**
 * Who manages an event's suggestions (list, edit, merge, decide, issue, export): the district
 * everywhere; a town official whose territory covers the event's; the head of its venue (the
 * venue's head account or a station_head grant on it); the event's organiser.
 */
export function mayManageEvent(actor: Actor | null, scope: EventScope): boolean {
  if (!actor || !actor.permissions.has('suggestions:manage')) return false;
  if (districtWide(actor)) return true;
  const c = scope.consultation;
  if (c.organiser_id === actor.id) return true;
  const grants = grantsOf(actor);
  if (c.territory_code && grants.some((g) => g.role === 'town_official' && g.scope_type === 'territory' && (c.territory_code as string).startsWith(g.scope_id))) return true;
  if (!c.venue_id) return false;
  if (scope.venueHeadId === actor.id) return true;
  return grants.some((g) => g.role === 'station_head' && g.scope_type === 'venue' && g.scope_id === c.venue_id);
}

/** The units a unit clerk answers for. */
export function unitsOf(actor: Actor | null): string[] {
  if (!actor?.permissions.has('suggestions:handle')) return [];
  return grantsOf(actor)
    .filter((g) => g.role === 'unit_clerk' && g.scope_type === 'unit')
    .map((g) => g.scope_id);
}

/** What a person is to one suggestion. */
export interface Relation {
  manager: boolean;
  /** Holds a clerk grant of the lead unit. */
  leadUnit: boolean;
  /** Holds a clerk grant of the lead or an assisting unit. */
  anyUnit: boolean;
  /** Recorded as one of its authors. */
  author: boolean;
  /** Filed one of its linked appeals. */
  resident: boolean;
}

/** Which sides of the workflow this person acts on. */
export function sidesOf(actor: Actor | null, rel: Relation): SuggestionActor[] {
  const sides: SuggestionActor[] = [];
  if (rel.manager) sides.push('manager');
  if (actor?.permissions.has('suggestions:assign') && districtWide(actor)) sides.push('assigner');
  if (rel.leadUnit) sides.push('unit');
  if (actor?.permissions.has('suggestions:feedback') && (rel.author || rel.resident)) sides.push('rater');
  return sides;
}

/** Whether this person may read the suggestion's full record (beyond the public journey). */
export function maySee(actor: Actor | null, rel: Relation): boolean {
  return !!actor && (rel.manager || districtWide(actor) || rel.anyUnit || rel.author || rel.resident);
}
