// The delivery routes of the leads module (under /api/leads): configurations (leads.configure;
// secrets answered only on create and rotate), one-click delivery, deliveries with their receipts,
// the dead-letter list and its retry (leads.review), a configuration's test send and a CSV
// configuration's file.
import {
  deliveryConfigInputSchema,
  deliveryConfigListQuerySchema,
  deliveryConfigUpdateSchema,
  deliveryListQuerySchema,
} from '@shared/contracts/lead-delivery';
import { z } from 'zod';
import { defineRoute, noContent, reply, type Route } from '../../../http/route';
import type { LeadsHooks } from '../hooks';
import { configDepsOf, createConfig, deleteConfig, getConfig, listConfigs, rotateSecret, updateConfig } from './configs';
import { deliverLead, deliveryKitOf, retryDelivery } from './deliver';
import { configFileLink, getDelivery, listDeliveries, testConfig } from './views';

const BASE = '/api/leads';
const idParams = z.strictObject({ id: z.string().uuid('is not an id') });

export function deliveryRoutes(_hooks: LeadsHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: `${BASE}/delivery-configs`,
      capability: 'leads.configure',
      summary: 'Delivery configurations, optionally of one client (secrets never shown)',
      query: deliveryConfigListQuerySchema,
      handler: async ({ deps, query }) => ({ items: await listConfigs(deps.db, query.clientOrgId) }),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/delivery-configs`,
      capability: 'leads.configure',
      summary: 'Add a delivery configuration; a webhook or form post answers its signing secret this once (503 without a secret store)',
      body: deliveryConfigInputSchema,
      handler: async ({ deps, body, actor }) => reply(201, await createConfig(configDepsOf(deps, deliveryKitOf(deps).secrets), body, actor.userId)),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/delivery-configs/{id}`,
      capability: 'leads.configure',
      summary: 'One delivery configuration',
      params: idParams,
      handler: async ({ deps, params }) => getConfig(deps.db, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      path: `${BASE}/delivery-configs/{id}`,
      capability: 'leads.configure',
      summary: 'Change a delivery configuration (its kind and client stay)',
      params: idParams,
      body: deliveryConfigUpdateSchema,
      handler: async ({ deps, params, body }) => updateConfig(configDepsOf(deps, deliveryKitOf(deps).secrets), params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      path: `${BASE}/delivery-configs/{id}`,
      capability: 'leads.configure',
      summary: 'Remove a delivery configuration and its secret (its deliveries’ history stays)',
      params: idParams,
      handler: async ({ deps, params }) => noContent(deleteConfig(configDepsOf(deps, deliveryKitOf(deps).secrets), params.id)),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/delivery-configs/{id}/test`,
      capability: 'leads.configure',
      summary: 'Send a sample lead through the configuration once and answer the receipt (no delivery is kept)',
      params: idParams,
      handler: async ({ deps, params }) => testConfig(deps, deliveryKitOf(deps), params.id),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/delivery-configs/{id}/secret`,
      capability: 'leads.configure',
      summary: 'Rotate the signing secret: the new one is answered this once',
      params: idParams,
      handler: async ({ deps, params }) => rotateSecret(configDepsOf(deps, deliveryKitOf(deps).secrets), params.id),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/delivery-configs/{id}/file`,
      capability: 'leads.review',
      summary: 'A CSV configuration’s delivered leads as a file: a link valid 15 minutes',
      params: idParams,
      handler: async ({ deps, params }) => configFileLink(deps, params.id),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{id}/deliver`,
      capability: 'leads.review',
      summary: 'Deliver an approved lead to every matching configuration of its client (409 unless approved); answers its deliveries',
      params: idParams,
      handler: async ({ deps, params, actor }) => {
        await deliverLead(deps, params.id, actor.userId);
        return reply(202, await listDeliveries(deps, { leadId: params.id, limit: 200 }));
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/deliveries`,
      capability: 'leads.review',
      summary: 'Deliveries, newest first (the dead-letter list: status=dead)',
      query: deliveryListQuerySchema,
      handler: async ({ deps, query }) => listDeliveries(deps, query),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/deliveries/{id}`,
      capability: 'leads.review',
      summary: 'One delivery with a receipt per attempt',
      params: idParams,
      handler: async ({ deps, params }) => getDelivery(deps, params.id),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/deliveries/{id}/retry`,
      capability: 'leads.review',
      summary: 'Send a dead or failed delivery again now, with a fresh round of attempts (409 for any other)',
      params: idParams,
      handler: async ({ deps, params }) => {
        await retryDelivery(deps, params.id);
        return reply(202, await getDelivery(deps, params.id));
      },
    }),
  ];
}
