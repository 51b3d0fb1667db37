// The portal module's face: the API module assembled from its parts' route lists (orders, the
// bridge and pacing, the portal's leads and returns, the client organisation's users), and what
// the jobs and the other modules (through the root) call. Client routes live under /api/portal,
// staff routes under /api/orders; every client query goes through ./tenant.ts.
import type { ApiModule } from '../../http/route';
import type { PortalHooks } from './hooks';
import { ordersRoutes } from './orders';
import { bridgeRoutes } from './bridge/routes';
import { leadsRoutes } from './leads/routes';
import { usersRoutes } from './users/routes';

export function createPortalModule(hooks: PortalHooks): ApiModule {
  return {
    name: 'portal',
    routes: [...ordersRoutes(hooks), ...bridgeRoutes(hooks), ...leadsRoutes(hooks), ...usersRoutes(hooks)],
  };
}

export { noPortalHooks, type BridgeHooks, type PortalHooks } from './hooks';
export { accountCapOf, criteriaFilter } from './bridge/bridge';
export { campaignShares, clientSuppressedContacts, orderForCampaign } from './bridge/order-gate';
export { computePacing, type DeliveryDay, type PacingOrder } from './bridge/pacing';
export { createPacingJob, runPacing, transitionOrderSystem, PACING_JOB, type PacingRunResult } from './bridge/pacing-job';
export { publishApprovedLead, publishWaitingLeads, replaceReturnedLead } from './leads/publish';
export { clientScope, staffScope, orderInScope, scoped, inScope, type TenantScope } from './tenant';
export { orderCounts, criteriaSql, matchPreview, getOrder, listOrders, transitionOrder, transitionOrderBySystem } from './orders';
export type { ReachCounts } from './hooks';
