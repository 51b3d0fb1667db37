// Step Functions task of the lead pipeline: the account against the campaign's criteria (+ optional AI enrichment).
import { withLeadsAiSecret } from '../adapters/leads-ai-secret';
import { getDeps } from '../deps';
import { verifyLeadAccount, type PipelineRun } from '../modules/leads';

export const handler = withLeadsAiSecret(async (input: PipelineRun): Promise<{ matched: boolean; enriched: boolean }> => verifyLeadAccount(await getDeps(), { leadId: input.leadId, runStartedAt: input.runStartedAt }));
