import type { FastifyRequest } from 'fastify';

/**
 * Who may call a route: anyone, anyone signed in, or holders of a named permission
 * (the permission table lives with the accounts module's roles). Every route declares one.
 */
export type Access = 'public' | 'authenticated' | `${string}:${string}`;

/** The caller as the HTTP layer knows it; the accounts module fills it in. */
export interface Actor {
  readonly id: string;
  readonly label: string;
  readonly permissions: ReadonlySet<string>;
  readonly via: 'session' | 'token';
  readonly sessionId?: string;
  readonly csrfToken?: string;
  readonly mustChangePassword: boolean;
  /** Module-specific detail (role grants and scopes), opaque to the infrastructure. */
  readonly detail: unknown;
}

/** Resolves the caller of a request; registered at start-up by the accounts module. */
export interface Authenticator {
  authenticate(request: FastifyRequest): Promise<Actor | null>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
