// Cognito user pools (AUTH_MODE=cognito): creating a user with a temporary password, which
// Cognito makes them replace at first sign-in, and disabling or enabling a user. The endpoint is configurable (COGNITO_ENDPOINT)
// for an emulator; on AWS the Lambda role's credentials are used.
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Config } from '../config/config';

export function createCognitoClient(config: Pick<Config, 'AWS_REGION' | 'COGNITO_ENDPOINT'>): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: config.AWS_REGION,
    ...(config.COGNITO_ENDPOINT ? { endpoint: config.COGNITO_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

export interface CognitoUserRequest {
  userPoolId: string;
  username: string;
  email: string;
  temporaryPassword: string;
  firstName?: string;
  lastName?: string;
}

const subOf = (attributes: AttributeType[] | undefined): string | undefined => attributes?.find((a) => a.Name === 'sub')?.Value;

/**
 * Creates the user with a temporary password and no invitation email (the operator knows the
 * password from configuration), or finds the existing one. Answers the user's `sub`.
 */
export async function ensureCognitoUser(client: CognitoIdentityProviderClient, request: CognitoUserRequest): Promise<{ sub: string; created: boolean }> {
  try {
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: request.userPoolId,
        Username: request.username,
        TemporaryPassword: request.temporaryPassword,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: request.email },
          { Name: 'email_verified', Value: 'true' },
          ...(request.firstName ? [{ Name: 'given_name', Value: request.firstName }] : []),
          ...(request.lastName ? [{ Name: 'family_name', Value: request.lastName }] : []),
        ],
      }),
    );
    const sub = subOf(created.User?.Attributes);
    if (!sub) throw new Error('Cognito created the user but returned no sub attribute.');
    return { sub, created: true };
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
    const existing = await client.send(new AdminGetUserCommand({ UserPoolId: request.userPoolId, Username: request.username }));
    const sub = subOf(existing.UserAttributes);
    if (!sub) throw new Error('Cognito returned the existing user without a sub attribute.');
    return { sub, created: false };
  }
}

/**
 * Disabling stops new sign-ins and the global sign-out revokes the user's Cognito refresh tokens;
 * access tokens already issued are refused by the API itself (it re-reads the user's status).
 */
export async function setCognitoUserEnabled(
  client: CognitoIdentityProviderClient,
  request: { userPoolId: string; username: string; enabled: boolean },
): Promise<void> {
  const target = { UserPoolId: request.userPoolId, Username: request.username };
  if (request.enabled) {
    await client.send(new AdminEnableUserCommand(target));
    return;
  }
  await client.send(new AdminDisableUserCommand(target));
  await client.send(new AdminUserGlobalSignOutCommand(target));
}
