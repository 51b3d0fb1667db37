// The lead QA reports' shapes (GET /api/leads/reports, leads.review): over the leads created in a
// range (optionally one campaign or one client's), how many are in each state, the analysts'
// approval rate and rejection reasons, the time from the queue to a verdict, the same per agent
// and per campaign, how often the suggested verdict matched the analyst's, and what the AI cost.
import { z } from 'zod';
import type { LeadState } from './leads';

const isoInstant = z.string().datetime({ offset: true });

export const leadReportQuerySchema = z.strictObject({
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  campaignId: z.string().uuid('is not a campaign id').optional(),
  clientOrgId: z.string().uuid('is not an organisation id').optional(),
});
export type LeadReportQuery = z.infer<typeof leadReportQuerySchema>;

/** Time from queueing (new → under review) to the analyst's first verdict, over the leads that have both. */
export interface TimeInQa {
  count: number;
  p50Seconds: number | null;
  p95Seconds: number | null;
}

/** Leads, verdicts and time in QA for one group (an agent, a campaign). */
export interface LeadReportGroup {
  leads: number;
  approved: number;
  rejected: number;
  /** approved / (approved + rejected); null without verdicts. */
  approvalRate: number | null;
  timeInQa: TimeInQa;
}

export type SuggestedVerdict = 'approve' | 'reject' | 'review';
export const SUGGESTED_VERDICTS: readonly SuggestedVerdict[] = ['approve', 'reject', 'review'];
export type HumanVerdict = 'approved' | 'rejected';
export const HUMAN_VERDICTS: readonly HumanVerdict[] = ['approved', 'rejected'];

export interface LeadReport {
  from: string;
  to: string;
  campaignId: string | null;
  clientOrgId: string | null;
  /** Leads created in the range. */
  total: number;
  /** Every state, with 0 where there are none. */
  byState: { state: LeadState; count: number }[];
  /**
   * The analyst's verdict is a lead's latest move out of review (to approved or rejected); a lead
   * published, returned or replaced since was approved.
   */
  verdicts: LeadReportGroup;
  /** The reject reason codes of the rejected leads, with the catalogue's labels, most frequent first. */
  rejectionReasons: { code: string; label: string; count: number }[];
  byAgent: ({ agentId: string | null; agentName: string } & LeadReportGroup)[];
  byCampaign: ({ campaignId: string | null; campaignName: string; campaignKind: 'call' | 'email' | null } & LeadReportGroup)[];
  /**
   * The pipeline's suggested verdict against the analyst's. The rate counts the leads suggested
   * approve or reject that have a verdict; `review` suggestions appear in the matrix only.
   */
  agreement: {
    compared: number;
    agreed: number;
    rate: number | null;
    /** One cell per suggested × human verdict (3 × 2), 0 where there are none. */
    matrix: { suggested: SuggestedVerdict; verdict: HumanVerdict; count: number }[];
  };
  /** What the pipeline's vendor calls cost for these leads (from the stage runs). */
  aiCost: {
    leads: number;
    audioSeconds: number;
    inputTokens: number;
    outputTokens: number;
    costMicros: number;
    /** Per stage, vendor and model. */
    byStage: { stage: string; vendor: string | null; model: string | null; runs: number; audioSeconds: number; inputTokens: number; outputTokens: number; costMicros: number }[];
  };
}
