// Starts a lead's QA pipeline (transcribe when there is a recording, score, verify the account,
// queue for a person). Called after the lead's transaction commits; a start that fails is left
// to the sweeper, which restarts pipelines that have not reached the queue.
import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../../core/deps';
import { leads } from '../../../db/schema';
import { redactError } from '../../../http/redact-error';
import { startWorkflowExecution } from '../../../workflows/start-execution';
import { LEAD_INTAKE_WORKFLOW } from '../../../workflows/leads';
import type { PipelineRun } from './run';

/** Begins a new run (any older run of the lead is superseded) and starts its intake workflow. */
export async function startLeadPipeline(deps: Deps, leadId: string): Promise<void> {
  const startedAt = deps.now();
  const [lead] = await deps.db
    .update(leads)
    .set({ pipelineStartedAt: startedAt, pipelineStatus: 'pending', pipelineReason: null, updatedAt: startedAt })
    .where(and(eq(leads.id, leadId), isNull(leads.deletedAt)))
    .returning({ id: leads.id });
  if (!lead) return;
  const run: PipelineRun = { leadId, runStartedAt: startedAt.toISOString() };
  try {
    await startWorkflowExecution(deps.aws.sfn, LEAD_INTAKE_WORKFLOW, `${leadId}-${startedAt.getTime()}`, { ...run });
  } catch (error) {
    deps.logger.warn('lead pipeline not started; the sweeper will restart it', { leadId, error: redactError(error) });
  }
}
