// Identity routes: the local issuer's JWKS, sign-in and sessions (/api/auth/*), the signed-in
// user (/api/me), and the admin APIs for users, roles, organisations and the audit trail.
import { z } from 'zod';
import {
  addRoleRequestSchema,
  auditListQuerySchema,
  changePasswordRequestSchema,
  createOrganisationRequestSchema,
  createUserRequestSchema,
  loginRequestSchema,
  organisationListQuerySchema,
  replaceRolesRequestSchema,
  roleSchema,
  updateUserRequestSchema,
  userListQuerySchema,
} from '@shared/contracts/identity';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Deps } from '../../core/deps';
import { defineRoute, reply, type ApiModule } from '../../http/route';
import { listUserAudit } from './audit';
import { changePassword } from './change-password';
import { createOrganisation, searchOrganisations } from './organisations';
import { addRole, listRoles, migrateRoles, removeRole, replaceRoles } from './roles';
import { endSession, refreshSession, type IssuedSession } from './sessions';
import { signIn } from './sign-in';
import { clearedRefreshCookie, refreshCookie, refreshTokenFromCookies } from './tokens';
import { createUser, deactivateUser, getSessionUser, getUser, reactivateUser, searchUsers, updateUserProfile } from './users';

const userParams = z.strictObject({ userId: z.string().uuid() });
const userRoleParams = z.strictObject({ userId: z.string().uuid(), role: roleSchema });

/** Services log through the request's logger (it carries the request id). */
const scoped = (deps: Deps, logger: Logger): Deps => ({ ...deps, logger });
const sourceIpOf = (event: APIGatewayProxyEventV2): string => event.requestContext?.http?.sourceIp || 'unknown';

function sessionReply(deps: Deps, session: IssuedSession) {
  return reply(200, session.response, { cookies: [refreshCookie(deps.config, session.refreshToken, session.refreshMaxAgeSeconds)] });
}

