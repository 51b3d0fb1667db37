// The CSV import state machine: Analyse (plan byte-range chunks of whole records) → Process
// chunks (an inline Map, bounded concurrency, each chunk idempotent) → Finalise (report, error
// file, drop-folder move). Transient failures retry with backoff; anything else marks the job
// failed with its reason. JSONPath only (the local runner ignores JSONata).
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
    StartAt: 'Analyse',
    States: {
      Analyse: {
        Type: 'Task',
        Resource: '${AnalyseImport}',
        Parameters: { 'jobId.$': '$.jobId' },
        ResultPath: '$.plan',
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
              Retry: transientRetry,
              End: true,
            },
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
        Retry: transientRetry,
        Catch: failOnError,
        End: true,
      },
      MarkFailed: {
        Type: 'Task',
        Resource: '${FailImport}',
        Parameters: { 'jobId.$': '$.jobId', 'error.$': '$.error' },
        Retry: transientRetry,
        Next: 'Failed',
      },
      Failed: { Type: 'Fail', Error: 'ImportFailed', Cause: 'The import failed: its job records the reason.' },
    },
  },
};

/** CSV export: one task streaming the selection to S3 (longer than an API request may take). */
export const exportWorkflow: WorkflowDefinition = {
  name: EXPORT_WORKFLOW_NAME,
  tasks: { RunExport: { entry: 'functions/src/handlers/imports-export.ts' } },
  definition: {
    Comment: 'CSV export of accounts or contacts to S3',
    StartAt: 'Export',
    States: {
      Export: { Type: 'Task', Resource: '${RunExport}', Parameters: { 'exportId.$': '$.exportId' }, Retry: transientRetry, End: true },
    },
  },
};
