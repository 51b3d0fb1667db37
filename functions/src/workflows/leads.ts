// The lead QA pipeline's two state machines. Intake: Prepare → (a recording and transcription on)
// Transcribe, which submits the recording and ends: AssemblyAI's webhook starts Scoring; otherwise
// straight on to the scoring states. Scoring: Score → Verify the account (+ optional enrichment) →
// Queue. Vendor failures (VendorError: timeouts, 5xx, malformed answers) retry with backoff, then
// every task's Catch queues the lead flagged needs_review with the reason. A task of a replaced run
// throws LeadRunSuperseded and the machine ends quietly. No task tokens (the local runner has none);
// JSONPath only (it ignores JSONata). Intake waits (10 s at a time, 3 minutes at most) for a call's
// recording that is saved after the lead was made.
import type { WorkflowDefinition } from './index';
import { lambdaRetry as lambdaRetryOf } from './retry';

export const LEAD_INTAKE_WORKFLOW = 'pivotal-lead-intake';
export const LEAD_SCORING_WORKFLOW = 'pivotal-lead-scoring';

const lambdaRetry = lambdaRetryOf();
/** A vendor that failed or timed out: three more tries, 2 s, 4 s, 8 s apart (with jitter). */
const vendorRetry = { ErrorEquals: ['VendorError', 'States.Timeout'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 3, JitterStrategy: 'FULL' };

const TASK_TIMEOUT_SECONDS = 120;
export const LEAD_WORKFLOW_TIMEOUT_SECONDS = 15 * 60;

const run = { 'leadId.$': '$.leadId', 'runStartedAt.$': '$.runStartedAt' };
const onError = [
  { ErrorEquals: ['LeadRunSuperseded'], Next: 'Superseded' },
  { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'FlagForReview' },
];

const task = (resource: string, resultPath: string, next: string | null, retry: unknown[] = [vendorRetry, lambdaRetry]) => ({
  Type: 'Task',
  Resource: `\${${resource}}`,
  Parameters: run,
  ResultPath: resultPath,
  TimeoutSeconds: TASK_TIMEOUT_SECONDS,
  Retry: retry,
  Catch: onError,
  ...(next ? { Next: next } : { End: true }),
});

/** Score → Verify → Queue, and the ends both machines share. */
const scoringStates = {
  Score: task('LeadScore', '$.score', 'Verify'),
  Verify: task('LeadVerifyAccount', '$.verify', 'Queue'),
  Queue: task('LeadQueue', '$.queue', 'Queued', [lambdaRetry]),
  Queued: { Type: 'Succeed' },
  FlagForReview: {
    Type: 'Task',
    Resource: '${LeadFlagForReview}',
    Parameters: { ...run, 'error.$': '$.error' },
    ResultPath: '$.flag',
    TimeoutSeconds: 60,
    Retry: [lambdaRetry, { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 3 }],
    // Still failing: the lead stays where it is and the sweeper restarts its pipeline.
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.flagError', Next: 'Failed' }],
    Next: 'Flagged',
  },
  Flagged: { Type: 'Succeed' },
  Superseded: { Type: 'Succeed', Comment: 'A newer run of the pipeline owns the lead.' },
  Failed: { Type: 'Fail', Error: 'LeadPipelineFailed', Cause: 'The lead could not be queued; the sweeper restarts its pipeline.' },
};

const tasks = {
  LeadPrepare: { entry: 'functions/src/handlers/lead-prepare.ts' },
  LeadTranscribe: { entry: 'functions/src/handlers/lead-transcribe.ts' },
  LeadScore: { entry: 'functions/src/handlers/lead-score.ts' },
  LeadVerifyAccount: { entry: 'functions/src/handlers/lead-verify-account.ts' },
  LeadQueue: { entry: 'functions/src/handlers/lead-queue.ts' },
  LeadFlagForReview: { entry: 'functions/src/handlers/lead-flag.ts' },
};

export const leadIntakeWorkflow: WorkflowDefinition = {
  name: LEAD_INTAKE_WORKFLOW,
  tasks: { LeadPrepare: tasks.LeadPrepare, LeadTranscribe: tasks.LeadTranscribe, LeadScore: tasks.LeadScore, LeadVerifyAccount: tasks.LeadVerifyAccount, LeadQueue: tasks.LeadQueue, LeadFlagForReview: tasks.LeadFlagForReview },
  definition: {
    Comment: 'Lead intake: submit the recording for transcription (its webhook starts scoring), or go straight on to scoring',
    TimeoutSeconds: LEAD_WORKFLOW_TIMEOUT_SECONDS,
    StartAt: 'Prepare',
    States: {
      Prepare: task('LeadPrepare', '$.prepare', 'TranscribeOrSkip', [lambdaRetry]),
      TranscribeOrSkip: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.prepare.transcribe', BooleanEquals: true, Next: 'Transcribe' },
          { Variable: '$.prepare.wait', BooleanEquals: true, Next: 'AwaitRecording' },
        ],
        Default: 'Score',
      },
      // The call's recording is saved a moment after the hang-up: Prepare looks again (it stops waiting 3 minutes after the call).
      AwaitRecording: { Type: 'Wait', Seconds: 10, Next: 'Prepare' },
      Transcribe: task('LeadTranscribe', '$.transcribe', 'AwaitTranscript'),
      AwaitTranscript: { Type: 'Succeed', Comment: "AssemblyAI's webhook starts the scoring workflow; the sweeper moves on without it after 30 minutes." },
      ...scoringStates,
    },
  },
};

export const leadScoringWorkflow: WorkflowDefinition = {
  name: LEAD_SCORING_WORKFLOW,
  tasks: { LeadScore: tasks.LeadScore, LeadVerifyAccount: tasks.LeadVerifyAccount, LeadQueue: tasks.LeadQueue, LeadFlagForReview: tasks.LeadFlagForReview },
  definition: {
    Comment: 'Lead scoring: score (AI or rules), verify the account against the criteria, queue for a person',
    TimeoutSeconds: LEAD_WORKFLOW_TIMEOUT_SECONDS,
    StartAt: 'Score',
    States: scoringStates,
  },
};
