// The identity module's test fixtures, for other modules' tests (never for production code):
// rows written straight to its tables, and its signing key for forged or expired tokens.
export { addRoles, insertOrganisation, insertUser, updateUser } from './repo';
/** The verifier of cognito-local's tokens, for the local stack's own tests of its emulator. */
export { createEmulatedCognitoTokenVerifier, isLoopbackEndpoint } from './authenticator';
