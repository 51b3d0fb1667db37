// Starts a lead's QA pipeline (transcribe when there is a recording, score, verify the account,
// queue for a person). Called after the lead's transaction commits; a start that fails is left
// to the sweeper, which restarts pipelines that have not reached the queue.
import { and, eq, isNull, lt, type SQL } from 'drizzle-orm';
import type { Deps } from '../../../core/deps';
import { leads } from '../../../db/schema';
import { redactError } from '../../../http/redact-error';
import { startWorkflowExecution } from '../../../workflows/start-execution';
import { LEAD_INTAKE_WORKFLOW } from '../../../workflows/leads';
import { intakeExecutionName, type PipelineRun } from './run';

/** Begins a new run (any older run of the lead is superseded) and starts its intake workflow. */
export async function startLeadPipeline(deps: Deps, leadId: string): Promise<void> {
  await beginRun(deps, leadId);
}

/** A lead as a sweep saw it: its pipeline status and the run then in force (null: never started). */
export interface StalledLead {
  id: string;
  status: string;
  startedAt: Date | null;
}

/**
 * The sweeper's restart: a new run only if the lead is still as the sweep saw it (same status, same
 * run, not moved since `staleBefore`). The guarded update is the claim: of two sweeps that saw the
 * same stalled lead, one restarts it and the other finds it changed. False when the lead had moved.
 */
export function restartStalledPipeline(deps: Deps, seen: StalledLead, staleBefore: Date): Promise<boolean> {
  return beginRun(
    deps,
    seen.id,
    and(
      eq(leads.pipelineStatus, seen.status),
      seen.startedAt ? eq(leads.pipelineStartedAt, seen.startedAt) : isNull(leads.pipelineStartedAt),
      lt(leads.updatedAt, staleBefore),
    ),
  );
}

async function beginRun(deps: Deps, leadId: string, only?: SQL): Promise<boolean> {
  const startedAt = deps.now();
  const [lead] = await deps.db
    .update(leads)
    .set({ pipelineStartedAt: startedAt, pipelineStatus: 'pending', pipelineReason: null, updatedAt: startedAt })
    .where(and(eq(leads.id, leadId), isNull(leads.deletedAt), only))
    .returning({ id: leads.id });
  if (!lead) return false;
  const run: PipelineRun = { leadId, runStartedAt: startedAt.toISOString() };
  try {
    await startWorkflowExecution(deps.aws.sfn, LEAD_INTAKE_WORKFLOW, intakeExecutionName(run), { ...run });
  } catch (error) {
    deps.logger.warn('lead pipeline not started; the sweeper will restart it', { leadId, error: redactError(error) });
  }
  return true;
}
