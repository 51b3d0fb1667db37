// Step Functions task of the import workflow: Finalise (report, error file, drop-folder move).
import { importPipeline } from '../deps';
import { finaliseImport } from '../modules/imports';

export const handler = async (input: { jobId: string }): Promise<{ jobId: string; status: string }> =>
  finaliseImport(await importPipeline(), input.jobId);
