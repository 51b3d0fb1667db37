// The telephony module's test fixtures, for other modules' tests (never for production code).
export { enqueue, seedCampaign, startDialerWorld, type DialerWorld, type SeededCampaign } from './dialer/test-fixtures';
