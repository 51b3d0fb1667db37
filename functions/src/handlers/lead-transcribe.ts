// Step Functions task of the lead pipeline: submit the recording to AssemblyAI (its webhook starts scoring).
import { withLeadsAiSecret } from '../adapters/leads-ai-secret';
import { getDeps } from '../deps';
import { submitTranscription, type PipelineRun } from '../modules/leads';

export const handler = withLeadsAiSecret(async (input: PipelineRun): Promise<{ jobId: string }> => submitTranscription(await getDeps(), { leadId: input.leadId, runStartedAt: input.runStartedAt }));
