// Step Functions task of the lead pipeline (every task's Catch): queue the lead flagged needs_review with the reason.
import { withLeadsAiSecret } from '../adapters/leads-ai-secret';
import { getDeps } from '../deps';
import { flagLead, type PipelineRun } from '../modules/leads';

export const handler = withLeadsAiSecret(
  async (input: PipelineRun & { error?: { Error?: string; Cause?: string } }): Promise<{ flagged: boolean }> =>
    flagLead(await getDeps(), { leadId: input.leadId, runStartedAt: input.runStartedAt }, input.error ?? null),
);
