// Step Functions task of the export workflow: MarkFailed (the Catch of the export task).
import { getDeps } from '../deps';
import { failExport, failureReasonOf } from '../modules/imports';

export const handler = async (input: { exportId: string; error?: { Error?: string; Cause?: string } }): Promise<{ exportId: string; status: string }> => {
  const deps = await getDeps();
  deps.logger.warn('export failed', { exportId: input.exportId, error: input.error?.Error });
  return failExport(deps, input.exportId, failureReasonOf(input.error, 'export'));
};
