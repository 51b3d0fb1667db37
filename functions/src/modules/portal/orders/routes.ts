// The portal module's routes for orders (client and staff faces), their states, targets, the client's suppressions and the match preview.
import type { Route } from '../../../http/route';
import type { PortalHooks } from '../hooks';

export function ordersRoutes(_hooks: PortalHooks): Route[] {
  return [];
}
