// Where trunk passwords rest: the local AES-256-GCM envelope for real, the Secrets Manager path
// against a mocked client (the only way to run it without an AWS account), and the refusal when
// neither is configured.
import { randomBytes } from 'node:crypto';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/app-error';
import { localSealedSecrets, sealedSecretsFor, secretsManagerSealedSecrets } from './sealed-secrets';

const KEY = randomBytes(32).toString('base64');
const TRUNK = '01931c5e-7d3a-7b2c-9f00-0000000000a1';
const OTHER = '01931c5e-7d3a-7b2c-9f00-0000000000b2';

describe('the local envelope', () => {
  const secrets = localSealedSecrets(KEY);

  it('seals a password so the row holds no trace of it, and opens it again', async () => {
    const ref = await secrets.seal(TRUNK, 'correct-horse-42');
    expect(ref).toMatch(/^aesgcm:v1:/);
    expect(ref).not.toContain('correct-horse');
    expect(await secrets.open(TRUNK, ref)).toBe('correct-horse-42');
    // A fresh IV each time: the same password never seals the same way twice.
    expect(await secrets.seal(TRUNK, 'correct-horse-42')).not.toBe(ref);
  });

  it('refuses an envelope moved to another trunk, or opened with another key', async () => {
    const ref = await secrets.seal(TRUNK, 'correct-horse-42');
    await expect(secrets.open(OTHER, ref)).rejects.toBeInstanceOf(AppError);
    await expect(localSealedSecrets(randomBytes(32).toString('base64')).open(TRUNK, ref)).rejects.toThrow(/does not open/);
  });
});

describe('the choice of store', () => {
  it('answers 503 naming the setting when neither a key nor a prefix is configured', async () => {
    const error = await sealedSecretsFor({ AWS_REGION: 'us-east-1' }).seal(TRUNK, 'password1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).detail).toMatch(/TELEPHONY_SECRET_KEY/);
  });

  it('uses the local key when only the key is set', async () => {
    const secrets = sealedSecretsFor({ AWS_REGION: 'us-east-1', TELEPHONY_SECRET_KEY: KEY });
    expect(await secrets.seal(TRUNK, 'password1')).toMatch(/^aesgcm:v1:/);
  });
});

describe('Secrets Manager', () => {
  const sm = mockClient(SecretsManagerClient);
  afterEach(() => sm.reset());
  const ARN = `arn:aws:secretsmanager:us-east-1:123456789012:secret:pivotal/telephony/trunks/${TRUNK}-AbCdEf`;

  it('creates one secret per trunk under the prefix and keeps its ARN', async () => {
    sm.on(CreateSecretCommand).resolves({ ARN });
    const secrets = secretsManagerSealedSecrets(new SecretsManagerClient({ region: 'us-east-1' }), 'pivotal/telephony/');
    expect(await secrets.seal(TRUNK, 'password1')).toBe(ARN);
    expect(sm.commandCalls(CreateSecretCommand)[0]!.args[0].input).toMatchObject({ Name: `pivotal/telephony/trunks/${TRUNK}`, SecretString: 'password1' });
  });

  it('writes a new version when the secret exists (a password change)', async () => {
    sm.on(CreateSecretCommand).rejects(new ResourceExistsException({ message: 'exists', $metadata: {} }));
    sm.on(PutSecretValueCommand).resolves({ ARN });
    const secrets = secretsManagerSealedSecrets(new SecretsManagerClient({ region: 'us-east-1' }), 'pivotal/telephony');
    expect(await secrets.seal(TRUNK, 'password2')).toBe(ARN);
    expect(sm.commandCalls(PutSecretValueCommand)[0]!.args[0].input).toEqual({ SecretId: `pivotal/telephony/trunks/${TRUNK}`, SecretString: 'password2' });
  });

  it('reads the password by ARN, and deletes with a recovery window, tolerating one already gone', async () => {
    sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: 'password1' });
    sm.on(DeleteSecretCommand).rejectsOnce(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    const secrets = secretsManagerSealedSecrets(new SecretsManagerClient({ region: 'us-east-1' }), 'pivotal/telephony');
    expect(await secrets.open(TRUNK, ARN)).toBe('password1');
    await expect(secrets.remove(ARN)).resolves.toBeUndefined();
    expect(sm.commandCalls(DeleteSecretCommand)[0]!.args[0].input).toEqual({ SecretId: ARN, RecoveryWindowInDays: 7 });
  });

  it('is chosen whenever a prefix is configured', async () => {
    sm.on(CreateSecretCommand).resolves({ ARN });
    const secrets = sealedSecretsFor({ AWS_REGION: 'us-east-1', TELEPHONY_SECRET_PREFIX: 'pivotal/telephony', TELEPHONY_SECRET_KEY: KEY });
    expect(await secrets.seal(TRUNK, 'password1')).toBe(ARN);
  });
});
