// The portal module's routes for orders (client and staff faces), their states, targets, the
// client's suppressions and the match preview. Client routes (portal.client) take the caller's
// organisation as their tenant scope; staff routes (orders.read, orders.manage) reach every
// organisation. Each route parses, calls one service function and answers.
import type { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import type { Capability } from '@shared/access';
import {
  clientSuppressionAddSchema,
  clientSuppressionDeleteSchema,
  clientSuppressionListQuerySchema,
  orderCreateFieldsSchema,
  orderListQuerySchema,
  orderTargetsSchema,
  orderTransitionSchema,
  orderUpdateSchema,
  staffOrderCreateFieldsSchema,
  type ClientSuppressionAddResult,
  type ClientSuppressionPage,
  type MatchPreview,
  type Order,
  type OrderCreateResult,
  type OrderPage,
  type OrderTargetsResult,
} from '@shared/contracts/portal';
import type { Deps } from '../../../core/deps';
import type { Principal } from '../../../core/principal';
import { logSecurityEvent } from '../../../core/security-log';
import { defineRoute, reply, type Route } from '../../../http/route';
import type { PortalHooks } from '../hooks';
import { clientScope, orderInScope, staffScope, type TenantScope } from '../tenant';
import { matchPreview, unmatchedCsv } from './match';
import { createOrder, getOrder, listOrders, replaceTargets, transitionOrder, updateOrder } from './service';
import { addClientSuppressions, deleteClientSuppressions, listClientSuppressions } from './suppressions';

const orderParams = z.strictObject({ orderId: z.string().uuid('is not an order id') });
const cancelSchema = z.strictObject({ note: z.string().trim().max(2000).optional() }).default({});

async function created(deps: Deps, scope: TenantScope, principal: Principal, result: Awaited<ReturnType<typeof createOrder>>) {
  return reply(201, { ...(await getOrder(deps.db, scope, principal, result.id)), targetsResult: result.targets } satisfies OrderCreateResult);
}

async function unmatchedReply(deps: Deps, scope: TenantScope, orderId: string, logger: Logger) {
  const order = await orderInScope(deps.db, scope, orderId);
  const csv = await unmatchedCsv(deps.db, order.id);
  logSecurityEvent(logger, 'data.exported', { actorId: scope.userId, resource: 'order_unmatched_domains', orderId: order.id, rows: csv.rows });
  return reply(200, undefined, {
    raw: { text: csv.text },
    rows: csv.rows,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="order-${order.number}-unmatched-domains.csv"` },
  });
}

async function match(deps: Deps, hooks: PortalHooks, scope: TenantScope, orderId: string): Promise<MatchPreview> {
  const order = await orderInScope(deps.db, scope, orderId);
  return matchPreview(deps.db, hooks, order, deps.now());
}

/** What differs between the client's and staff's routes on one order: the prefix, the scope, the capabilities and the words. */
interface OrderFace {
  prefix: '/api/portal/orders' | '/api/orders';
  scope: (principal: Principal) => TenantScope;
  read: Capability;
  manage: Capability;
  summaries: { get: string; patch: string; targets: string; unmatched: string; match: string };
}

const CLIENT_FACE: OrderFace = {
  prefix: '/api/portal/orders',
  scope: clientScope,
  read: 'portal.client',
  manage: 'portal.client',
  summaries: {
    get: 'One of my orders with its counts, campaigns, history and next states',
    patch: 'Change one of my orders while it is submitted',
    targets: "Replace my order's target-account list (CSV or pasted domains) while it is submitted",
    unmatched: "My order's target domains we hold no account for, as CSV",
    match: "The match preview of my order's target-account list: domains held, contacts fitting, reachable now",
  },
};

const STAFF_FACE: OrderFace = {
  prefix: '/api/orders',
  scope: staffScope,
  read: 'orders.read',
  manage: 'orders.manage',
  summaries: {
    get: 'An order with its counts, campaigns, history and next states',
    patch: 'Change an order until it is closed, its manager, delivery configuration and account cap too',
    targets: "Replace an order's target-account list until it is closed",
    unmatched: "An order's target domains we hold no account for, as CSV",
    match: "The match preview of an order's target-account list",
  },
};

/** The routes on one order that clients and staff share, each in its own scope (the service refuses what the scope may not do). */
function orderFaceRoutes(hooks: PortalHooks, face: OrderFace): Route[] {
  const { prefix, scope, read, manage, summaries } = face;
  return [
    defineRoute({
      method: 'GET',
      path: `${prefix}/{orderId}`,
      capability: read,
      summary: summaries.get,
      params: orderParams,
      handler: async ({ deps, principal, params }): Promise<Order> => getOrder(deps.db, scope(principal), principal, params.orderId),
    }),
    defineRoute({
      method: 'PATCH',
      path: `${prefix}/{orderId}`,
      capability: manage,
      summary: summaries.patch,
      params: orderParams,
      body: orderUpdateSchema,
      handler: async ({ deps, principal, params, body }): Promise<Order> => {
        const tenant = scope(principal);
        await updateOrder(deps.db, tenant, params.orderId, body, deps.now());
        return getOrder(deps.db, tenant, principal, params.orderId);
      },
    }),
    defineRoute({
      method: 'PUT',
      path: `${prefix}/{orderId}/targets`,
      capability: manage,
      summary: summaries.targets,
      params: orderParams,
      body: orderTargetsSchema,
      rateLimit: 'import',
      handler: async ({ deps, principal, params, body }): Promise<OrderTargetsResult> => replaceTargets(deps.db, scope(principal), params.orderId, body, deps.now()),
    }),
    defineRoute({
      method: 'GET',
      path: `${prefix}/{orderId}/targets/unmatched.csv`,
      capability: read,
      summary: summaries.unmatched,
      params: orderParams,
      rateLimit: 'export',
      handler: async ({ deps, principal, params, logger }) => unmatchedReply(deps, scope(principal), params.orderId, logger),
    }),
    defineRoute({
      method: 'GET',
      path: `${prefix}/{orderId}/match`,
      capability: read,
      summary: summaries.match,
      params: orderParams,
      handler: async ({ deps, principal, params }): Promise<MatchPreview> => match(deps, hooks, scope(principal), params.orderId),
    }),
  ];
}

export function ordersRoutes(hooks: PortalHooks): Route[] {
  return [
    // ------------------------------------------------------------ client: /api/portal
    defineRoute({
      method: 'GET',
      path: '/api/portal/orders',
      capability: 'portal.client',
      summary: "My organisation's orders: filters (state, search), a cursor page, counts per state",
      query: orderListQuerySchema,
      handler: async ({ deps, principal, query }): Promise<OrderPage> => listOrders(deps.db, clientScope(principal), { ...query, orgId: undefined }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/portal/orders',
      capability: 'portal.client',
      summary: 'A new order for my organisation (submitted), with its target-account list when given',
      body: orderCreateFieldsSchema,
      handler: async ({ deps, principal, body }) => {
        const scope = clientScope(principal);
        return created(deps, scope, principal, await createOrder(deps.db, principal.userId, scope.orgId, body, deps.now()));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/portal/orders/{orderId}/cancel',
      capability: 'portal.client',
      summary: 'Cancel one of my orders while it is submitted or in review',
      params: orderParams,
      body: cancelSchema,
      handler: async ({ deps, principal, params, body }): Promise<Order> => {
        const scope = clientScope(principal);
        await transitionOrder(deps.db, scope, principal, params.orderId, { to: 'cancelled', note: body.note }, deps.now());
        return getOrder(deps.db, scope, principal, params.orderId);
      },
    }),
    ...orderFaceRoutes(hooks, CLIENT_FACE),
    defineRoute({
      method: 'GET',
      path: '/api/portal/suppressions',
      capability: 'portal.client',
      summary: "My organisation's own suppression list, a cursor page",
      query: clientSuppressionListQuerySchema,
      handler: async ({ deps, principal, query }): Promise<ClientSuppressionPage> => listClientSuppressions(deps.db, clientScope(principal), query),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/portal/suppressions',
      capability: 'portal.client',
      summary: "Add emails, domains or phones (CSV or entries) to my organisation's suppression list",
      body: clientSuppressionAddSchema,
      rateLimit: 'import',
      handler: async ({ deps, principal, body }): Promise<ClientSuppressionAddResult> => addClientSuppressions(deps.db, clientScope(principal), body),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/portal/suppressions',
      capability: 'portal.client',
      summary: "Remove entries from my organisation's suppression list",
      body: clientSuppressionDeleteSchema,
      handler: async ({ deps, principal, body }) => deleteClientSuppressions(deps.db, clientScope(principal), body.ids),
    }),

    // ------------------------------------------------------------ staff: /api/orders
    defineRoute({
      method: 'GET',
      path: '/api/orders',
      capability: 'orders.read',
      summary: "Every organisation's orders: filters (organisation, state, search), a cursor page, counts per state",
      query: orderListQuerySchema,
      handler: async ({ deps, principal, query }): Promise<OrderPage> => listOrders(deps.db, staffScope(principal), query),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/orders',
      capability: 'orders.manage',
      summary: "A new order on a client organisation's behalf (submitted)",
      body: staffOrderCreateFieldsSchema,
      handler: async ({ deps, principal, body }) => {
        const { orgId, ...order } = body;
        return created(deps, staffScope(principal), principal, await createOrder(deps.db, principal.userId, orgId, order, deps.now()));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/orders/{orderId}/transition',
      capability: 'orders.manage',
      summary: 'Move an order to another state (per the transition table; audited)',
      params: orderParams,
      body: orderTransitionSchema,
      handler: async ({ deps, principal, params, body }): Promise<Order> => {
        const scope = staffScope(principal);
        await transitionOrder(deps.db, scope, principal, params.orderId, body, deps.now());
        return getOrder(deps.db, scope, principal, params.orderId);
      },
    }),
    ...orderFaceRoutes(hooks, STAFF_FACE),
  ];
}
