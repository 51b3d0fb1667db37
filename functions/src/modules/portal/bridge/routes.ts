// The portal module's routes for the bridge from an order to its domain set, segment and campaigns, and pacing.
import type { Route } from '../../../http/route';
import type { PortalHooks } from '../hooks';

export function bridgeRoutes(_hooks: PortalHooks): Route[] {
  return [];
}
