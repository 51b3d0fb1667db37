// When a scheduled post goes out: the PostScheduler port. On AWS (CONTENT_SCHEDULE_GROUP,
// _TARGET_ARN and _ROLE_ARN set) each post gets a one-off EventBridge Scheduler schedule `at(…)`
// that invokes the content-publish Lambda with {"postId"} and deletes itself once it has fired; a
// new time replaces it, a cancel deletes it. Without those settings (the local stack, tests) there
// is nothing to schedule: the due-posts job finds due posts every few seconds (on AWS it is only
// the safety net for a schedule that did not fire).
import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import type { Config } from '../../../config/config';

export interface PostScheduler {
  /** True when a schedule fires each post (the due-posts job then only catches missed ones). */
  readonly firesPosts: boolean;
  /** Fires the post at `at` (replacing its schedule); answers the schedule's name, or null when there is none. */
  schedule(postId: string, at: Date): Promise<string | null>;
  /** Forgets the post's schedule (nothing to do when it is gone or has fired). */
  cancel(scheduleName: string): Promise<void>;
}

export const scheduleNameOf = (postId: string) => `social-post-${postId}`;

/** `at(yyyy-mm-ddThh:mm:ss)` in UTC, never in the past (Scheduler refuses a time that has gone). */
export function atExpression(at: Date, now: Date): string {
  const when = new Date(Math.max(at.getTime(), now.getTime() + 60_000));
  return `at(${when.toISOString().slice(0, 19)})`;
}

export function eventBridgePostScheduler(
  client: Pick<SchedulerClient, 'send'>,
  settings: { group: string; targetArn: string; roleArn: string },
  now: () => Date = () => new Date(),
): PostScheduler {
  return {
    firesPosts: true,
    async schedule(postId, at) {
      const name = scheduleNameOf(postId);
      const input = {
        Name: name,
        GroupName: settings.group,
        ScheduleExpression: atExpression(at, now()),
        ScheduleExpressionTimezone: 'UTC',
        FlexibleTimeWindow: { Mode: 'OFF' as const },
        ActionAfterCompletion: 'DELETE' as const,
        Target: { Arn: settings.targetArn, RoleArn: settings.roleArn, Input: JSON.stringify({ postId }), RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 } },
        Description: 'Publishes one scheduled social post (Pivotal CRM)',
      };
      try {
        await client.send(new CreateScheduleCommand(input));
      } catch (error) {
        // Rescheduled: the schedule exists, its time and input are replaced.
        if (!(error instanceof ConflictException)) throw error;
        await client.send(new UpdateScheduleCommand(input));
      }
      return name;
    },
    async cancel(scheduleName) {
      try {
        await client.send(new DeleteScheduleCommand({ Name: scheduleName, GroupName: settings.group }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    },
  };
}

/** The local stack's: nothing to schedule, the due-posts job publishes. */
export const timerPostScheduler: PostScheduler = {
  firesPosts: false,
  schedule: async () => null,
  cancel: async () => undefined,
};

let client: { region: string; client: SchedulerClient } | undefined;

export function postSchedulerFor(config: Pick<Config, 'AWS_REGION' | 'CONTENT_SCHEDULE_GROUP' | 'CONTENT_SCHEDULE_TARGET_ARN' | 'CONTENT_SCHEDULE_ROLE_ARN'>): PostScheduler {
  if (!config.CONTENT_SCHEDULE_GROUP || !config.CONTENT_SCHEDULE_TARGET_ARN || !config.CONTENT_SCHEDULE_ROLE_ARN) return timerPostScheduler;
  if (client?.region !== config.AWS_REGION) client = { region: config.AWS_REGION, client: new SchedulerClient({ region: config.AWS_REGION }) };
  return eventBridgePostScheduler(client.client, { group: config.CONTENT_SCHEDULE_GROUP, targetArn: config.CONTENT_SCHEDULE_TARGET_ARN, roleArn: config.CONTENT_SCHEDULE_ROLE_ARN });
}
