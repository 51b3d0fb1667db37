// Keeps the Cognito user pools in step with our users when AUTH_MODE=cognito: staff live in the
// staff pool, client users in the portal pool. With the local issuer these do nothing. They run
// inside the caller's database transaction, so a Cognito failure rolls the change back.
import type { Config } from '../../config/config';
import { createCognitoClient, ensureCognitoUser, setCognitoUserEnabled } from '../../adapters/cognito';

interface CognitoUserRef {
  username: string;
  orgId: string | null;
}

type CognitoConfig = Pick<Config, 'AUTH_MODE' | 'AWS_REGION' | 'COGNITO_ENDPOINT' | 'COGNITO_STAFF_POOL_ID' | 'COGNITO_PORTAL_POOL_ID'>;

export const usesCognito = (config: Pick<Config, 'AUTH_MODE'>): boolean => config.AUTH_MODE === 'cognito';

/** Client users (they belong to an organisation) sign in through the portal pool. */
export function cognitoPoolOf(config: CognitoConfig, user: Pick<CognitoUserRef, 'orgId'>): string {
  return (user.orgId ? config.COGNITO_PORTAL_POOL_ID : config.COGNITO_STAFF_POOL_ID)!;
}

/** Creates the Cognito user with a temporary password; answers its `sub` (null with the local issuer). */
export async function createCognitoUserFor(
  config: CognitoConfig,
  user: CognitoUserRef & { email: string; firstName: string; lastName: string },
  temporaryPassword: string,
): Promise<string | null> {
  if (!usesCognito(config)) return null;
  const { sub } = await ensureCognitoUser(createCognitoClient(config), {
    userPoolId: cognitoPoolOf(config, user),
    username: user.username,
    email: user.email,
    temporaryPassword,
    firstName: user.firstName,
    lastName: user.lastName,
  });
  return sub;
}

/** Disables (and signs out everywhere) or re-enables the user's Cognito account. */
export async function setCognitoAccess(config: CognitoConfig, user: CognitoUserRef & { cognitoSub: string | null }, enabled: boolean): Promise<void> {
  if (!usesCognito(config) || !user.cognitoSub) return;
  await setCognitoUserEnabled(createCognitoClient(config), { userPoolId: cognitoPoolOf(config, user), username: user.username, enabled });
}
