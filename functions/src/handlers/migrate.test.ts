import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../test/support/test-deps';
import { openDatabase } from '../db/connection';
import { queryRows } from '../db/rows';
import { loadAdminPasswordSecret, migrateAndBootstrap, waitForDatabase } from './migrate';

describe('the migrate Lambda', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestDeps({ env: { PASSWORD_HASH_COST: '4', ADMIN_USERNAME: 'owner', ADMIN_EMAIL: 'owner@example.com' } });
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('migrates and creates the first admin, and a second deploy changes nothing', async () => {
    await expect(migrateAndBootstrap(ctx.deps)).resolves.toEqual({ migrated: true, bootstrapped: true });
    await expect(migrateAndBootstrap(ctx.deps)).resolves.toEqual({ migrated: true, bootstrapped: true });
    const admins = await queryRows<{ username: string; role: string }>(
      ctx.deps.db,
      sql`select u.username, r.role from users u join user_roles r on r.user_id = u.id`,
    );
    expect(admins).toEqual([{ username: 'owner', role: 'admin' }]);
  });

  it('fails when the migrations folder is missing instead of starting on an unmigrated database', async () => {
    await expect(migrateAndBootstrap(ctx.deps, { migrationsFolder: '/nonexistent/migrations' })).rejects.toThrow();
  });

  it('gives up on a database that never answers, after the attempts it was given', async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    const unreachable = await openDatabase({ kind: 'url', url: 'postgres://postgres@127.0.0.1:1/none', poolMax: 1 });
    try {
      await expect(waitForDatabase(unreachable, { attempts: 3, delayMs: 10 })).rejects.toThrow(/after 3 attempts/);
    } finally {
      await unreachable.close();
    }
  });

  it('returns at once when the database answers', async () => {
    await expect(waitForDatabase(ctx.deps.dbHandle, { attempts: 1, delayMs: 0 })).resolves.toBeUndefined();
  });
});

describe('the first admin’s temporary password on AWS (a Secrets Manager secret named by ADMIN_PASSWORD_SECRET_ARN)', () => {
  // Secrets Manager and Cognito are stubbed at the SDK boundary; the bootstrap and database are real.
  const secrets = mockClient(SecretsManagerClient);
  const cognito = mockClient(CognitoIdentityProviderClient);
  const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:MigrationsAdminTemporaryPassword-AbCdEf';

  beforeEach(() => {
    secrets.reset();
    cognito.reset();
  });

  afterAll(() => {
    secrets.restore();
    cognito.restore();
  });

  it('reads the secret into ADMIN_PASSWORD, which the bootstrap gives Cognito as the temporary password', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: 'Tq7#vLm2pXw9RzK4bN8s' });
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: '7d1f6a2e-0c4b-4f1e-9a55-3b2d8e6f4c10' }] } });
    const env: Record<string, string> = {
      PASSWORD_HASH_COST: '4',
      ADMIN_USERNAME: 'owner',
      ADMIN_EMAIL: 'owner@example.com',
      AUTH_MODE: 'cognito',
      COGNITO_STAFF_POOL_ID: 'eu-west-1_Staff0001',
      COGNITO_STAFF_CLIENT_ID: 'staffclient',
      COGNITO_PORTAL_POOL_ID: 'eu-west-1_Portal001',
      COGNITO_PORTAL_CLIENT_ID: 'portalclient',
      ADMIN_PASSWORD_SECRET_ARN: SECRET_ARN,
    };

    await loadAdminPasswordSecret(env, new SecretsManagerClient({ region: 'eu-west-1' }));
    expect(env.ADMIN_PASSWORD).toBe('Tq7#vLm2pXw9RzK4bN8s');

    const ctx = await createTestDeps({ env });
    try {
      await migrateAndBootstrap(ctx.deps);
    } finally {
      await ctx.close();
    }
    const created = cognito.commandCalls(AdminCreateUserCommand);
    expect(created).toHaveLength(1);
    expect(created[0]!.args[0].input).toMatchObject({ UserPoolId: 'eu-west-1_Staff0001', Username: 'owner', TemporaryPassword: 'Tq7#vLm2pXw9RzK4bN8s' });
  });

  it('leaves the environment alone when no secret is named (the local stack)', async () => {
    const env: Record<string, string | undefined> = { ADMIN_PASSWORD: 'Local-Admin-Pass1', ADMIN_PASSWORD_SECRET_ARN: '  ' };
    await loadAdminPasswordSecret(env, new SecretsManagerClient({ region: 'eu-west-1' }));
    expect(env.ADMIN_PASSWORD).toBe('Local-Admin-Pass1');
    expect(secrets.calls()).toHaveLength(0);
  });

  it('fails the deploy, naming the variable, when the secret cannot be read', async () => {
    secrets.on(GetSecretValueCommand).rejects(Object.assign(new Error('Secrets Manager can’t find the specified secret.'), { name: 'ResourceNotFoundException' }));
    const env: Record<string, string | undefined> = { ADMIN_PASSWORD_SECRET_ARN: SECRET_ARN };
    const failure = loadAdminPasswordSecret(env, new SecretsManagerClient({ region: 'eu-west-1' }));
    await expect(failure).rejects.toThrow(/^ADMIN_PASSWORD_SECRET_ARN names a secret that could not be read/);
    await expect(failure).rejects.toHaveProperty('cause.name', 'ResourceNotFoundException');
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });

  it('refuses a secret that holds no text, rather than creating the admin with the default password', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1, 2, 3]) });
    const env: Record<string, string | undefined> = { ADMIN_PASSWORD_SECRET_ARN: SECRET_ARN };
    await expect(loadAdminPasswordSecret(env, new SecretsManagerClient({ region: 'eu-west-1' }))).rejects.toThrow(/no text value/);
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });
});
