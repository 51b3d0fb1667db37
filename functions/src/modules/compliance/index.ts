// The compliance module's face (suppressions, consent, the guard): the only file other code
// imports from this module.
export { complianceModule } from './routes';
export { checkSuppressions, findSuppressions } from './check-suppressions';
export { applyComplianceGuard, audienceSql, guardClassificationSql, pageZonesSql, type Audience, type CallingWindow } from './guard';
export { consentSource } from './timeline-source';
export { countExclusions } from './reachability';
export { suppressEmail, suppressPhone } from './suppressions';
export { recordOptOut } from './consent';
