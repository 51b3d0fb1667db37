// The lead delivery state machine, one execution per lead: Send (claim the lead's due deliveries,
// send each, write receipts, publish the lead when all are delivered) → done, or Wait until the
// next attempt falls due and go round again. The retry schedule lives in the rows (attempts,
// next attempt time), not in the machine, so a manual retry or the sweeper can restart a lead at
// any time without two executions sending the same delivery (claims are conditional updates).
// A Wait loop, not a task token: the local runner has none. Every Task has a timeout, retries
// Lambda's transient failures and throttling, and a Catch that puts the lead's claims back as
// failed (due at once) for the sweeper. JSONPath only (the local runner ignores JSONata).
import type { WorkflowDefinition } from './index';
import { lambdaRetry as lambdaRetryOf } from './retry';

export const LEAD_DELIVERY_WORKFLOW_NAME = 'pivotal-lead-delivery';

const lambdaRetry = lambdaRetryOf();
/**
 * A Send that timed out may have been mid-request: run again, it waits out the dead task's claim
 * (the lease) and sends with the same Idempotency-Key.
 */
const timeoutRetry = { ErrorEquals: ['States.Timeout'], IntervalSeconds: 5, MaxAttempts: 2 };

/** A lead's few deliveries, each at most DELIVERY_TIMEOUT_MS; below the engine's claim lease (180 s). */
export const SEND_TASK_TIMEOUT_SECONDS = 120;
const MARK_FAILED_TIMEOUT_SECONDS = 60;
/** Long enough for every attempt's backoff (at most an hour each). */
export const LEAD_DELIVERY_WORKFLOW_TIMEOUT_SECONDS = 2 * 24 * 60 * 60;

export const leadDeliveryWorkflow: WorkflowDefinition = {
  name: LEAD_DELIVERY_WORKFLOW_NAME,
  tasks: {
    SendLeadDeliveries: { entry: 'functions/src/handlers/lead-delivery-send.ts' },
    FailLeadDeliveries: { entry: 'functions/src/handlers/lead-delivery-fail.ts' },
  },
  definition: {
    Comment: 'Lead delivery: send the due deliveries, wait for the next attempt, until all are delivered or dead',
    TimeoutSeconds: LEAD_DELIVERY_WORKFLOW_TIMEOUT_SECONDS,
    StartAt: 'Send',
    States: {
      Send: {
        Type: 'Task',
        Resource: '${SendLeadDeliveries}',
        Parameters: { 'leadId.$': '$.leadId' },
        ResultPath: '$.run',
        TimeoutSeconds: SEND_TASK_TIMEOUT_SECONDS,
        Retry: [lambdaRetry, timeoutRetry],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'MarkFailed' }],
        Next: 'More',
      },
      More: {
        Type: 'Choice',
        Choices: [{ Variable: '$.run.next', StringEquals: 'wait', Next: 'WaitForNextAttempt' }],
        Default: 'Done',
      },
      WaitForNextAttempt: { Type: 'Wait', SecondsPath: '$.run.waitSeconds', Next: 'NextRound' },
      // Only the lead id goes round.
      NextRound: { Type: 'Pass', Parameters: { 'leadId.$': '$.leadId' }, Next: 'Send' },
      Done: { Type: 'Succeed' },
      MarkFailed: {
        Type: 'Task',
        Resource: '${FailLeadDeliveries}',
        Parameters: { 'leadId.$': '$.leadId', 'error.$': '$.error' },
        TimeoutSeconds: MARK_FAILED_TIMEOUT_SECONDS,
        Retry: [lambdaRetry],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
        Next: 'Failed',
      },
      Failed: { Type: 'Fail', Error: 'LeadDeliveryFailed', Cause: 'Sending stopped: the deliveries are due again for the sweeper.' },
    },
  },
};
