// The leads module's face: the API module assembled from its parts' route lists (leads and their
// states, the QA pipeline with the transcription webhook, client delivery, reports), and what the
// workflows, the jobs and the other modules (through the root) call.
import type { ApiModule } from '../../http/route';
import type { LeadsHooks } from './hooks';
import { leadsRoutes } from './leads/routes';
import { pipelineRoutes } from './pipeline/routes';
import { deliveryRoutes } from './delivery/routes';
import { reportsRoutes } from './reports/routes';

export function createLeadsModule(hooks: LeadsHooks): ApiModule {
  return {
    name: 'leads',
    routes: [...leadsRoutes(hooks), ...pipelineRoutes(hooks), ...deliveryRoutes(hooks), ...reportsRoutes(hooks)],
  };
}

export { noLeadsHooks, type LeadsHooks } from './hooks';
export { transitionLead, recordCreation, type LeadActor, type TransitionInput } from './leads/transitions';
export { createLeadFromCall, createLead, importLeads, startCreatedLead } from './leads/create';
export { getLead, type LeadViewer } from './leads/detail';
export { listLeads } from './leads/queue';
export { leadsOfContacts } from './leads/leads-of-contacts';
export { findCampaign, getCampaignSettings, settingsForCampaign, checklistOf, type LeadCampaign } from './leads/campaign-settings';
export { listReasonCodes } from './leads/reason-codes';
export * from './pipeline/index';
export { deliverLead, deliveryKitOf, leadDeliverySweepJob, retryDelivery, startLeadDeliveryWorkflow, sweepLeadDeliveries } from './delivery/deliver';
export { failLeadDeliveries, runLeadDeliveries, type RunResult } from './delivery/engine';
export { leadTimelineSource } from './delivery/timeline-source';
export { seedDemoDeliveryWebhook, seedLeadsDemo, type LeadsDemoReport } from './demo-data';
