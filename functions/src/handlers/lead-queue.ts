// Step Functions task of the lead pipeline: put the scored lead under review with its suggested verdict.
import { withLeadsAiSecret } from '../adapters/leads-ai-secret';
import { getDeps } from '../deps';
import { queueLead, type PipelineRun } from '../modules/leads';

export const handler = withLeadsAiSecret(async (input: PipelineRun): Promise<{ suggestedVerdict: string }> => queueLead(await getDeps(), { leadId: input.leadId, runStartedAt: input.runStartedAt }));
