import { describe, expect, it } from 'vitest';
import type { Actor } from '../../infra/http/access.js';
import { PERMISSIONS, type Role, type ScopeType } from '../accounts/index.js';
import { mayManageEvent, sidesOf, unitsOf, type EventScope } from './suggestions.policy.js';

function actor(id: string, grants: { role: Role; scope_type: ScopeType; scope_id: string }[]): Actor {
  const permissions = new Set(Object.entries(PERMISSIONS).filter(([, roles]) => grants.some((g) => (roles as readonly string[]).includes(g.role))).map(([p]) => p));
  return { id, label: id, permissions, via: 'session', mustChangePassword: false, detail: { grants } };
}

const event: EventScope = { consultation: { id: 'e1', territory_code: '330106002051', venue_id: 'v1', organiser_id: 'org' }, venueHeadId: 'head' };

describe('who manages an event’s suggestions', () => {
  it('the district everywhere; a town official of its territory; the venue’s head or station head; its organiser', () => {
    expect(mayManageEvent(actor('s', [{ role: 'district_staff', scope_type: 'district', scope_id: '' }]), event)).toBe(true);
    expect(mayManageEvent(actor('t', [{ role: 'town_official', scope_type: 'territory', scope_id: '330106002' }]), event)).toBe(true);
    expect(mayManageEvent(actor('t2', [{ role: 'town_official', scope_type: 'territory', scope_id: '330106004' }]), event)).toBe(false);
    expect(mayManageEvent(actor('head', [{ role: 'station_head', scope_type: 'venue', scope_id: 'v9' }]), event)).toBe(true);
    expect(mayManageEvent(actor('h2', [{ role: 'station_head', scope_type: 'venue', scope_id: 'v1' }]), event)).toBe(true);
    expect(mayManageEvent(actor('h3', [{ role: 'station_head', scope_type: 'venue', scope_id: 'v2' }]), event)).toBe(false);
    expect(mayManageEvent(actor('org', [{ role: 'town_official', scope_type: 'territory', scope_id: '330106004' }]), event)).toBe(true);
    // Without the permission, being named organiser is not enough.
    expect(mayManageEvent(actor('org', [{ role: 'member', scope_type: 'district', scope_id: '' }]), event)).toBe(false);
    expect(mayManageEvent(null, event)).toBe(false);
  });

  it('an event without a territory or venue: the district and its organiser only', () => {
    const bare: EventScope = { consultation: { id: 'e2', territory_code: null, venue_id: null, organiser_id: 'org' }, venueHeadId: null };
    expect(mayManageEvent(actor('t', [{ role: 'town_official', scope_type: 'territory', scope_id: '330106002' }]), bare)).toBe(false);
    expect(mayManageEvent(actor('org', [{ role: 'station_head', scope_type: 'venue', scope_id: 'v1' }]), bare)).toBe(true);
  });

  it('sides: unit clerks of the lead unit, district assigners, raters who are authors or residents', () => {
    const clerk = actor('c', [{ role: 'unit_clerk', scope_type: 'unit', scope_id: 'u1' }]);
    expect(unitsOf(clerk)).toEqual(['u1']);
    const none = { manager: false, leadUnit: false, anyUnit: false, author: false, resident: false };
    expect(sidesOf(clerk, { ...none, leadUnit: true, anyUnit: true })).toEqual(['unit']);
    expect(sidesOf(actor('s', [{ role: 'district_staff', scope_type: 'district', scope_id: '' }]), { ...none, manager: true })).toEqual(['manager', 'assigner']);
    expect(sidesOf(actor('r', [{ role: 'resident', scope_type: 'district', scope_id: '' }]), { ...none, resident: true })).toEqual(['rater']);
    expect(sidesOf(actor('r', [{ role: 'resident', scope_type: 'district', scope_id: '' }]), none)).toEqual([]);
  });
});
