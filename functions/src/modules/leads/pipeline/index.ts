// The pipeline's part of the leads module face: its workflow tasks, its start and its sweeper.
export { startLeadPipeline } from './start';
export { prepareIntake, submitTranscription, receiveTranscriptWebhook, ASSEMBLYAI_WEBHOOK_PATH, CHANNEL_SPEAKERS } from './transcribe';
export { scoreLead } from './score';
export { verifyLeadAccount } from './verify-account';
export { queueLead, flagLead } from './queue';
export { sweepLeadPipelines, leadPipelineSweepJob } from './sweeper';
export type { PipelineRun } from './run';
