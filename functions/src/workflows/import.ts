// The CSV import state machine: Analyse (plan byte-range chunks of whole records) → Process
// chunks (an inline Map, bounded concurrency, each chunk idempotent) → Finalise (report, error
// file, drop-folder move); and the CSV export machine. Every Task has a timeout, retries
// transient failures with backoff and catches everything else into a task that marks the job
// failed with its reason; each machine has an overall timeout. A job whose execution ended
// without either (a crashed host, a timed-out machine) is resumed by the job sweeper.
// JSONPath only (the local runner ignores JSONata).
import type { WorkflowDefinition } from './index';

export const IMPORT_WORKFLOW_NAME = 'pivotal-import';
export const EXPORT_WORKFLOW_NAME = 'pivotal-export';

/** Chunks imported at the same time: enough to overlap parsing with database work. */
export const IMPORT_CHUNK_CONCURRENCY = 4;

const transientRetry = [
  {
    ErrorEquals: [
      'TransientImportError',
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
    ],
    IntervalSeconds: 2,
    BackoffRate: 2,
    MaxAttempts: 6,
    JitterStrategy: 'FULL',
  },
];

const failOnError = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'MarkFailed' }];

/** The longest a Lambda task may run (Lambda's own ceiling). */
const TASK_TIMEOUT_SECONDS = 900;
/** Marking a job failed is one short write. */
const MARK_FAILED_TIMEOUT_SECONDS = 60;
export const IMPORT_WORKFLOW_TIMEOUT_SECONDS = 24 * 60 * 60;
export const EXPORT_WORKFLOW_TIMEOUT_SECONDS = 6 * 60 * 60;

/** When even marking the job failed fails, the execution ends failed and the sweeper takes over. */
const endOnError = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }];

export const importWorkflow: WorkflowDefinition = {
  name: IMPORT_WORKFLOW_NAME,
  tasks: {
    AnalyseImport: { entry: 'functions/src/handlers/imports-analyse.ts' },
    ProcessImportChunk: { entry: 'functions/src/handlers/imports-chunk.ts' },
    FinaliseImport: { entry: 'functions/src/handlers/imports-finalise.ts' },
    FailImport: { entry: 'functions/src/handlers/imports-fail.ts' },
  },
  definition: {
    Comment: 'CSV import: analyse and plan chunks, import them with bounded concurrency, finalise',
    TimeoutSeconds: IMPORT_WORKFLOW_TIMEOUT_SECONDS,
    StartAt: 'Analyse',
    States: {
      Analyse: {
        Type: 'Task',
        Resource: '${AnalyseImport}',
        Parameters: { 'jobId.$': '$.jobId' },
        ResultPath: '$.plan',
        TimeoutSeconds: TASK_TIMEOUT_SECONDS,
        Retry: transientRetry,
        Catch: failOnError,
        Next: 'ProcessChunks',
      },
      ProcessChunks: {
        Type: 'Map',
        ItemsPath: '$.plan.chunks',
        MaxConcurrency: IMPORT_CHUNK_CONCURRENCY,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'ProcessChunk',
          States: {
            ProcessChunk: {
              Type: 'Task',
              Resource: '${ProcessImportChunk}',
              TimeoutSeconds: TASK_TIMEOUT_SECONDS,
              Retry: transientRetry,
              // The Map's own Catch marks the job failed; this passes the chunk's error up to it as it was.
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ChunkFailed' }],
              End: true,
            },
            ChunkFailed: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
          },
        },
        ResultPath: null,
        Catch: failOnError,
        Next: 'Finalise',
      },
      Finalise: {
        Type: 'Task',
        Resource: '${FinaliseImport}',
        Parameters: { 'jobId.$': '$.jobId' },
        TimeoutSeconds: TASK_TIMEOUT_SECONDS,
        Retry: transientRetry,
        Catch: failOnError,
        End: true,
      },
      MarkFailed: {
        Type: 'Task',
        Resource: '${FailImport}',
        Parameters: { 'jobId.$': '$.jobId', 'error.$': '$.error' },
        TimeoutSeconds: MARK_FAILED_TIMEOUT_SECONDS,
        Retry: transientRetry,
        Catch: endOnError,
        Next: 'Failed',
      },
      Failed: { Type: 'Fail', Error: 'ImportFailed', Cause: 'The import failed: its job records the reason.' },
    },
  },
};

/**
 * CSV export: one task streaming the selection to S3 from its last checkpoint (longer than an API
 * request may take). A retry after a timeout continues where the file's uploaded parts end.
 */
export const exportWorkflow: WorkflowDefinition = {
  name: EXPORT_WORKFLOW_NAME,
  tasks: {
    RunExport: { entry: 'functions/src/handlers/imports-export.ts' },
    FailExport: { entry: 'functions/src/handlers/imports-export-fail.ts' },
  },
  definition: {
    Comment: 'CSV export of accounts or contacts to S3',
    TimeoutSeconds: EXPORT_WORKFLOW_TIMEOUT_SECONDS,
    StartAt: 'Export',
    States: {
      Export: {
        Type: 'Task',
        Resource: '${RunExport}',
        Parameters: { 'exportId.$': '$.exportId' },
        TimeoutSeconds: TASK_TIMEOUT_SECONDS,
        Retry: [...transientRetry, { ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 3 }],
        Catch: failOnError,
        End: true,
      },
      MarkFailed: {
        Type: 'Task',
        Resource: '${FailExport}',
        Parameters: { 'exportId.$': '$.exportId', 'error.$': '$.error' },
        TimeoutSeconds: MARK_FAILED_TIMEOUT_SECONDS,
        Retry: transientRetry,
        Catch: endOnError,
        Next: 'Failed',
      },
      Failed: { Type: 'Fail', Error: 'ExportFailed', Cause: 'The export failed: its job records the reason.' },
    },
  },
};
