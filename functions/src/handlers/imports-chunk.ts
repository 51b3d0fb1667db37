// Step Functions task of the import workflow: import one chunk (a Map iteration).
import { getDeps } from '../deps';
import { importHooks } from '../modules/imports/hooks';
import { runChunk } from '../modules/imports/pipeline';

export const handler = async (input: { jobId: string; index: number }): Promise<{ index: number; status: string }> => {
  const outcome = await runChunk({ deps: await getDeps(), hooks: importHooks }, input.jobId, input.index);
  return { index: input.index, status: outcome.status };
};
