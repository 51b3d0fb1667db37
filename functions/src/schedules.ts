// Recurring jobs. On AWS each is an EventBridge Scheduler schedule invoking the job's Lambda;
// the local stack runs them on a timer. Jobs must be idempotent: a tick may run twice.
import type { Deps } from './deps';
import { purgeAuthStateJob } from './modules/identity/maintenance';
import { purgeGateProofsJob } from './modules/activity/maintenance';

export interface ScheduledJob {
  name: string;
  everySeconds: number;
  run(deps: Deps): Promise<void>;
}

export const scheduledJobs: ScheduledJob[] = [purgeAuthStateJob, purgeGateProofsJob];
