/** Roles of PRODUCT.md ("Who uses it"); the public needs no account. */
export const ROLES = [
  'resident',
  'member',
  'station_head',
  'town_official',
  'district_staff',
  'dispatcher',
  'unit_clerk',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** What a role grant reaches: the whole district, a territory subtree, a venue or a unit. */
export const SCOPE_TYPES = ['district', 'territory', 'venue', 'unit'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Which scope each role is granted with. */
export const ROLE_SCOPES: Record<Role, readonly ScopeType[]> = {
  resident: ['district'],
  member: ['district', 'venue'],
  station_head: ['venue'],
  town_official: ['territory'],
  district_staff: ['district'],
  dispatcher: ['district', 'territory'],
  unit_clerk: ['unit'],
  admin: ['district'],
};

/**
 * The policy table: every permission and the roles that hold it. Routes name a permission
 * (or 'public' / 'authenticated'); nothing else decides who may call what.
 */
export const PERMISSIONS = {
  'territories:write': ['admin'],
  'accounts:manage': ['admin'],
  'units:read': ['district_staff', 'dispatcher', 'town_official', 'unit_clerk', 'admin'],
  'units:manage': ['district_staff', 'admin'],
  'tokens:manage': ['admin'],
  'audit:read': ['district_staff', 'admin'],
  'calendar:manage': ['admin'],
  'appeals:register': ['dispatcher', 'member', 'admin'],
  // Categories and deadline classes: the deployment's district administrators only.
  'appeals:configure': ['admin'],
  'appeals:work': ['dispatcher', 'district_staff', 'town_official', 'unit_clerk', 'admin'],
  // Reading one appeal: handlers in scope, and whoever filed it (the policy decides which).
  'appeals:read': ['resident', 'member', 'station_head', 'town_official', 'district_staff', 'dispatcher', 'unit_clerk', 'admin'],
  // Consultation topics (协商议题): who proposes, who sees appeal clusters, who reviews and files.
  'topics:read': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'topics:propose': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'topics:cluster': ['town_official', 'district_staff', 'admin'],
  'topics:review': ['district_staff', 'admin'],
  // Venues (halls, stations, studios): everyone who works with them reads; district staff
  // manage all, a town official those in its territory (venues.policy decides which).
  'venues:read': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'venues:manage': ['town_official', 'district_staff', 'admin'],
  // Duty rosters: venue managers, and a venue's own head (站长; a member for their studio).
  'venues:roster': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'members:manage': ['district_staff', 'admin'],
  // A member's own duty schedule.
  'duty:own': ['member'],
  // Consultation events (协商活动): who reads them; who runs them (consultations.policy decides
  // which: a station head their venues, a town official its territory, district staff all);
  // who edits procedure templates and campaigns (协商议事月).
  'consultations:read': ['member', 'station_head', 'town_official', 'district_staff', 'admin'],
  'consultations:manage': ['station_head', 'town_official', 'district_staff', 'admin'],
  'consultations:templates': ['district_staff', 'admin'],
  'campaigns:manage': ['district_staff', 'admin'],
  // Visits (走访): a member records their own; town officials read those in their territory.
  'visits:record': ['member'],
  'visits:read': ['member', 'town_official', 'district_staff', 'admin'],
  // Suggestions (意见建议) from consultation events: managers of an event (suggestions.policy decides
  // which events), the district assigns them to units, unit clerks sign and reply, proposers and
  // residents rate the result.
  'suggestions:read': ['resident', 'member', 'station_head', 'town_official', 'district_staff', 'unit_clerk', 'admin'],
  'suggestions:manage': ['station_head', 'town_official', 'district_staff', 'admin'],
  'suggestions:assign': ['district_staff', 'admin'],
  'suggestions:handle': ['unit_clerk'],
  'suggestions:feedback': ['resident', 'member'],
  'inbox:read': ['resident', 'member', 'station_head', 'town_official', 'district_staff', 'dispatcher', 'unit_clerk', 'admin'],
  // 成果展示: district staff publish results of consultations and solved appeals.
  'showcase:manage': ['district_staff', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** The permissions a set of roles holds. */
export function permissionsOf(roles: Iterable<Role>): Permission[] {
  const set = new Set(roles);
  return PERMISSION_NAMES.filter((p) => (PERMISSIONS[p] as readonly Role[]).some((r) => set.has(r)));
}
