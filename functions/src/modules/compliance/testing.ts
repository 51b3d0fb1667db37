// The compliance module's test fixtures, for other modules' tests (never for production code).
export { countQueries } from './fixtures';
export { insertSuppressions, type NewSuppression } from './suppressions-repo';
export { insertContacts, suppressionEntry, type ContactSeed } from './fixtures';
export { recordConsentChange } from './consent-repo';
export { candidateZones } from './time-zones';
