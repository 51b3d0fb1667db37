// The leads routes of the leads module (under /api/leads): the QA queue and a lead's review page,
// leads by hand and by import, corrections, the checklist, transitions (one by one and bulk
// approval of rule-perfect leads), a rescore, the call's recording, the reason-code catalogue and
// each campaign's QA settings. Each route parses, calls one service function and answers.
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import {
  bulkApproveSchema,
  checklistUpdateSchema,
  createLeadSchema,
  importLeadsSchema,
  leadCampaignSettingsSchema,
  leadListQuerySchema,
  reasonCodeCatalogueSchema,
  transitionSchema,
  updateLeadSchema,
  type BulkApproveResult,
  type LeadCampaignSettings,
  type LeadDetail,
  type LeadClient,
  type LeadImportResult,
  type LeadListPage,
  type LeadRecordingLink,
  type ReasonCodeCatalogue,
} from '@shared/contracts/leads';
import { recordIdParams } from '../../../http/params';
import { defineRoute, reply, type Route } from '../../../http/route';
import { organisations } from '../../../db/schema';
import type { LeadsHooks } from '../hooks';
import { getCampaignSettings, putCampaignSettings } from './campaign-settings';
import { createLead, importLeads } from './create';
import { getLead } from './detail';
import { tickChecklist, updateLead } from './edit';
import { listLeads } from './queue';
import { leadRecordingLink } from './recording';
import { listReasonCodes, putReasonCodes } from './reason-codes';
import { bulkApprove, rescoreLead, reviewLead } from './review';

const campaignParams = z.strictObject({ campaignId: z.string().uuid('is not a campaign id') });

export function leadsRoutes(hooks: LeadsHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/leads',
      capability: 'leads.review',
      summary: 'The QA queue: filters, sort, a cursor page of lead summaries with their age and SLA',
      query: leadListQuerySchema,
      handler: async ({ deps, query }): Promise<LeadListPage> => listLeads(deps, query),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/leads',
      capability: 'leads.review',
      summary: 'A lead by hand for a contact and a campaign (its pipeline starts)',
      body: createLeadSchema,
      handler: async ({ deps, principal, body, logger }) => {
        const id = await createLead({ ...deps, logger }, principal.userId, body, hooks);
        return reply(201, (await getLead(deps, principal, id)) satisfies LeadDetail);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/leads/import',
      capability: 'leads.review',
      summary: 'A lead CSV for a campaign: rows matched to contacts by email, the other columns as answers; whole or nothing',
      body: importLeadsSchema,
      rateLimit: 'import',
      handler: async ({ deps, principal, body, logger }): Promise<LeadImportResult> => importLeads({ ...deps, logger }, principal.userId, body, hooks),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/leads/bulk-approve',
      capability: 'leads.review',
      summary: 'Approve rule-perfect leads (required checklist items ticked by the approver); the others skipped with why',
      body: bulkApproveSchema,
      handler: async ({ deps, principal, body, logger }): Promise<BulkApproveResult> => bulkApprove({ ...deps, logger }, hooks, principal, body.ids),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/leads/clients',
      capability: 'leads.review',
      summary: 'The client organisations leads are for (names only), for QA settings and delivery configurations',
      handler: async ({ deps }): Promise<{ items: LeadClient[] }> => ({
        items: await deps.db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)),
      }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/leads/reason-codes',
      capability: 'leads.review',
      summary: 'The reasons a lead is rejected or returned',
      handler: async ({ deps }): Promise<ReasonCodeCatalogue> => listReasonCodes(deps),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/leads/reason-codes',
      capability: 'leads.configure',
      summary: 'The whole reason-code catalogue (codes in use are deactivated, never deleted)',
      body: reasonCodeCatalogueSchema,
      handler: async ({ deps, body }): Promise<ReasonCodeCatalogue> => putReasonCodes(deps, body),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/leads/campaigns/{campaignId}/settings',
      capability: 'leads.review',
      summary: "A call or email campaign's QA settings: client, checklist, account criteria, delivery at once",
      params: campaignParams,
      handler: async ({ deps, params }): Promise<LeadCampaignSettings> => getCampaignSettings(deps, params.campaignId),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/leads/campaigns/{campaignId}/settings',
      capability: 'leads.configure',
      summary: "Save a campaign's QA settings",
      params: campaignParams,
      body: leadCampaignSettingsSchema,
      handler: async ({ deps, params, body }): Promise<LeadCampaignSettings> => putCampaignSettings(deps, params.campaignId, body),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/leads/{id}',
      capability: 'leads.review',
      summary: 'A lead with its transcript, score and evidence, account check, checklist, history, corrections and deliveries',
      params: recordIdParams,
      handler: async ({ deps, principal, params }): Promise<LeadDetail> => getLead(deps, principal, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/leads/{id}',
      capability: 'leads.review',
      summary: "Correct a lead's fields, answers or notes (each change audited; not once the client has it)",
      params: recordIdParams,
      body: updateLeadSchema,
      handler: async ({ deps, principal, params, body }): Promise<LeadDetail> => {
        await updateLead(deps, principal.userId, params.id, body);
        return getLead(deps, principal, params.id);
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/leads/{id}/checklist',
      capability: 'leads.review',
      summary: "Tick or untick items of the campaign's checklist",
      params: recordIdParams,
      body: checklistUpdateSchema,
      handler: async ({ deps, principal, params, body }): Promise<LeadDetail> => {
        await tickChecklist(deps, principal.userId, params.id, body);
        return getLead(deps, principal, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/leads/{id}/transition',
      capability: 'leads.review',
      summary: 'Move a lead to another state (per the transition table; reasons from the catalogue)',
      params: recordIdParams,
      body: transitionSchema,
      handler: async ({ deps, principal, params, body, logger }): Promise<LeadDetail> => {
        await reviewLead({ ...deps, logger }, hooks, principal, params.id, body);
        return getLead(deps, principal, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/leads/{id}/rescore',
      capability: 'leads.review',
      summary: 'Run the pipeline again on a lead not yet decided',
      params: recordIdParams,
      handler: async ({ deps, principal, params, logger }) => {
        await rescoreLead({ ...deps, logger }, params.id);
        return reply(202, (await getLead(deps, principal, params.id)) satisfies LeadDetail);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/leads/{id}/recording',
      capability: 'leads.review',
      summary: "A short-lived signed link to the recording of the lead's call",
      params: recordIdParams,
      handler: async ({ deps, params }): Promise<LeadRecordingLink> => leadRecordingLink(deps, params.id),
    }),
  ];
}
