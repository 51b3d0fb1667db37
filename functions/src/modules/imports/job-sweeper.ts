// The job sweeper: every import or export still marked active whose workflow execution is gone
// (the local stack restarted; on AWS an execution that failed, timed out or was lost before it
// could mark its job) gets a new execution, which picks the job up where its committed work ends
// (an import's done chunks, an export's checkpoint). A job that keeps losing its workflow fails
// visibly after a few restarts instead of looping. Runs at start-up locally and on a schedule.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps, ScheduledJob } from '../../core/deps';
import { exportJobs, importJobs } from '../../db/schema';
import { redactError } from '../../http/redact-error';
import { executionRunning } from '../../workflows/start-execution';
import { failExport, relaunchExport } from './exports';
import { launch } from './jobs';
import { failImport } from './pipeline';

type SweepDeps = Pick<Deps, 'db' | 'dbHandle' | 'aws' | 'config' | 'logger' | 'now' | 'hooks'>;

/** Restarts allowed per job before it is failed. */
export const MAX_RESUMES = 3;
/**
 * A job without an execution yet may be between its status write and its StartExecution call:
 * only after this long is it taken for lost.
 */
export const LAUNCH_GRACE_SECONDS = 60;

export interface SweepResult {
  resumed: { imports: string[]; exports: string[] };
  failed: { imports: string[]; exports: string[] };
}

/** Active jobs whose workflow is gone: those with an execution that no longer runs, or none after the grace period. */
async function orphans<T extends { executionArn: string | null; updatedAt: Date }>(deps: SweepDeps, jobs: T[]): Promise<T[]> {
  const graceStart = deps.now().getTime() - LAUNCH_GRACE_SECONDS * 1000;
  const out: T[] = [];
  for (const job of jobs) {
    if (job.executionArn ? !(await executionRunning(deps.aws.sfn, job.executionArn)) : job.updatedAt.getTime() < graceStart) out.push(job);
  }
  return out;
}

const gaveUp = (job: 'import' | 'export') =>
  `The ${job} stopped ${MAX_RESUMES + 1} times before it could finish (the service restarted or its workflow failed): try again.`;

export async function sweepJobs(deps: SweepDeps): Promise<SweepResult> {
  const result: SweepResult = { resumed: { imports: [], exports: [] }, failed: { imports: [], exports: [] } };

  const imports = await deps.db
    .select()
    .from(importJobs)
    .where(inArray(importJobs.status, ['queued', 'running']));
  for (const job of await orphans(deps, imports)) {
    // Claimed by bumping the count this sweep read, so two sweepers never both restart it.
    const [claimed] = await deps.db
      .update(importJobs)
      .set({ resumes: sql`${importJobs.resumes} + 1`, updatedAt: deps.now() })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.resumes, job.resumes), inArray(importJobs.status, ['queued', 'running'])))
      .returning();
    if (!claimed) continue;
    if (job.resumes >= MAX_RESUMES) {
      await failImport({ deps, hooks: deps.hooks.imports }, job.id, gaveUp('import'));
      result.failed.imports.push(job.id);
      continue;
    }
    await launch(deps, claimed);
    deps.logger.warn('import resumed after its workflow was gone', { jobId: job.id, resumes: claimed.resumes });
    result.resumed.imports.push(job.id);
  }

  const exports = await deps.db.select().from(exportJobs).where(eq(exportJobs.status, 'running'));
  for (const job of await orphans(deps, exports)) {
    const [claimed] = await deps.db
      .update(exportJobs)
      .set({ resumes: sql`${exportJobs.resumes} + 1`, updatedAt: deps.now() })
      .where(and(eq(exportJobs.id, job.id), eq(exportJobs.resumes, job.resumes), eq(exportJobs.status, 'running')))
      .returning();
    if (!claimed) continue;
    if (job.resumes >= MAX_RESUMES) {
      await failExport(deps, job.id, gaveUp('export'));
      result.failed.exports.push(job.id);
      continue;
    }
    await relaunchExport(deps, claimed);
    deps.logger.warn('export resumed after its workflow was gone', { exportId: job.id, resumes: claimed.resumes });
    result.resumed.exports.push(job.id);
  }
  return result;
}

export const sweepJobsJob: ScheduledJob = {
  name: 'imports.sweep-jobs',
  everySeconds: 60,
  runAtStartup: true,
  run: async (deps) => {
    const result = await sweepJobs(deps).catch((error: unknown) => {
      deps.logger.error('job sweep failed', { error: redactError(error) });
      throw error;
    });
    const { resumed, failed } = result;
    if (resumed.imports.length + resumed.exports.length + failed.imports.length + failed.exports.length) deps.logger.info('job sweep', { resumed, failed });
  },
};
