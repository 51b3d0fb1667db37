// The portal module's routes for the users of a client organisation (client admins invite,
// deactivate and reactivate them) and the portal's me. Under /api/portal, portal.client; every
// read through the tenant scope.
import { z } from 'zod';
import { portalUserInviteSchema, type PortalInviteResult, type PortalMe, type PortalUser } from '@shared/contracts/portal-leads';
import { defineRoute, reply, type Route } from '../../../http/route';
import type { PortalHooks } from '../hooks';
import { inviteOrgUser, listOrgUsers, portalMe, setOrgUserActive } from './users';

const userParams = z.strictObject({ userId: z.string().uuid('is not a user id') });

export function usersRoutes(hooks: PortalHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/portal/users',
      capability: 'portal.client',
      summary: 'The users of my organisation',
      handler: async ({ deps, principal }): Promise<{ items: PortalUser[] }> => listOrgUsers(deps.db, principal),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/portal/users',
      capability: 'portal.client',
      summary: 'Invite a user to my organisation (client admins): a temporary password to hand over, changed at first sign-in',
      body: portalUserInviteSchema,
      handler: async ({ deps, principal, actor, body, logger }) => reply(201, (await inviteOrgUser({ ...deps, logger }, hooks, principal, actor, body)) satisfies PortalInviteResult),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/portal/users/{userId}/deactivate',
      capability: 'portal.client',
      summary: 'Deactivate a user of my organisation (client admins; their sessions end)',
      params: userParams,
      handler: async ({ deps, principal, actor, params, logger }): Promise<PortalUser> => setOrgUserActive({ ...deps, logger }, hooks, principal, actor, params.userId, false),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/portal/users/{userId}/reactivate',
      capability: 'portal.client',
      summary: 'Reactivate a user of my organisation (client admins)',
      params: userParams,
      handler: async ({ deps, principal, actor, params, logger }): Promise<PortalUser> => setOrgUserActive({ ...deps, logger }, hooks, principal, actor, params.userId, true),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/portal/me',
      capability: 'portal.client',
      summary: 'Me: my name, my organisation, whether I am a client admin',
      handler: async ({ deps, principal }): Promise<PortalMe> => portalMe(deps.db, principal),
    }),
  ];
}
