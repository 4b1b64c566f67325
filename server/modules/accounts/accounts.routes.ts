import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf, langOfRequest, type Deps, type ZodApp } from '../../infra/http/app.js';
import { AppError } from '../../infra/http/errors.js';
import { paging } from '../../infra/http/fields.js';
import { findAccountById, listGrants } from './accounts.repository.js';
import { presentGrant, presentUnit } from './accounts.presenter.js';
import {
  accountListSchema,
  accountSchema,
  accountsQuery,
  changePasswordBody,
  createAccountBody,
  createdAccountSchema,
  createdTokenSchema,
  createTokenBody,
  createUnitBody,
  grantInput,
  grantParams,
  idParams,
  loginBody,
  patchAccountBody,
  patchUnitBody,
  sessionSchema,
  tokenListSchema,
  unitListSchema,
  unitSchema,
  unitsQuery,
} from './accounts.schemas.js';
import { getAccountView, listAccountViews, scopeNamesFor } from './accounts.service.js';
import { SESSION_COOKIE, grantsOf } from './authenticator.js';
import { changePassword } from './commands/change-password.js';
import { createAccount } from './commands/create-account.js';
import { grantRole, revokeRole } from './commands/grant-role.js';
import { createApiToken, revokeApiToken } from './commands/manage-api-tokens.js';
import { createUnit, updateUnitDetails } from './commands/manage-units.js';
import { signIn } from './commands/sign-in.js';
import { signOut } from './commands/sign-out.js';
import { resetPassword, updateAccountDetails } from './commands/update-account.js';
import { permissionsOf, type Permission } from './roles.js';
import { listApiTokens } from './sessions.repository.js';
import { findUnit, searchUnits } from './units.repository.js';
import type { ApiTokenTable } from './accounts.table.js';

function presentToken(t: ApiTokenTable & { account_username: string }) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    accountId: t.account_id,
    accountUsername: t.account_username,
    scopes: JSON.parse(t.scopes) as string[],
    createdAt: t.created_at,
    expiresAt: t.expires_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
  };
}

const ALL_UNITS_ROLES = ['district_staff', 'dispatcher', 'town_official', 'admin'];

/** The unit ids a unit clerk is limited to, or undefined when a wider role sees all units. */
function ownUnitsOnly(actor: FastifyRequest['actor']): string[] | undefined {
  const grants = grantsOf(actor);
  if (grants.some((g) => ALL_UNITS_ROLES.includes(g.role))) return undefined;
  return grants.filter((g) => g.role === 'unit_clerk' && g.scope_type === 'unit').map((g) => g.scope_id);
}

