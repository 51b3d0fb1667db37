// The email module's test fixtures, for other modules' tests (never for production code).
export { listOf, person, recipientStates, recordingKit, sendingCampaign, verifiedSender } from './sending/test-fixtures';
