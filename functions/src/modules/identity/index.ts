// The identity module's face (users, roles, organisations, sessions, tokens, the audit trail):
// the only file other code imports from this module.
export { identityModule } from './routes';
export { createAuthenticator } from './authenticator';
export { createSigningKeys, SIGNING_ALG } from './keys';
export { defaultAdminTask } from './default-admin';
export { purgeAuthStateJob } from './maintenance';
export { writeAudit } from './audit';
export { issueAccessToken } from './tokens';
export { createUser, deactivateUser, reactivateUser } from './users';
export { createOrganisation } from './organisations';
export { findUserByLogin, loadAccessState, type UserAccessState } from './repo';
export { signInHint } from './sign-in-hint';
