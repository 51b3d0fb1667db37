// The pipeline's sweeper (a scheduled job): no lead is lost or stuck. Leads whose pipeline has not
// moved for a while (pending: the start failed; scoring or verifying: a workflow that died) are
// started again, unless a workflow of their run still runs (under load its first step can be minutes
// away: a restart then would pay the vendors twice); leads still transcribing 30 minutes after
// submission (no webhook came) go on to scoring without a transcript. Idempotent: each lead is taken
// by a guarded update.
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Deps, ScheduledJob } from '../../../core/deps';
import { leads } from '../../../db/schema';
import { queryRows } from '../../../db/rows';
import { redactError } from '../../../http/redact-error';
import { executionRunning, workflowExecutionArn } from '../../../workflows/start-execution';
import { LEAD_INTAKE_WORKFLOW, LEAD_SCORING_WORKFLOW } from '../../../workflows/leads';
import { intakeExecutionName, scoringExecutionName, type PipelineRun } from './run';
import { restartStalledPipeline, type StalledLead } from './start';
import { giveUpTranscribing } from './transcribe';

export const PENDING_STALE_MINUTES = 5;
/** Longer than a scoring workflow may run (its machine timeout is 15 minutes). */
export const RUNNING_STALE_MINUTES = 20;
export const TRANSCRIBING_STALE_MINUTES = 30;
const BATCH = 200;

export interface SweepResult {
  restarted: number;
  /** Stalled by the clock, but a workflow of the run still runs: left to it. */
  running: number;
  untranscribed: number;
}

/** Whether a workflow of the lead's run still runs: its intake, or (past pending) its scoring. */
async function runStillGoing(deps: Deps, lead: StalledLead): Promise<boolean> {
  if (!lead.startedAt) return false;
  const run: PipelineRun = { leadId: lead.id, runStartedAt: lead.startedAt.toISOString() };
  const executions: [string, string][] = [[LEAD_INTAKE_WORKFLOW, intakeExecutionName(run)]];
  if (lead.status !== 'pending') executions.push([LEAD_SCORING_WORKFLOW, scoringExecutionName(run)]);
  for (const [workflow, name] of executions) {
    if (await executionRunning(deps.aws.sfn, await workflowExecutionArn(deps.aws.sfn, workflow, name))) return true;
  }
  return false;
}

export async function sweepLeadPipelines(deps: Deps): Promise<SweepResult> {
  const now = deps.now();
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const staleBefore = (status: string) => minutesAgo(status === 'pending' ? PENDING_STALE_MINUTES : RUNNING_STALE_MINUTES);
  // Up to BATCH leads whose run has not moved: pending, or scoring/verifying with no step for a while.
  const stalled: StalledLead[] = await deps.db
    .select({ id: leads.id, status: leads.pipelineStatus, startedAt: leads.pipelineStartedAt })
    .from(leads)
    .where(
      and(
        isNull(leads.deletedAt),
        or(
          and(eq(leads.pipelineStatus, 'pending'), lt(leads.updatedAt, staleBefore('pending'))),
          and(inArray(leads.pipelineStatus, ['scoring', 'verifying']), lt(leads.updatedAt, staleBefore('scoring'))),
        ),
      ),
    )
    .orderBy(asc(leads.updatedAt))
    .limit(BATCH);
  const waiting = await queryRows<{ id: string }>(
    deps.db,
    sql`select id from leads
        where deleted_at is null and pipeline_status = 'transcribing' and updated_at < ${minutesAgo(TRANSCRIBING_STALE_MINUTES).toISOString()}::timestamptz
        order by updated_at limit ${BATCH}`,
  );
  let restarted = 0;
  let running = 0;
  let untranscribed = 0;
  for (const lead of stalled) {
    try {
      if (await runStillGoing(deps, lead)) running++;
      else if (await restartStalledPipeline(deps, lead, staleBefore(lead.status))) restarted++;
    } catch (error) {
      // Step Functions did not answer: the next sweep looks again.
      deps.logger.warn('lead pipeline not swept', { leadId: lead.id, error: redactError(error) });
    }
  }
  for (const { id } of waiting) {
    try {
      if (await giveUpTranscribing(deps, id, TRANSCRIBING_STALE_MINUTES)) untranscribed++;
    } catch (error) {
      // The lead is in 'scoring' now if the move committed: the next sweeps restart it if scoring never began.
      deps.logger.warn('lead not sent on to scoring', { leadId: id, error: redactError(error) });
    }
  }
  if (restarted || untranscribed) deps.logger.info('lead pipelines swept', { restarted, running, untranscribed });
  return { restarted, running, untranscribed };
}

export const leadPipelineSweepJob: ScheduledJob = {
  name: 'leads-pipeline-sweep',
  everySeconds: 300,
  runAtStartup: true,
  run: async (deps) => {
    await sweepLeadPipelines(deps);
  },
};
