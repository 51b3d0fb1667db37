// Step Functions task of the import workflow: Analyse (plan the chunks).
import { getDeps } from '../deps';
import { importHooks } from '../modules/imports/hooks';
import { analyseImport, type PlanOutput } from '../modules/imports/pipeline';

export const handler = async (input: { jobId: string }): Promise<PlanOutput> =>
  analyseImport({ deps: await getDeps(), hooks: importHooks }, input.jobId);
