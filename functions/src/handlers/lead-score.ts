// Step Functions task of the lead pipeline: score the lead (the AI scorer with a key, else the rules), once per run.
import { withLeadsAiSecret } from '../adapters/leads-ai-secret';
import { getDeps } from '../deps';
import { scoreLead, type PipelineRun } from '../modules/leads';

export const handler = withLeadsAiSecret(async (input: PipelineRun): Promise<{ scorer: string; overall: number }> => scoreLead(await getDeps(), { leadId: input.leadId, runStartedAt: input.runStartedAt }));
