// The portal module's routes for the bridge from an order to its domain set, segment and
// campaigns (staff, /api/orders/{orderId}/…), and pacing: staff for one order or every live one,
// clients for their own organisation's orders (another organisation's id answers 404).
import { z } from 'zod';
import { orderBridgeSchema, orderCampaignLinkSchema, type OrderBridgeResult, type OrderPacing, type PacingOverview } from '@shared/contracts/portal-pacing';
import type { OrderCampaign } from '@shared/contracts/portal-pacing';
import { defineRoute, type Route } from '../../../http/route';
import type { PortalHooks } from '../hooks';
import { clientScope, staffScope } from '../tenant';
import { bridgeOrder } from './bridge';
import { linkCampaign, listOrderCampaigns, unlinkCampaign } from './campaigns';
import { orderPacing, pacingOverview } from './pacing-read';

const orderParams = z.strictObject({ orderId: z.string().uuid('is not an order id') });

export function bridgeRoutes(hooks: PortalHooks): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/orders/{orderId}/bridge',
      capability: 'orders.manage',
      summary: "Turn an approved or live order into a domain set of its targets and a segment of its criteria within it (again: the same set and segment brought up to date)",
      params: orderParams,
      body: orderBridgeSchema,
      handler: async ({ deps, principal, params, body }): Promise<OrderBridgeResult> =>
        bridgeOrder(deps, hooks, { scope: staffScope(principal), orderId: params.orderId, ...body }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/orders/{orderId}/campaigns',
      capability: 'orders.read',
      summary: 'The call and email campaigns working the order',
      params: orderParams,
      handler: async ({ deps, principal, params }): Promise<{ items: OrderCampaign[] }> => listOrderCampaigns(deps, hooks, staffScope(principal), params.orderId),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/orders/{orderId}/campaigns',
      capability: 'orders.manage',
      summary: 'Link a call or email campaign to the order (a campaign works one order: 409 when it works another)',
      params: orderParams,
      body: orderCampaignLinkSchema,
      handler: async ({ deps, principal, params, body }): Promise<{ items: OrderCampaign[] }> =>
        linkCampaign(deps, hooks, { scope: staffScope(principal), orderId: params.orderId, ...body }),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/orders/{orderId}/campaigns',
      capability: 'orders.manage',
      summary: 'Unlink a campaign from the order',
      params: orderParams,
      body: orderCampaignLinkSchema,
      handler: async ({ deps, principal, params, body }): Promise<{ items: OrderCampaign[] }> =>
        unlinkCampaign(deps, hooks, { scope: staffScope(principal), orderId: params.orderId, ...body }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/orders/pacing',
      capability: 'orders.read',
      summary: "Every live order's pace, soonest end first",
      handler: async ({ deps }): Promise<PacingOverview> => pacingOverview(deps),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/orders/{orderId}/pacing',
      capability: 'orders.read',
      summary: "The order's pace: delivered against expected, status, forecast, daily series and throttle",
      params: orderParams,
      handler: async ({ deps, principal, params }): Promise<OrderPacing> => orderPacing(deps, staffScope(principal), params.orderId),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/portal/orders/{orderId}/pacing',
      capability: 'portal.client',
      summary: "One of my organisation's orders' pace",
      params: orderParams,
      handler: async ({ deps, principal, params }): Promise<OrderPacing> => orderPacing(deps, clientScope(principal), params.orderId),
    }),
  ];
}
