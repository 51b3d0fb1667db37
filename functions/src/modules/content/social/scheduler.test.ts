// The EventBridge Scheduler adapter of scheduled posts, with the Scheduler client mocked (the only
// way to reach its AWS error paths offline): the one-off schedule it makes, a reschedule over an
// existing one, a cancel of one that has fired, and the errors it passes on.
import { mockClient } from 'aws-sdk-client-mock';
import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, SchedulerClient, UpdateScheduleCommand, ValidationException } from '@aws-sdk/client-scheduler';
import { beforeEach, describe, expect, it } from 'vitest';
import { atExpression, eventBridgePostScheduler, postSchedulerFor, timerPostScheduler } from './scheduler';

const scheduler = mockClient(SchedulerClient);
const settings = { group: 'pivotal-social', targetArn: 'arn:aws:lambda:eu-west-1:123456789012:function:content-publish', roleArn: 'arn:aws:iam::123456789012:role/scheduler' };
const now = new Date('2026-12-07T10:00:00Z');
const postId = '0190a0a0-0000-7000-8000-00000000abcd';
const adapter = () => eventBridgePostScheduler(new SchedulerClient({ region: 'eu-west-1' }), settings, () => now);

beforeEach(() => scheduler.reset());

describe('the EventBridge post scheduler', () => {
  it('makes a one-off schedule at the post’s time that invokes the publisher with the post and deletes itself', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
    expect(await adapter().schedule(postId, new Date('2026-12-08T09:30:00Z'))).toBe(`social-post-${postId}`);
    const [call] = scheduler.commandCalls(CreateScheduleCommand);
    expect(call!.args[0].input).toMatchObject({
      Name: `social-post-${postId}`,
      GroupName: 'pivotal-social',
      ScheduleExpression: 'at(2026-12-08T09:30:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: settings.targetArn, RoleArn: settings.roleArn, Input: JSON.stringify({ postId }) },
    });
  });

  it('replaces the schedule of a rescheduled post (the create conflicts)', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'Schedule already exists', Message: 'Schedule already exists', $metadata: {} }));
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
    await adapter().schedule(postId, new Date('2026-12-09T08:00:00Z'));
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]!.args[0].input).toMatchObject({ Name: `social-post-${postId}`, ScheduleExpression: 'at(2026-12-09T08:00:00)' });
  });

  it('passes on other errors (a refused request, a failed update)', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ValidationException({ message: 'The target role cannot be assumed', Message: 'The target role cannot be assumed', $metadata: {} }));
    await expect(adapter().schedule(postId, new Date('2026-12-09T08:00:00Z'))).rejects.toThrow('The target role cannot be assumed');
    scheduler.reset();
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    scheduler.on(UpdateScheduleCommand).rejects(new Error('Rate exceeded'));
    await expect(adapter().schedule(postId, new Date('2026-12-09T08:00:00Z'))).rejects.toThrow('Rate exceeded');
  });

  it('schedules a time that has passed (a retry now) a minute ahead, never in the past', () => {
    expect(atExpression(new Date('2026-12-07T09:00:00Z'), now)).toBe('at(2026-12-07T10:01:00)');
  });

  it('cancels a schedule, and a schedule that has fired and deleted itself is no error', async () => {
    scheduler.on(DeleteScheduleCommand).resolvesOnce({}).rejectsOnce(new ResourceNotFoundException({ message: 'Schedule not found', Message: 'Schedule not found', $metadata: {} })).rejects(new Error('AccessDenied'));
    await adapter().cancel(`social-post-${postId}`);
    await adapter().cancel(`social-post-${postId}`);
    await expect(adapter().cancel(`social-post-${postId}`)).rejects.toThrow('AccessDenied');
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toEqual({ Name: `social-post-${postId}`, GroupName: 'pivotal-social' });
  });

  it('is the timer’s (nothing scheduled) unless all three settings are given', async () => {
    const base = { AWS_REGION: 'eu-west-1', CONTENT_SCHEDULE_GROUP: 'g', CONTENT_SCHEDULE_TARGET_ARN: settings.targetArn, CONTENT_SCHEDULE_ROLE_ARN: undefined };
    expect(postSchedulerFor(base)).toBe(timerPostScheduler);
    expect(await timerPostScheduler.schedule(postId, now)).toBeNull();
    expect(postSchedulerFor({ ...base, CONTENT_SCHEDULE_ROLE_ARN: settings.roleArn }).firesPosts).toBe(true);
  });
});
