// Call campaign routes under /api/telephony/campaigns: campaign managers (calls.manage) build and
// run them; agents (calls.make) read the ones they are assigned to, and only those, with their
// script's content links as the tracking URLs of the contacts they reach.
import { z } from 'zod';
import {
  agentsPutSchema,
  CALL_CAMPAIGN_STATUSES,
  callCampaignInputSchema,
  callCampaignUpdateSchema,
  dispositionsPutSchema,
  scriptContentLinksQuerySchema,
  scriptMergeFieldsQuerySchema,
  type ScriptContentLinks,
} from '@shared/contracts/telephony';
import { defineRoute, noContent, reply, type Route } from '../../../http/route';
import type { TelephonyHooks } from '../hooks';
import { trunkOptions } from '../settings/trunks';
import { assignableAgents } from './agents';
import { scriptMergeFields } from './script';
import { scriptContentLinks } from './script-content';
import {
  activateCampaign,
  cloneCampaign,
  completeCampaign,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  pauseCampaign,
  putAgents,
  putDispositions,
  readableCampaign,
  updateCampaign,
} from './service';

const idParams = z.strictObject({ id: z.string().uuid('is not a campaign id') });
const listQuery = z.strictObject({ status: z.enum(CALL_CAMPAIGN_STATUSES).optional(), q: z.string().trim().max(120).optional() });
const cloneSchema = z.strictObject({ name: z.string().trim().min(1).max(120).optional() });

const BASE = '/api/telephony/campaigns';

export function campaignsRoutes(hooks: TelephonyHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: BASE,
      capability: 'calls.make',
      summary: 'Call campaigns, newest first, with agents, queued contacts and calls (agents: only those they are assigned to)',
      query: listQuery,
      handler: async ({ deps, principal, query }) => ({ items: await listCampaigns(deps, principal, query) }),
    }),
    defineRoute({
      method: 'POST',
      path: BASE,
      capability: 'calls.manage',
      summary: 'Create a draft call campaign with the default dispositions',
      body: callCampaignInputSchema,
      handler: async ({ deps, actor, body }) => reply(201, await createCampaign(deps, actor, body)),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/{id}`,
      capability: 'calls.make',
      summary: 'A call campaign with its script, form, dispositions and agents (404 to an agent not assigned to it)',
      params: idParams,
      handler: async ({ deps, principal, params }) => getCampaign(deps, params.id, principal),
    }),
    defineRoute({
      method: 'PATCH',
      path: `${BASE}/{id}`,
      capability: 'calls.manage',
      summary: 'Edit a call campaign (not once completed); the script is sanitized and its merge fields checked (content.* against the content linked to it)',
      params: idParams,
      body: callCampaignUpdateSchema,
      handler: async ({ deps, params, body }) => updateCampaign(deps, hooks, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/{id}/content-links`,
      capability: 'calls.make',
      summary:
        "The script's content links as one contact's tracking URLs, made where missing (404 for a campaign an agent is not assigned to or a contact out of their reach, like a missing one)",
      params: idParams,
      query: scriptContentLinksQuerySchema,
      handler: async ({ deps, principal, params, query }): Promise<ScriptContentLinks> => ({
        items: await scriptContentLinks(deps, hooks, { campaignId: params.id, contactId: query.contactId, reader: principal }),
      }),
    }),
    defineRoute({
      method: 'DELETE',
      path: `${BASE}/{id}`,
      capability: 'calls.manage',
      summary: 'Delete a call campaign that is not calling (409 while active)',
      params: idParams,
      handler: async ({ deps, params }) => noContent(deleteCampaign(deps, params.id)),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{id}/clone`,
      capability: 'calls.manage',
      summary: 'A new draft with the same settings, script, form, dispositions and agents',
      params: idParams,
      body: cloneSchema,
      handler: async ({ deps, actor, params, body }) => reply(201, await cloneCampaign(deps, actor, params.id, body.name)),
    }),
    defineRoute({
      method: 'PUT',
      path: `${BASE}/{id}/dispositions`,
      capability: 'calls.manage',
      summary: 'Replace the dispositions (codes and shortcut keys unique; positions by order)',
      params: idParams,
      body: dispositionsPutSchema,
      handler: async ({ deps, params, body }) => putDispositions(deps, params.id, body.dispositions),
    }),
    defineRoute({
      method: 'PUT',
      path: `${BASE}/{id}/agents`,
      capability: 'calls.manage',
      summary: 'Replace the agents (users whose role makes calls)',
      params: idParams,
      body: agentsPutSchema,
      handler: async ({ deps, params, body }) => putAgents(deps, params.id, body.userIds),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{id}/activate`,
      capability: 'calls.manage',
      summary: 'Start or resume calling (409 naming what is missing); the first start makes the paused dialer queue',
      params: idParams,
      handler: async ({ deps, params }) => activateCampaign(deps, hooks, params.id),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{id}/pause`,
      capability: 'calls.manage',
      summary: 'Pause calling (and the dialer queue)',
      params: idParams,
      handler: async ({ deps, params }) => pauseCampaign(deps, params.id),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{id}/complete`,
      capability: 'calls.manage',
      summary: 'End the campaign: no more calls, read-only from now on',
      params: idParams,
      handler: async ({ deps, params }) => completeCampaign(deps, params.id),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/telephony/agents',
      capability: 'calls.manage',
      summary: 'The users who may be assigned to call campaigns (their role makes calls)',
      handler: async ({ deps }) => ({ items: await assignableAgents(deps.db) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/telephony/trunk-options',
      capability: 'calls.manage',
      summary: 'The live trunks a campaign may call through, with their caller ids (nothing about credentials)',
      handler: async ({ deps }) => ({ items: await trunkOptions(deps.db) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/telephony/merge-fields',
      capability: 'calls.manage',
      summary: "The merge fields a call script may use: contact and account fields with sample values, and with ?campaignId that campaign's content links",
      query: scriptMergeFieldsQuerySchema,
      handler: async ({ deps, query }) => {
        if (!query.campaignId) return { items: scriptMergeFields() };
        await readableCampaign(deps.db, query.campaignId);
        return { items: scriptMergeFields(await hooks.scriptContent.fields(deps.db, query.campaignId)) };
      },
    }),
  ];
}
