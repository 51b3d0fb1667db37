// The reports routes of the leads module (under /api/leads): the lead QA report for a range,
// optionally one campaign's or one client's (leads.review).
import { leadReportQuerySchema } from '@shared/contracts/lead-reports';
import { defineRoute, type Route } from '../../../http/route';
import type { LeadsHooks } from '../hooks';
import { leadReport } from './lead-report';

export function reportsRoutes(_hooks: LeadsHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/leads/reports',
      capability: 'leads.review',
      summary:
        'Lead QA report: leads by state, approval rate, rejection reasons, time in QA (p50/p95), per agent and campaign, AI against human verdicts, AI cost (default: the last 30 days)',
      query: leadReportQuerySchema,
      handler: async ({ deps, query }) => leadReport(deps, query),
    }),
  ];
}
