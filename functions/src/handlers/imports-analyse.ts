// Step Functions task of the import workflow: Analyse (plan the chunks).
import { importPipeline } from '../deps';
import { analyseImport, type PlanOutput } from '../modules/imports';

export const handler = async (input: { jobId: string }): Promise<PlanOutput> =>
  analyseImport(await importPipeline(), input.jobId);
