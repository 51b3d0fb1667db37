// cognito-local inside the local stack: the two pools and their clients are created once and
// found again after a restart, a user created through the identity module's Cognito adapter
// signs in with the plain password flow and must replace a temporary password, and the API's
// verifier accepts the emulator's access tokens of either pool and nothing else.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient, ensureCognitoUser } from '../../../functions/src/adapters/cognito';
import { createEmulatedCognitoTokenVerifier, isLoopbackEndpoint } from '../../../functions/src/modules/identity/testing';
import { ensureUserPools, startCognitoEmulator, type CognitoEmulator } from './cognito';

let dir: string;
let cognito: CognitoEmulator;
let client: CognitoIdentityProviderClient;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-cognito-'));
  cognito = await startCognitoEmulator({ dataDir: dir });
  client = createCognitoClient({ AWS_REGION: 'local', COGNITO_ENDPOINT: cognito.endpoint });
});
afterAll(async () => {
  client?.destroy();
  await cognito?.stop();
  await rm(dir, { recursive: true, force: true });
});

const settings = () => ({
  COGNITO_ENDPOINT: cognito.endpoint,
  COGNITO_STAFF_POOL_ID: cognito.staffPoolId,
  COGNITO_STAFF_CLIENT_ID: cognito.staffClientId,
  COGNITO_PORTAL_POOL_ID: cognito.portalPoolId,
  COGNITO_PORTAL_CLIENT_ID: cognito.portalClientId,
});

/** First sign-in of a user with a temporary password: the challenge, then the tokens. */
async function signInFirstTime(clientId: string, username: string, temporary: string, chosen: string): Promise<string> {
  const started = await client.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: temporary } }),
  );
  expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  const done = await client.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: started.Session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: chosen },
    }),
  );
  return done.AuthenticationResult!.AccessToken!;
}

describe('cognito-local in the local stack', () => {
  it('serves on 127.0.0.1 and keeps its pools: asking again or restarting on the same folder finds the same ids', async () => {
    expect(isLoopbackEndpoint(cognito.endpoint)).toBe(true);
    expect(new URL(cognito.endpoint).hostname).toBe('127.0.0.1');
    expect(cognito.staffPoolId).not.toBe(cognito.portalPoolId);
    const again = await ensureUserPools(cognito.endpoint);
    expect(again).toEqual({ staffPoolId: cognito.staffPoolId, staffClientId: cognito.staffClientId, portalPoolId: cognito.portalPoolId, portalClientId: cognito.portalClientId });

    await cognito.stop();
    const restarted = await startCognitoEmulator({ dataDir: dir });
    try {
      expect(restarted.staffPoolId).toBe(cognito.staffPoolId);
      expect(restarted.portalClientId).toBe(cognito.portalClientId);
    } finally {
      await restarted.stop();
    }
    cognito = await startCognitoEmulator({ dataDir: dir });
    client.destroy();
    client = createCognitoClient({ AWS_REGION: 'local', COGNITO_ENDPOINT: cognito.endpoint });
  });

  it("verifies the emulator's access tokens of both pools by issuer, key and app client, and finds the user by sub", async () => {
    const staff = await ensureCognitoUser(client, { userPoolId: cognito.staffPoolId, username: 'ada', email: 'ada@example.com', temporaryPassword: 'temporary-pass-1' });
    const portal = await ensureCognitoUser(client, { userPoolId: cognito.portalPoolId, username: 'cli', email: 'cli@example.com', temporaryPassword: 'temporary-pass-2' });
    expect(staff.created).toBe(true);
    expect((await ensureCognitoUser(client, { userPoolId: cognito.staffPoolId, username: 'ada', email: 'ada@example.com', temporaryPassword: 'x'.repeat(12) })).sub).toBe(staff.sub);

    const staffToken = await signInFirstTime(cognito.staffClientId, 'ada', 'temporary-pass-1', 'chosen-password-1');
    const portalToken = await signInFirstTime(cognito.portalClientId, 'cli', 'temporary-pass-2', 'chosen-password-2');
    const payload = JSON.parse(Buffer.from(staffToken.split('.')[1]!, 'base64url').toString()) as { iss: string };
    expect(payload.iss).toBe(`${cognito.endpoint}/${cognito.staffPoolId}`);

    const verify = createEmulatedCognitoTokenVerifier(settings());
    expect((await verify(staffToken)).lookup).toEqual({ cognitoSub: staff.sub });
    expect((await verify(portalToken)).lookup).toEqual({ cognitoSub: portal.sub });

    // Another app client of the same pool, a forged signature, an ID token: refused.
    const otherClient = createEmulatedCognitoTokenVerifier({ ...settings(), COGNITO_STAFF_CLIENT_ID: 'another-client' });
    await expect(otherClient(staffToken)).rejects.toThrow();
    const [head, body] = staffToken.split('.');
    await expect(verify(`${head}.${body}.${'A'.repeat(342)}`)).rejects.toThrow();
    const idToken = (
      await client.send(
        new InitiateAuthCommand({ ClientId: cognito.staffClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ada', PASSWORD: 'chosen-password-1' } }),
      )
    ).AuthenticationResult!.IdToken!;
    await expect(verify(idToken)).rejects.toThrow();
  });

  it('trusts an emulator issuer only on this machine', () => {
    expect(isLoopbackEndpoint('http://127.0.0.1:9229')).toBe(true);
    expect(isLoopbackEndpoint('http://localhost:9229')).toBe(true);
    expect(isLoopbackEndpoint('https://cognito-idp.eu-west-1.amazonaws.com')).toBe(false);
    expect(isLoopbackEndpoint('http://10.0.0.5:9229')).toBe(false);
    expect(isLoopbackEndpoint(undefined)).toBe(false);
  });
});
