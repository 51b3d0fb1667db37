// Step Functions task of the lead pipeline: the intake's first step (does the lead wait for a transcript?).
import { withLeadsAiSecret } from '../adapters/leads-ai-secret';
import { getDeps } from '../deps';
import { prepareIntake, type PipelineRun } from '../modules/leads';

export const handler = withLeadsAiSecret(async (input: PipelineRun): Promise<{ transcribe: boolean; wait: boolean }> => prepareIntake(await getDeps(), { leadId: input.leadId, runStartedAt: input.runStartedAt }));
