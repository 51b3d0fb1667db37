// The compliance module's face (suppressions, consent, the guard): the only file other code
// imports from this module.
export { complianceModule } from './routes';
export { checkSuppressions, findSuppressions } from './check-suppressions';
export { applyComplianceGuard } from './guard';
export { countExclusions } from './reachability';
