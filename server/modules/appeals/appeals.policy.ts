import type { Actor } from '../../infra/http/access.js';
import { grantsOf, type Role } from '../accounts/index.js';
import type { AppealAction } from './appeal.workflow.js';
import type { AppealTable } from './appeals.table.js';

/** Who takes each action: the hotline side, or the clerk of the appeal's lead unit. */
const HOTLINE: Role[] = ['dispatcher', 'admin'];
export const ACTION_ROLES: Record<AppealAction, { roles: Role[]; leadUnitOnly?: boolean }> = {
  answer_directly: { roles: HOTLINE },
  dispatch: { roles: HOTLINE },
  sign: { roles: ['unit_clerk'], leadUnitOnly: true },
  request_return: { roles: ['unit_clerk'], leadUnitOnly: true },
  approve_return: { roles: HOTLINE },
  refuse_return: { roles: HOTLINE },
  start: { roles: ['unit_clerk'], leadUnitOnly: true },
  request_extension: { roles: ['unit_clerk'], leadUnitOnly: true },
  approve_extension: { roles: HOTLINE },
  refuse_extension: { roles: HOTLINE },
  remind: { roles: HOTLINE },
  supervise: { roles: [...HOTLINE, 'district_staff'] },
  reply: { roles: ['unit_clerk'], leadUnitOnly: true },
  review_accept: { roles: HOTLINE },
  review_send_back: { roles: HOTLINE },
  rate: { roles: HOTLINE },
  reopen: { roles: HOTLINE },
  final_answer: { roles: HOTLINE },
  close: { roles: HOTLINE },
  archive: { roles: HOTLINE },
  merge: { roles: HOTLINE },
};

const within = (code: string, prefix: string) => code.startsWith(prefix);

/** Whether a grant reaches an appeal: the whole district, its territory subtree or its unit. */
function grantReaches(g: { role: Role; scope_type: string; scope_id: string }, appeal: AppealTable, unitIds: string[]): boolean {
  if (g.scope_type === 'district') return true;
  if (g.scope_type === 'territory') return within(appeal.territory_code, g.scope_id);
  if (g.scope_type === 'unit') return unitIds.includes(g.scope_id);
  return false;
}

/** Whether the actor may take an action on this appeal (role and scope). */
export function mayAct(actor: Actor | null, action: AppealAction, appeal: AppealTable): boolean {
  const rule = ACTION_ROLES[action];
  return grantsOf(actor).some(
    (g) =>
      rule.roles.includes(g.role) &&
      (rule.leadUnitOnly ? g.scope_type === 'unit' && g.scope_id === appeal.lead_unit_id : grantReaches(g, appeal, appeal.lead_unit_id ? [appeal.lead_unit_id] : [])),
  );
}

/** Whether the actor may see this appeal in full (handlers; the filer). */
export function maySee(actor: Actor | null, appeal: AppealTable, unitIds: string[]): boolean {
  if (!actor) return false;
  if (appeal.filed_by === actor.id) return true;
  return grantsOf(actor).some((g) => ['dispatcher', 'admin', 'district_staff', 'town_official', 'unit_clerk'].includes(g.role) && grantReaches(g, appeal, unitIds));
}

/** The filter that limits a list to what the actor may see; undefined means everything. */
export function visibility(actor: Actor | null): { all: true } | { unitIds: string[]; territoryPrefixes: string[]; filedBy: string } {
  const grants = grantsOf(actor);
  if (grants.some((g) => ['dispatcher', 'admin', 'district_staff'].includes(g.role) && g.scope_type === 'district')) return { all: true };
  return {
    unitIds: grants.filter((g) => g.scope_type === 'unit').map((g) => g.scope_id),
    territoryPrefixes: grants.filter((g) => g.scope_type === 'territory').map((g) => g.scope_id),
    filedBy: actor?.id ?? '',
  };
}

/** Handlers see names and phone numbers: the hotline, and clerks of the appeal's units. */
export function isHandler(actor: Actor | null, unitIds: string[]): boolean {
  return grantsOf(actor).some((g) => g.role === 'dispatcher' || g.role === 'admin' || (g.role === 'unit_clerk' && unitIds.includes(g.scope_id)));
}
