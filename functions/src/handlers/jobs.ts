// Lambda entry point of the recurring jobs: each EventBridge Scheduler schedule invokes it with
// `{ "job": "<name>" }` naming an entry of scheduledJobs. An unknown name fails loudly, so a
// schedule left behind by a renamed job shows up as failed invocations instead of silence.
import { getDeps } from '../deps';
import type { Deps } from '../core/deps';
import { scheduledJobs } from '../schedules';
import type { ScheduledJob } from '../core/deps';

export interface JobEvent {
  job: string;
}

export class UnknownJobError extends Error {
  override name = 'UnknownJobError';
}

export function findJob(name: unknown, jobs: readonly ScheduledJob[] = scheduledJobs): ScheduledJob {
  const job = typeof name === 'string' ? jobs.find((j) => j.name === name) : undefined;
  if (!job) {
    throw new UnknownJobError(`Unknown job ${JSON.stringify(name)}: expected one of ${jobs.map((j) => j.name).join(', ') || '(none)'}.`);
  }
  return job;
}

export async function runJob(deps: Deps, event: Partial<JobEvent> | null | undefined): Promise<{ job: string }> {
  const job = findJob(event?.job);
  await job.run(deps);
  deps.logger.info('job done', { job: job.name });
  return { job: job.name };
}

export async function handler(event: JobEvent): Promise<{ job: string }> {
  return runJob(await getDeps(), event);
}
