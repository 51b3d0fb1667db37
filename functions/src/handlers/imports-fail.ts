// Step Functions task of the import workflow: MarkFailed (the Catch of every state).
import { getDeps } from '../deps';
import { failImport, failureReasonOf } from '../modules/imports';

export const handler = async (input: { jobId: string; error?: { Error?: string; Cause?: string } }): Promise<{ jobId: string; status: string }> => {
  const deps = await getDeps();
  deps.logger.warn('import failed', { jobId: input.jobId, error: input.error?.Error });
  return failImport({ deps, hooks: deps.hooks.imports }, input.jobId, failureReasonOf(input.error));
};
