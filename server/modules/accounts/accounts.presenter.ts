import type { Actor } from '../../infra/http/access.js';
import type { AccountRow, GrantRow } from './accounts.repository.js';
import type { UnitRow } from './units.repository.js';

/** 13812341234 → 138****1234: what everyone but the people handling the record sees. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = [...phone];
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3).join('')}****${digits.slice(-4).join('')}`;
}

export function presentGrant(g: GrantRow, scopeNames: Map<string, string>) {
  return {
    id: g.id,
    role: g.role,
    scopeType: g.scope_type,
    scopeId: g.scope_id,
    scopeName: g.scope_id ? scopeNames.get(`${g.scope_type}:${g.scope_id}`) ?? null : null,
  };
}

/** An account as an administrator sees it (full phone: they manage it). */
export function presentAccount(a: AccountRow, grants: GrantRow[], scopeNames: Map<string, string>, viewer: Actor | null) {
  const full = viewer?.id === a.id || viewer?.permissions.has('accounts:manage');
  return {
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    phone: full ? a.phone : maskPhone(a.phone),
    status: a.status,
    mustChangePassword: a.must_change_password === 1,
    lockedUntil: a.locked_until && a.locked_until > new Date().toISOString() ? a.locked_until : null,
    lastLoginAt: a.last_login_at,
    createdAt: a.created_at,
    version: a.version,
    grants: grants.map((g) => presentGrant(g, scopeNames)),
  };
}

export function presentUnit(u: UnitRow) {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    territoryCode: u.territory_code,
    phone: u.phone,
    address: u.address,
    active: u.active === 1,
    version: u.version,
  };
}
