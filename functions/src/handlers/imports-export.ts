// Step Functions task of the export workflow: stream the selection to a CSV object in S3.
import { getDeps } from '../deps';
import { runExport } from '../modules/imports';

export const handler = async (input: { exportId: string }): Promise<{ exportId: string; rows: number }> => runExport(await getDeps(), input.exportId);
