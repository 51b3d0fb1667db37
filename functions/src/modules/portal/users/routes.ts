// The portal module's routes for the users of a client organisation (client admins invite and deactivate them) and the portal's me.
import type { Route } from '../../../http/route';
import type { PortalHooks } from '../hooks';

export function usersRoutes(_hooks: PortalHooks): Route[] {
  return [];
}
