// The activity module's face: touches and the one contact gate for the channels, the timeline
// and notes and tasks for the screens, and its route table.
export { recordTouches, type RecordTouchesResult } from './touches';
export { admitAudience, previewAudience, releaseHolds, GATE_REASONS, type AdmitOptions, type AdmitResult, type AdmittedContact, type GateOptions } from './gate';
export { currentPolicy, policyVersion, savePolicy } from './policy';
export { createTask } from './tasks';
export { createActivityModule } from './routes';
export { noActivityHooks, type ActivityHooks } from './hooks';
export { purgeGateProofsJob } from './maintenance';
