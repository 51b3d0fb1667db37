// Starts the import workflow for a job (its run number keeps execution names unique).
import type { SFNClient } from '@aws-sdk/client-sfn';
import { IMPORT_WORKFLOW_NAME } from '../../workflows/import';
import { startWorkflowExecution } from '../../workflows/start-execution';

export { startWorkflowExecution };

export function startImportExecution(sfn: SFNClient, jobId: string, run: string): Promise<string> {
  return startWorkflowExecution(sfn, IMPORT_WORKFLOW_NAME, `${jobId}-${run}`, { jobId });
}
