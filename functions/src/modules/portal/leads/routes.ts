// The portal module's routes for the portal's leads: a client's leads (across its orders, of one
// order, CSV, one lead), returns and the return reasons (under /api/portal, portal.client, every read through the
// tenant scope), and staff's view of every lead of an order (under /api/orders, orders.read).
// Publication to orders and the replacement loop run from the leads module's hooks (./publish.ts).
import { z } from 'zod';
import {
  leadReturnSchema,
  portalLeadListQuerySchema,
  portalLeadQuerySchema,
  staffOrderLeadQuerySchema,
  type PortalLead,
  type PortalLeadPage,
  type ReturnReason,
  type StaffOrderLeadPage,
} from '@shared/contracts/portal-leads';
import { logSecurityEvent } from '../../../core/security-log';
import { defineRoute, reply, type Route } from '../../../http/route';
import type { PortalHooks } from '../hooks';
import { clientScope, staffScope } from '../tenant';
import { returnLead } from './returns';
import { clientLeadsCsv, getClientLead, listClientLeads, listClientLeadsAcrossOrders, listStaffLeads, returnReasons } from './views';

const orderParams = z.strictObject({ orderId: z.string().uuid('is not an order id') });
const leadParams = z.strictObject({ leadId: z.string().uuid('is not a lead id') });

export function leadsRoutes(hooks: PortalHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/portal/orders/{orderId}/leads',
      capability: 'portal.client',
      summary: 'The leads delivered to an order of my organisation (delivered, returned, replaced): filters, cursor, total',
      params: orderParams,
      query: portalLeadQuerySchema,
      handler: async ({ deps, principal, params, query }): Promise<PortalLeadPage> => listClientLeads(deps.db, clientScope(principal), params.orderId, query, deps.now()),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/portal/orders/{orderId}/leads.csv',
      capability: 'portal.client',
      summary: "The same leads as a CSV file (the template's headers, formulas neutralised)",
      params: orderParams,
      query: portalLeadQuerySchema.omit({ cursor: true, limit: true }),
      rateLimit: 'export',
      handler: async ({ deps, principal, params, query, logger }) => {
        const csv = await clientLeadsCsv(deps.db, clientScope(principal), params.orderId, query, deps.now());
        logSecurityEvent(logger, 'data.exported', { actorId: principal.userId, resource: 'portal_leads', orderId: params.orderId, rows: csv.rows });
        return reply(200, undefined, {
          raw: { text: csv.text },
          rows: csv.rows,
          headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${csv.reference}-leads.csv"` },
        });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/portal/leads',
      capability: 'portal.client',
      summary: 'The leads delivered to every order of my organisation (or one): states, search, delivery dates, a sort, cursor, total',
      query: portalLeadListQuerySchema,
      handler: async ({ deps, principal, query }): Promise<PortalLeadPage> => listClientLeadsAcrossOrders(deps.db, clientScope(principal), query, deps.now()),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/portal/leads/{leadId}',
      capability: 'portal.client',
      summary: 'A lead delivered to an order of my organisation',
      params: leadParams,
      handler: async ({ deps, principal, params }): Promise<PortalLead> => getClientLead(deps.db, clientScope(principal), params.leadId, deps.now()),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/portal/leads/{leadId}/return',
      capability: 'portal.client',
      summary: "Return a delivered lead within its order's return window, with a return reason (the lead goes back to QA)",
      params: leadParams,
      body: leadReturnSchema,
      handler: async ({ deps, principal, params, body, logger }): Promise<PortalLead> => {
        await returnLead({ ...deps, logger }, hooks, principal, params.leadId, body);
        return getClientLead(deps.db, clientScope(principal), params.leadId, deps.now());
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/portal/return-reasons',
      capability: 'portal.client',
      summary: 'The reasons a lead may be returned for',
      handler: async ({ deps }): Promise<{ items: ReturnReason[] }> => ({ items: await returnReasons(deps.db) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/orders/{orderId}/leads',
      capability: 'orders.read',
      summary: 'Every lead of an order, in QA too, with why an approved one waits',
      params: orderParams,
      query: staffOrderLeadQuerySchema,
      handler: async ({ deps, principal, params, query }): Promise<StaffOrderLeadPage> => listStaffLeads(deps.db, staffScope(principal), params.orderId, query, deps.now()),
    }),
  ];
}
