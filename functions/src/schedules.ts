// Recurring jobs. On AWS each is an EventBridge Scheduler schedule invoking the job's Lambda;
// the local stack runs them on a timer. Jobs must be idempotent: a tick may run twice.
import type { Deps } from './deps';
import { purgeAuthStateJob } from './modules/identity/maintenance';
import { sweepJobsJob } from './modules/imports/job-sweeper';

export interface ScheduledJob {
  name: string;
  everySeconds: number;
  /** Also run once when the local stack starts (on AWS the first scheduled tick comes within a minute). */
  runAtStartup?: boolean;
  run(deps: Deps): Promise<void>;
}

export const scheduledJobs: ScheduledJob[] = [purgeAuthStateJob, sweepJobsJob];
