// The pipeline's sweeper (a scheduled job): no lead is lost or stuck. Leads whose pipeline has not
// moved for a while (pending: the start failed; scoring or verifying: a workflow that died) are
// started again; leads still transcribing 30 minutes after submission (no webhook came) go on to
// scoring without a transcript. Idempotent: each lead is taken by a guarded update.
import { sql } from 'drizzle-orm';
import type { Deps, ScheduledJob } from '../../../core/deps';
import { queryRows } from '../../../db/rows';
import { redactError } from '../../../http/redact-error';
import { startLeadPipeline } from './start';
import { giveUpTranscribing } from './transcribe';

export const PENDING_STALE_MINUTES = 5;
/** Longer than a scoring workflow may run (its machine timeout is 15 minutes). */
export const RUNNING_STALE_MINUTES = 20;
export const TRANSCRIBING_STALE_MINUTES = 30;
const BATCH = 200;

export interface SweepResult {
  restarted: number;
  untranscribed: number;
}

export async function sweepLeadPipelines(deps: Deps): Promise<SweepResult> {
  const now = deps.now();
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  // Up to BATCH leads whose run has not moved: pending, or scoring/verifying with no step for a while.
  const stalled = await queryRows<{ id: string }>(
    deps.db,
    sql`select id from leads
        where deleted_at is null
          and ((pipeline_status = 'pending' and updated_at < ${minutesAgo(PENDING_STALE_MINUTES)}::timestamptz)
            or (pipeline_status in ('scoring', 'verifying') and updated_at < ${minutesAgo(RUNNING_STALE_MINUTES)}::timestamptz))
        order by updated_at limit ${BATCH}`,
  );
  const waiting = await queryRows<{ id: string }>(
    deps.db,
    sql`select id from leads
        where deleted_at is null and pipeline_status = 'transcribing' and updated_at < ${minutesAgo(TRANSCRIBING_STALE_MINUTES)}::timestamptz
        order by updated_at limit ${BATCH}`,
  );
  let restarted = 0;
  let untranscribed = 0;
  for (const { id } of stalled) {
    await startLeadPipeline(deps, id);
    restarted++;
  }
  for (const { id } of waiting) {
    try {
      if (await giveUpTranscribing(deps, id, TRANSCRIBING_STALE_MINUTES)) untranscribed++;
    } catch (error) {
      // The lead is in 'scoring' now if the move committed: the next sweeps restart it if scoring never began.
      deps.logger.warn('lead not sent on to scoring', { leadId: id, error: redactError(error) });
    }
  }
  if (restarted || untranscribed) deps.logger.info('lead pipelines swept', { restarted, untranscribed });
  return { restarted, untranscribed };
}

export const leadPipelineSweepJob: ScheduledJob = {
  name: 'leads-pipeline-sweep',
  everySeconds: 300,
  runAtStartup: true,
  run: async (deps) => {
    await sweepLeadPipelines(deps);
  },
};
