// The imports module's face (uploads, the drop folder, the import workflow, exports): the only
// file other code imports from this module.
export { importsModule } from './routes';
export { analyseImport, failImport, failureReasonOf, finaliseImport, runChunk, type PlanOutput } from './pipeline';
export { importDroppedObject } from './drop-folder';
export { createExport, failExport, runExport } from './exports';
export { NO_IMPORT_HOOKS, type AddToList, type ImportHooks, type SuppressionCheck, type SuppressionMatches } from './hooks';
export { uuidv7 } from './ids';
export { analyseStoredFile, findJob, launch } from './jobs';
export { templateMapping } from './profiles';
export { sweepJobs, sweepJobsJob } from './job-sweeper';
export { importSource } from './timeline-source';
