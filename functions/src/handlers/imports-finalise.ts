// Step Functions task of the import workflow: Finalise (report, error file, drop-folder move).
import { getDeps } from '../deps';
import { importHooks } from '../modules/imports/hooks';
import { finaliseImport } from '../modules/imports/pipeline';

export const handler = async (input: { jobId: string }): Promise<{ jobId: string; status: string }> =>
  finaliseImport({ deps: await getDeps(), hooks: importHooks }, input.jobId);
