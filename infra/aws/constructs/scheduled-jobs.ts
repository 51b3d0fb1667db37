// One EventBridge Scheduler schedule per entry of functions/src/schedules.ts, each invoking the
// jobs Lambda with `{ "job": name }`. Scheduler's finest rate is one minute, so shorter
// intervals are rounded up (jobs are idempotent, so a late tick only delays work) — except for a
// job that loops in a workflow (the dialer's 10-second tick): its schedule starts that state
// machine every minute with `{ "round": 0 }`.
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { ScheduledJob } from '../../../functions/src/core/deps';
import { acknowledge, arnWildcardFinding } from '../nag';

/** Whole minutes, at least one. */
export function scheduleRate(everySeconds: number): Duration {
  if (!Number.isFinite(everySeconds) || everySeconds <= 0) throw new Error(`A job's everySeconds must be a positive number (got ${everySeconds}).`);
  return Duration.minutes(Math.max(1, Math.ceil(everySeconds / 60)));
}

const scheduleId = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-');

export class ScheduledJobs extends Construct {
  readonly schedules: scheduler.Schedule[] = [];

  constructor(
    scope: Construct,
    id: string,
    props: {
      jobs: readonly Pick<ScheduledJob, 'name' | 'everySeconds' | 'loop'>[];
      handler: lambda.IFunction;
      /** The stack's state machines by workflow name (the looping jobs' targets). */
      stateMachines?: ReadonlyMap<string, sfn.IStateMachine>;
    },
  ) {
    super(scope, id);
    const role = new iam.Role(this, 'InvokeRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'EventBridge Scheduler: invokes the jobs function',
    });
    acknowledge(
      role,
      [arnWildcardFinding(props.handler, ':*')],
      'lambda:InvokeFunction on the jobs function and its versions (how the Scheduler target grants it); no other function.',
    );
    for (const job of props.jobs) {
      if (job.loop) {
        const machine = props.stateMachines?.get(job.loop.workflow);
        if (!machine) throw new Error(`Job ${job.name} loops in workflow ${job.loop.workflow}, which the stack does not deploy.`);
        this.schedules.push(
          new scheduler.Schedule(this, scheduleId(job.name), {
            description: `Starts the ${job.loop.workflow} loop that runs the ${job.name} job`,
            schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
            target: new targets.StepFunctionsStartExecution(machine, {
              role,
              input: scheduler.ScheduleTargetInput.fromObject({ round: 0 }),
              // A loop that starts late is of no use: the next minute's is on its way.
              retryAttempts: 1,
              maxEventAge: Duration.minutes(1),
            }),
          }),
        );
        continue;
      }
      this.schedules.push(
        new scheduler.Schedule(this, scheduleId(job.name), {
          description: `Runs the ${job.name} job`,
          schedule: scheduler.ScheduleExpression.rate(scheduleRate(job.everySeconds)),
          target: new targets.LambdaInvoke(props.handler, {
            role,
            input: scheduler.ScheduleTargetInput.fromObject({ job: job.name }),
            retryAttempts: 2,
            maxEventAge: Duration.minutes(15),
          }),
        }),
      );
    }
  }
}
