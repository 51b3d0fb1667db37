// The dialer's routes under /api/telephony: the control centre's queues (live counts, settings,
// fill, start, pause) and the call reports (per agent, per campaign, the compliance report).
// Campaign managers and admins (`calls.manage`).
import { z } from 'zod';
import { dialerSettingsUpdateSchema, reportRangeSchema } from '@shared/contracts/telephony';
import { defineRoute, type Route } from '../../../http/route';
import type { TelephonyHooks } from '../hooks';
import { listQueues, pauseQueue, startQueue, updateQueueSettings } from './control';
import { fillQueue } from './fill';
import { agentReport, campaignReport, complianceReport } from './reports';

const BASE = '/api/telephony';
const campaignParams = z.strictObject({ campaignId: z.string().uuid('is not a campaign id') });
const fillSchema = z.strictObject({ priority: z.number().int().min(-1000).max(1000).optional() }).optional();

export function dialerRoutes(hooks: TelephonyHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: `${BASE}/dialer/queues`,
      capability: 'calls.manage',
      summary: 'Dialer queues with live counts: items by status, calls ringing and connected, abandonment over 30 days, agents by status',
      handler: async ({ deps }) => listQueues(deps),
    }),
    defineRoute({
      method: 'PATCH',
      path: `${BASE}/dialer/queues/{campaignId}`,
      capability: 'calls.manage',
      summary: 'Change a queue’s settings (mode, ratio, concurrency, AMD, priority, pacing, attempts, ring time, retries)',
      params: campaignParams,
      body: dialerSettingsUpdateSchema,
      handler: async ({ deps, params, body }) => updateQueueSettings(deps, params.campaignId, body),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/dialer/queues/{campaignId}/fill`,
      capability: 'calls.manage',
      summary: 'Put the campaign’s audience through the contact gate into its queue (adds contacts not queued yet)',
      params: campaignParams,
      body: fillSchema,
      handler: async ({ deps, actor, params, body }) => fillQueue(deps, hooks, params.campaignId, actor, body ?? {}),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/dialer/queues/{campaignId}/start`,
      capability: 'calls.manage',
      summary: 'Start dialling (refused while abandonment is at the pause threshold)',
      params: campaignParams,
      handler: async ({ deps, params }) => startQueue(deps, params.campaignId),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/dialer/queues/{campaignId}/pause`,
      capability: 'calls.manage',
      summary: 'Stop dialling (calls in progress finish)',
      params: campaignParams,
      handler: async ({ deps, params }) => pauseQueue(deps, params.campaignId),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/reports/agents`,
      capability: 'calls.manage',
      summary: 'Per agent: calls, talk time, after-call work, dispositions and conversion (default: the last 30 days)',
      query: reportRangeSchema,
      handler: async ({ deps, query }) => agentReport(deps, query),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/campaigns/{campaignId}/report`,
      capability: 'calls.manage',
      summary: 'A call campaign’s attempts, connects, positives and abandonment, by day and by disposition',
      params: campaignParams,
      query: reportRangeSchema,
      handler: async ({ deps, params, query }) => campaignReport(deps, params.campaignId, query),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/campaigns/{campaignId}/compliance`,
      capability: 'calls.manage',
      summary: 'Every abandoned call of the last 30 days with its answer, safe-harbour message and end times',
      params: campaignParams,
      handler: async ({ deps, params }) => complianceReport(deps, params.campaignId),
    }),
  ];
}
