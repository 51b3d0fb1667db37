// The portal module's routes for the portal's leads: publication to orders, the client's list and CSV, returns and the replacement loop.
import type { Route } from '../../../http/route';
import type { PortalHooks } from '../hooks';

export function leadsRoutes(_hooks: PortalHooks): Route[] {
  return [];
}
