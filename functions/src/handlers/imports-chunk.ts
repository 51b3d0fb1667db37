// Step Functions task of the import workflow: import one chunk (a Map iteration).
import { importPipeline } from '../deps';
import { runChunk } from '../modules/imports';

export const handler = async (input: { jobId: string; index: number }): Promise<{ index: number; status: string }> => {
  const outcome = await runChunk(await importPipeline(), input.jobId, input.index);
  return { index: input.index, status: outcome.status };
};