export const identityModule: ApiModule = {
  name: 'identity',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/.well-known/jwks.json',
      public: true,
      summary: 'The public keys access tokens are signed with',
      handler: async ({ deps }) =>
        reply(200, await deps.signingKeys.jwks(), { headers: { 'cache-control': 'public, max-age=300' } }),
    }),

    // ── sign-in and sessions ─────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'POST',
      path: '/api/auth/login',
      public: true,
      summary: 'Sign in with username or email and password; sets the refresh cookie',
      body: loginRequestSchema,
      handler: async ({ deps, logger, body, event }) =>
        sessionReply(deps, await signIn(scoped(deps, logger), { ...body, sourceIp: sourceIpOf(event) })),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/auth/refresh',
      // Authenticated by the http-only refresh cookie, not a bearer token.
      public: true,
      summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)',
      handler: async ({ deps, logger, event }) =>
        sessionReply(
          deps,
          await refreshSession(scoped(deps, logger), { refreshToken: refreshTokenFromCookies(event.cookies), sourceIp: sourceIpOf(event) }),
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/auth/logout',
      // Works with an expired access token: it only ends the session the cookie names.
      public: true,
      summary: 'End this browser session and clear the refresh cookie',
      handler: async ({ deps, logger, event }) => {
        await endSession(scoped(deps, logger), { refreshToken: refreshTokenFromCookies(event.cookies), sourceIp: sourceIpOf(event) });
        return reply(204, undefined, { cookies: [clearedRefreshCookie(deps.config)] });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/auth/password',
      authenticated: true,
      allowDuringPasswordChange: true,
      summary: 'Change your password; ends your other sessions and answers a fresh token',
      body: changePasswordRequestSchema,
      handler: async ({ deps, logger, body, principal, requestId, event }) =>
        sessionReply(deps, await changePassword(scoped(deps, logger), { ...body, principal, requestId, sourceIp: sourceIpOf(event) })),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/me',
      authenticated: true,
      allowDuringPasswordChange: true,
      summary: 'The signed-in user with their current roles',
      handler: async ({ deps, principal }) => getSessionUser(deps, { userId: principal.userId }),
    }),

    // ── users (admin) ────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/users',
      capability: 'admin',
      summary: 'Users, searchable and filterable, cursor-paginated',
      query: userListQuerySchema,
      handler: async ({ deps, query }) => searchUsers(deps, query),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/users',
      capability: 'admin',
      summary: 'Create a user with roles (client users need an organisation)',
      body: createUserRequestSchema,
      handler: async ({ deps, logger, body, actor }) =>
        reply(201, await createUser(scoped(deps, logger), { request: body, context: actor })),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/users/migrate-roles',
      capability: 'admin',
      summary: 'Copy legacy single roles into the role assignments (idempotent)',
      handler: async ({ deps, logger, actor }) => migrateRoles(scoped(deps, logger), { context: actor }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/users/{userId}',
      capability: 'admin',
      summary: 'One user',
      params: userParams,
      handler: async ({ deps, params }) => getUser(deps, params),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/users/{userId}',
      capability: 'admin',
      summary: "Edit a user's email or name",
      params: userParams,
      body: updateUserRequestSchema,
      handler: async ({ deps, logger, params, body, actor }) =>
        updateUserProfile(scoped(deps, logger), { userId: params.userId, request: body, context: actor }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/users/{userId}/deactivate',
      capability: 'admin',
      summary: 'Deactivate a user: their tokens and sessions stop working (not the last active admin)',
      params: userParams,
      handler: async ({ deps, logger, params, actor }) =>
        deactivateUser(scoped(deps, logger), { userId: params.userId, context: actor }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/users/{userId}/reactivate',
      capability: 'admin',
      summary: 'Reactivate a user (and clear a lockout)',
      params: userParams,
      handler: async ({ deps, logger, params, actor }) =>
        reactivateUser(scoped(deps, logger), { userId: params.userId, context: actor }),
    }),

    // ── roles (admin) ────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/users/{userId}/roles',
      capability: 'admin',
      summary: "A user's roles with who assigned them and when",
      params: userParams,
      handler: async ({ deps, params }) => listRoles(deps, params),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/users/{userId}/roles',
      capability: 'admin',
      summary: 'Add one role',
      params: userParams,
      body: addRoleRequestSchema,
      handler: async ({ deps, logger, params, body, actor }) =>
        addRole(scoped(deps, logger), { userId: params.userId, role: body.role, context: actor }),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/users/{userId}/roles',
      capability: 'admin',
      summary: "Replace a user's roles",
      params: userParams,
      body: replaceRolesRequestSchema,
      handler: async ({ deps, logger, params, body, actor }) =>
        replaceRoles(scoped(deps, logger), { userId: params.userId, roles: body.roles, context: actor }),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/users/{userId}/roles/{role}',
      capability: 'admin',
      summary: 'Remove one role (not your own admin role, not from the last active admin)',
      params: userRoleParams,
      handler: async ({ deps, logger, params, actor }) =>
        removeRole(scoped(deps, logger), { userId: params.userId, role: params.role, context: actor }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/users/{userId}/audit',
      capability: 'admin',
      summary: "A user's audit trail, newest first",
      params: userParams,
      query: auditListQuerySchema,
      handler: async ({ deps, params, query }) => listUserAudit(deps, { userId: params.userId, query }),
    }),

    // ── organisations (admin) ────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/organisations',
      capability: 'admin',
      summary: 'Client organisations by name',
      query: organisationListQuerySchema,
      handler: async ({ deps, query }) => searchOrganisations(deps, query),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/organisations',
      capability: 'admin',
      summary: 'Create a client organisation',
      body: createOrganisationRequestSchema,
      handler: async ({ deps, logger, body, actor }) =>
        reply(201, await createOrganisation(scoped(deps, logger), { request: body, context: actor })),
    }),
  ],
};