export function accountsRoutes(app: ZodApp, { database, config }: Deps) {
  const { db } = database;
  const authTags = ['auth'];

  /** The session as the web app sees it; permissions default to those of the account's grants. */
  async function sessionView(accountId: string, csrfToken: string, permissions?: Iterable<string>) {
    const account = await findAccountById(db, accountId);
    if (!account) throw new AppError('UNAUTHENTICATED');
    const grants = await listGrants(db, [accountId]);
    const names = await scopeNamesFor(db, grants);
    return {
      authenticated: true as const,
      account: {
        id: account.id,
        username: account.username,
        displayName: account.display_name,
        phone: account.phone,
        mustChangePassword: account.must_change_password === 1,
      },
      grants: grants.map((g) => presentGrant(g, names)),
      permissions: [...(permissions ?? permissionsOf(grants.map((g) => g.role)))],
      csrfToken,
    };
  }

  // Secure when configured, and always when the request came over TLS (directly or through a trusted proxy).
  const setSessionCookie = (reply: FastifyReply, token: string, expiresAt: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies || reply.request.protocol === 'https',
      path: '/',
      expires: new Date(expiresAt),
    });

  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags: authTags, summary: 'Sign in with user name and password', body: loginBody, response: { 200: sessionSchema } },
    },
    async (req, reply) => {
      const outcome = await signIn(db, config, contextOf(req), {
        username: req.body.username,
        password: req.body.password,
        userAgent: req.headers['user-agent'] ?? null,
      });
      if (outcome.kind === 'invalid') throw new AppError('INVALID_CREDENTIALS');
      if (outcome.kind === 'locked') {
        const minutes = Math.max(1, Math.ceil((Date.parse(outcome.until) - Date.now()) / 60_000));
        throw new AppError(
          'ACCOUNT_LOCKED',
          { zh: `请 ${minutes} 分钟后再试`, en: `Try again in ${minutes} minute(s)` },
          { retryAfterSeconds: minutes * 60 },
        );
      }
      setSessionCookie(reply, outcome.token, outcome.expiresAt);
      return sessionView(outcome.accountId, outcome.csrfToken);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: authTags, summary: 'Sign out (ends the session)', response: { 204: z.null() } },
    },
    async (req, reply) => {
      if (req.actor?.sessionId) await signOut(db, contextOf(req), req.actor.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'public' },
      schema: { tags: authTags, summary: 'Who is signed in, with roles, permissions and the CSRF token', response: { 200: sessionSchema } },
    },
    async (req) => {
      const actor = req.actor;
      if (!actor || actor.via !== 'session' || !actor.csrfToken) return { authenticated: false as const };
      return sessionView(actor.id, actor.csrfToken, actor.permissions);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: authTags, summary: 'Change your own password', body: changePasswordBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      await changePassword(db, contextOf(req), {
        accountId: actor.id,
        sessionId: actor.sessionId,
        currentPassword: req.body.currentPassword,
        newPassword: req.body.newPassword,
        lang: langOfRequest(req),
      });
      return reply.status(204).send(null);
    },
  );

  const accountTags = ['accounts'];
  app.get(
    '/accounts',
    {
      config: { access: 'accounts:manage' },
      schema: { tags: accountTags, summary: 'List accounts', querystring: accountsQuery, response: { 200: accountListSchema } },
    },
    async (req) => {
      const { q, role, status, limit, offset } = req.query;
      return listAccountViews(db, { q, role, status }, limit, offset, req.actor);
    },
  );
  app.post(
    '/accounts',
    {
      config: { access: 'accounts:manage' },
      schema: { tags: accountTags, summary: 'Create an account with its roles', body: createAccountBody, response: { 201: createdAccountSchema } },
    },
    async (req, reply) => {
      const created = await createAccount(db, contextOf(req), req.body, langOfRequest(req));
      return reply.status(201).send({ account: await getAccountView(db, created.id, req.actor), initialPassword: created.initialPassword });
    },
  );
  app.get(
    '/accounts/:id',
    {
      config: { access: 'accounts:manage' },
      schema: { tags: accountTags, summary: 'One account', params: idParams, response: { 200: accountSchema } },
    },
    async (req) => getAccountView(db, req.params.id, req.actor),
  );
  app.patch(
    '/accounts/:id',
    {
      config: { access: 'accounts:manage' },
      schema: { tags: accountTags, summary: 'Edit or disable an account', params: idParams, body: patchAccountBody, response: { 200: accountSchema } },
    },
    async (req) => {
      await updateAccountDetails(db, contextOf(req), req.params.id, req.body);
      return getAccountView(db, req.params.id, req.actor);
    },
  );
  app.post(
    '/accounts/:id/password-reset',
    {
      config: { access: 'accounts:manage' },
      schema: {
        tags: accountTags,
        summary: 'Reset a password to a temporary one (shown once) and unlock the account',
        params: idParams,
        response: { 200: z.object({ temporaryPassword: z.string() }) },
      },
    },
    async (req) => ({ temporaryPassword: await resetPassword(db, contextOf(req), req.params.id) }),
  );
  app.post(
    '/accounts/:id/grants',
    {
      config: { access: 'accounts:manage' },
      schema: { tags: accountTags, summary: 'Grant a role with its scope', params: idParams, body: grantInput, response: { 200: accountSchema } },
    },
    async (req) => {
      await grantRole(db, contextOf(req), req.params.id, req.body);
      return getAccountView(db, req.params.id, req.actor);
    },
  );
  app.delete(
    '/accounts/:id/grants/:grantId',
    {
      config: { access: 'accounts:manage' },
      schema: { tags: accountTags, summary: 'Revoke a role grant', params: grantParams, response: { 200: accountSchema } },
    },
    async (req) => {
      await revokeRole(db, contextOf(req), req.params.id, req.params.grantId);
      return getAccountView(db, req.params.id, req.actor);
    },
  );

  const unitTags = ['units'];
  app.get(
    '/units',
    {
      config: { access: 'units:read' },
      schema: { tags: unitTags, summary: 'List responsible units (a unit clerk sees their own units)', querystring: unitsQuery, response: { 200: unitListSchema } },
    },
    async (req) => {
      const { q, kind, limit, offset } = req.query;
      // Someone whose only unit-reading role is unit clerk sees only the units they work for.
      const onlyUnits = ownUnitsOnly(req.actor);
      const { rows, total } = await searchUnits(db, { q, kind, ids: onlyUnits }, limit, offset);
      return { items: rows.map(presentUnit), page: { limit, offset, total } };
    },
  );
  app.get(
    '/units/:id',
    {
      config: { access: 'units:read' },
      schema: { tags: unitTags, summary: 'One unit', params: idParams, response: { 200: unitSchema } },
    },
    async (req) => {
      const unit = await findUnit(db, req.params.id);
      const own = ownUnitsOnly(req.actor);
      if (!unit || (own && !own.includes(unit.id))) throw new AppError('NOT_FOUND');
      return presentUnit(unit);
    },
  );
  app.post(
    '/units',
    {
      config: { access: 'units:manage' },
      schema: { tags: unitTags, summary: 'Register a responsible unit', body: createUnitBody, response: { 201: unitSchema } },
    },
    async (req, reply) => reply.status(201).send(presentUnit(await createUnit(db, contextOf(req), req.body))),
  );
  app.patch(
    '/units/:id',
    {
      config: { access: 'units:manage' },
      schema: { tags: unitTags, summary: 'Edit a unit', params: idParams, body: patchUnitBody, response: { 200: unitSchema } },
    },
    async (req) => presentUnit(await updateUnitDetails(db, contextOf(req), req.params.id, req.body)),
  );

  const tokenTags = ['api tokens'];
  app.get(
    '/tokens',
    {
      config: { access: 'tokens:manage' },
      schema: { tags: tokenTags, summary: 'List API tokens (never their secrets)', querystring: z.object(paging), response: { 200: tokenListSchema } },
    },
    async (req) => {
      const { limit, offset } = req.query;
      const { rows, total } = await listApiTokens(db, limit, offset);
      return { items: rows.map(presentToken), page: { limit, offset, total } };
    },
  );
  app.post(
    '/tokens',
    {
      config: { access: 'tokens:manage' },
      schema: { tags: tokenTags, summary: 'Issue an API token; the secret is returned once', body: createTokenBody, response: { 201: createdTokenSchema } },
    },
    async (req, reply) => {
      const { row, secret } = await createApiToken(db, contextOf(req), { ...req.body, scopes: req.body.scopes as Permission[] });
      return reply.status(201).send({ token: presentToken(row), secret });
    },
  );
  app.delete(
    '/tokens/:id',
    {
      config: { access: 'tokens:manage' },
      schema: { tags: tokenTags, summary: 'Revoke an API token', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await revokeApiToken(db, contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
