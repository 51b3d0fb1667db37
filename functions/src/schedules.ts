// Recurring jobs. On AWS each is an EventBridge Scheduler schedule invoking the job's Lambda (or,
// for a sub-minute job such as the dialer's tick, starting its looping workflow); the local stack
// runs them on a timer. Jobs must be idempotent: a tick may run twice.
import type { ScheduledJob } from './core/deps';
import { purgeAuthStateJob } from './modules/identity';
import { sweepJobsJob } from './modules/imports';
import { purgeGateProofsJob } from './modules/activity';
import { emailSweepJob, refreshEmailDomainsJob } from './modules/email';
import { purgeRecordingsJob } from './modules/telephony';
import { leadDeliverySweepJob, leadPipelineSweepJob } from './modules/leads';
import { publishDueSocialPostsJob, resourcesCentrePullJob, resourcesCentrePushJob, sweepContentUploadsJob } from './modules/content';
import { dialerTickJob, pacingJob } from './composition';

export const scheduledJobs: ScheduledJob[] = [
  purgeAuthStateJob,
  sweepJobsJob,
  purgeGateProofsJob,
  emailSweepJob,
  refreshEmailDomainsJob,
  dialerTickJob,
  purgeRecordingsJob,
  leadPipelineSweepJob,
  leadDeliverySweepJob,
  pacingJob,
  publishDueSocialPostsJob,
  sweepContentUploadsJob,
  resourcesCentrePushJob,
  resourcesCentrePullJob,
];
