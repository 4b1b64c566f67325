import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../infra/db/schema.js';
import type { Actor, Authenticator } from '../../infra/http/access.js';
import { AppError } from '../../infra/http/errors.js';
import { findAccountById, listGrants, type GrantRow } from './accounts.repository.js';
import { permissionsOf, type Permission } from './roles.js';
import { sha256 } from './secrets.js';
import { deleteSession, findApiTokenByHash, findSession, markApiTokenUsed, touchSession } from './sessions.repository.js';

export const SESSION_COOKIE = 'minhu_sid';

/** What the accounts module keeps on the actor: the grants that scope every decision. */
export interface ActorDetail {
  username: string;
  grants: GrantRow[];
}

/** The grants of the actor making a request (empty for the public). */
export function grantsOf(actor: Actor | null): GrantRow[] {
  return (actor?.detail as ActorDetail | undefined)?.grants ?? [];
}

async function actorFor(db: Kysely<DB>, accountId: string, via: Actor['via'], extra: Partial<Actor>, limitTo?: Permission[]) {
  const account = await findAccountById(db, accountId);
  if (!account || account.status !== 'active') return null;
  const grants = await listGrants(db, [account.id]);
  let permissions: string[] = permissionsOf(grants.map((g) => g.role));
  if (limitTo) permissions = permissions.filter((p) => limitTo.includes(p as Permission));
  const actor: Actor = {
    id: account.id,
    label: account.username,
    via,
    permissions: new Set(permissions),
    mustChangePassword: via === 'session' && account.must_change_password === 1,
    detail: { username: account.username, grants } satisfies ActorDetail,
    ...extra,
  };
  return actor;
}

/**
 * Token actors are kept for a few seconds per process: integrations send many requests, and a
 * revocation or role change reaches every process within TOKEN_TTL_MS (this one at once).
 */
const TOKEN_TTL_MS = 5000;
const tokenActors = new Map<string, { at: number; actor: Promise<Actor | null> }>();

/** Forgets cached token actors (after a revocation or a change of roles). */
export function forgetTokenActors(): void {
  tokenActors.clear();
}

/** The actor an API token (`mh_…`) stands for, or null when it is unknown, expired or revoked. */
export async function actorFromApiToken(db: Kysely<DB>, secret: string): Promise<Actor | null> {
  if (!/^mh_[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const key = sha256(secret);
  const hit = tokenActors.get(key);
  if (hit && Date.now() - hit.at < TOKEN_TTL_MS) return hit.actor;
  if (tokenActors.size > 10_000) tokenActors.clear();
  const actor = loadTokenActor(db, secret);
  tokenActors.set(key, { at: Date.now(), actor });
  return actor;
}

async function loadTokenActor(db: Kysely<DB>, secret: string): Promise<Actor | null> {
  const token = await findApiTokenByHash(db, sha256(secret));
  const now = new Date();
  if (!token || token.revoked_at || (token.expires_at && token.expires_at < now.toISOString())) return null;
  const actor = await actorFor(db, token.account_id, 'token', {}, JSON.parse(token.scopes) as Permission[]);
  if (!actor) return null;
  if (!token.last_used_at || now.getTime() - Date.parse(token.last_used_at) > 60_000) await markApiTokenUsed(db, token.id, now.toISOString());
  return { ...actor, label: `${actor.label} (token ${token.prefix})` };
}

/** Resolves a session cookie or a bearer API token to an actor. */
export function createAuthenticator(db: Kysely<DB>, config: Config): Authenticator {
  const idleMs = config.sessionIdleMinutes * 60_000;
  return {
    async authenticate(request: FastifyRequest) {
      const auth = request.headers.authorization;
      // Only the Bearer scheme is ours; others (a staging proxy's Basic auth) are ignored.
      if (auth && /^bearer\s/i.test(auth)) {
        const actor = await actorFromApiToken(db, auth.replace(/^bearer\s+/i, '').trim());
        if (!actor) throw new AppError('INVALID_TOKEN');
        return actor;
      }
      const cookie = request.cookies[SESSION_COOKIE];
      if (!cookie) return null;
      const id = sha256(cookie);
      const session = await findSession(db, id);
      if (!session) return null;
      const now = Date.now();
      if (Date.parse(session.expires_at) < now || Date.parse(session.last_seen_at) + idleMs < now) {
        await deleteSession(db, id);
        return null;
      }
      // Touch at most once a minute: the idle clock needs no finer grain.
      if (now - Date.parse(session.last_seen_at) > 60_000) await touchSession(db, id, new Date(now).toISOString());
      return actorFor(db, session.account_id, 'session', { sessionId: id, csrfToken: session.csrf_token });
    },
  };
}

/**
 * The actor an account is when it acts itself, for demo seeds that take data through the same
 * commands people use (so permissions, workflow and audit apply). Never reachable from a request.
 */
export async function actorOfAccount(db: Kysely<DB>, accountId: string): Promise<Actor | null> {
  return actorFor(db, accountId, 'token', { mustChangePassword: false });
}
