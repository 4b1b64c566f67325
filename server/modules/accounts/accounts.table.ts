import type { Role, ScopeType } from './roles.js';

export interface AccountTable {
  id: string;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string | null;
  status: 'active' | 'disabled';
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UnitTable {
  id: string;
  name: string;
  kind: 'government' | 'non_government';
  territory_code: string | null;
  phone: string | null;
  address: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RoleGrantTable {
  id: string;
  account_id: string;
  role: Role;
  scope_type: ScopeType;
  /** Empty string for the whole district. */
  scope_id: string;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  name: string;
  prefix: string;
  token_hash: string;
  account_id: string;
  /** JSON array of permissions the token may use (a subset of its account's). */
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AccountsTables {
  account: AccountTable;
  unit: UnitTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
  api_token: ApiTokenTable;
}
