// The campaign sending state machine: Prepare (snapshot through the gate once, number batches,
// answer those not done) → Map over the batches with bounded concurrency (each claims its due
// recipients and sends them, committing every outcome with the batch checkpoint) → Finalise
// (sent; or Wait and go round again while recipients wait for their local send time, a daily
// warm-up cap or throttling). A Wait loop, not a task token: the local runner has none. Every
// Task has a timeout, retries transient failures and Lambda throttling, and a Catch that pauses
// the campaign with the reason. JSONPath only (the local runner ignores JSONata).
import type { WorkflowDefinition } from './index';
import { lambdaRetry as lambdaRetryOf } from './retry';

export const EMAIL_WORKFLOW_NAME = 'pivotal-email-send';

const lambdaRetry = lambdaRetryOf();
/** A batch that timed out is safe to run again: its claim turns whoever was in flight into `uncertain` and sends only the queued. */
const timeoutRetry = { ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 2 };

const TASK_TIMEOUT_SECONDS = 900;
const MARK_FAILED_TIMEOUT_SECONDS = 60;
export const EMAIL_WORKFLOW_TIMEOUT_SECONDS = 30 * 24 * 60 * 60;

const pauseOnError = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'MarkFailed' }];
const endOnError = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }];

export const emailWorkflow: WorkflowDefinition = {
  name: EMAIL_WORKFLOW_NAME,
  tasks: {
    PrepareEmailSend: { entry: 'functions/src/handlers/email-prepare.ts' },
    SendEmailBatch: { entry: 'functions/src/handlers/email-batch.ts' },
    FinaliseEmailSend: { entry: 'functions/src/handlers/email-finalise.ts' },
    FailEmailSend: { entry: 'functions/src/handlers/email-fail.ts' },
  },
  definition: {
    Comment: 'Email campaign: snapshot and plan batches, send them with bounded concurrency, finish or wait and go round again',
    TimeoutSeconds: EMAIL_WORKFLOW_TIMEOUT_SECONDS,
    StartAt: 'Prepare',
    States: {
      Prepare: {
        Type: 'Task',
        Resource: '${PrepareEmailSend}',
        Parameters: { 'campaignId.$': '$.campaignId' },
        ResultPath: '$.plan',
        TimeoutSeconds: TASK_TIMEOUT_SECONDS,
        Retry: [lambdaRetry],
        Catch: pauseOnError,
        Next: 'SendBatches',
      },
      SendBatches: {
        Type: 'Map',
        ItemsPath: '$.plan.batches',
        // Prepare answers EMAIL_BATCH_CONCURRENCY, so the setting applies without a redeploy of the machine.
        MaxConcurrencyPath: '$.plan.concurrency',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'SendBatch',
          States: {
            SendBatch: {
              Type: 'Task',
              Resource: '${SendEmailBatch}',
              TimeoutSeconds: TASK_TIMEOUT_SECONDS,
              Retry: [lambdaRetry, timeoutRetry],
              // The Map's own Catch pauses the campaign; this passes the batch's error up to it as it was.
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'BatchFailed' }],
              End: true,
            },
            BatchFailed: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
          },
        },
        ResultPath: '$.batches',
        Catch: pauseOnError,
        Next: 'Finalise',
      },
      Finalise: {
        Type: 'Task',
        Resource: '${FinaliseEmailSend}',
        Parameters: { 'campaignId.$': '$.campaignId', 'batches.$': '$.batches' },
        ResultPath: '$.finalise',
        TimeoutSeconds: TASK_TIMEOUT_SECONDS,
        Retry: [lambdaRetry],
        Catch: pauseOnError,
        Next: 'More',
      },
      More: {
        Type: 'Choice',
        Choices: [{ Variable: '$.finalise.next', StringEquals: 'wait', Next: 'WaitForSendTime' }],
        Default: 'Done',
      },
      WaitForSendTime: { Type: 'Wait', SecondsPath: '$.finalise.waitSeconds', Next: 'NextRound' },
      // Only the campaign id goes round: the previous round's results are dropped.
      NextRound: { Type: 'Pass', Parameters: { 'campaignId.$': '$.campaignId' }, Next: 'Prepare' },
      Done: { Type: 'Succeed' },
      MarkFailed: {
        Type: 'Task',
        Resource: '${FailEmailSend}',
        Parameters: { 'campaignId.$': '$.campaignId', 'error.$': '$.error' },
        TimeoutSeconds: MARK_FAILED_TIMEOUT_SECONDS,
        Retry: [lambdaRetry],
        Catch: endOnError,
        Next: 'Failed',
      },
      Failed: { Type: 'Fail', Error: 'EmailSendFailed', Cause: 'Sending stopped: the campaign is paused with the reason.' },
    },
  },
};
