// The dialer's loop on AWS: EventBridge Scheduler's finest rate is a minute, so each minute's
// schedule starts this machine, which ticks, waits DIALER_TICK_SECONDS (the Task answers it) and
// ticks again until the minute is used up. A tick that fails ends the execution visibly; the next
// minute starts a fresh one (ticks are idempotent and may overlap). JSONPath only.
import type { WorkflowDefinition } from './index';
import { lambdaRetry as lambdaRetryOf } from './retry';

export const DIALER_WORKFLOW_NAME = 'pivotal-dialer';

/** A tick must stay well inside its period; a slow one is retried once at most. */
const TICK_TIMEOUT_SECONDS = 30;
export const DIALER_WORKFLOW_TIMEOUT_SECONDS = 120;

const lambdaRetry = lambdaRetryOf(1, 3);

export const dialerWorkflow: WorkflowDefinition = {
  name: DIALER_WORKFLOW_NAME,
  tasks: {
    DialerTick: { entry: 'functions/src/handlers/dialer-tick.ts' },
  },
  definition: {
    Comment: 'Dialer: tick every DIALER_TICK_SECONDS for a minute (started each minute by EventBridge Scheduler)',
    TimeoutSeconds: DIALER_WORKFLOW_TIMEOUT_SECONDS,
    StartAt: 'Tick',
    States: {
      Tick: {
        Type: 'Task',
        Resource: '${DialerTick}',
        Parameters: { 'round.$': '$.round' },
        ResultPath: '$.tick',
        TimeoutSeconds: TICK_TIMEOUT_SECONDS,
        Retry: [lambdaRetry],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'TickFailed' }],
        Next: 'More',
      },
      More: {
        Type: 'Choice',
        Choices: [{ Variable: '$.tick.more', BooleanEquals: true, Next: 'WaitForNextTick' }],
        Default: 'Done',
      },
      WaitForNextTick: { Type: 'Wait', SecondsPath: '$.tick.waitSeconds', Next: 'NextRound' },
      // Only the round goes on: the previous tick's answer is dropped.
      NextRound: { Type: 'Pass', Parameters: { 'round.$': '$.tick.round' }, Next: 'Tick' },
      Done: { Type: 'Succeed' },
      TickFailed: { Type: 'Fail', Error: 'DialerTickFailed', Cause: 'A dialer tick failed; the next minute’s schedule starts a new loop.' },
    },
  },
};
