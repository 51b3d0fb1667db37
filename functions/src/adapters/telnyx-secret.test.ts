import { describe, expect, it } from 'vitest';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { loadTelnyxSecret } from './telnyx-secret';

const clientAnswering = (value: string | Error) => {
  const asked: string[] = [];
  return {
    asked,
    send: (async (command: GetSecretValueCommand) => {
      asked.push(String(command.input.SecretId));
      if (value instanceof Error) throw value;
      return { SecretString: value };
    }) as never,
  };
};

describe('the Telnyx keys from Secrets Manager', () => {
  it('reads the secret named by TELNYX_SECRET_ARN into the two variables the configuration knows', async () => {
    const env: Record<string, string | undefined> = { TELNYX_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:1:secret:telnyx' };
    const client = clientAnswering(JSON.stringify({ apiKey: ' KEY123 ', publicKey: 'a'.repeat(43) + '=' }));
    await loadTelnyxSecret(env, client);
    expect(client.asked).toEqual(['arn:aws:secretsmanager:eu-west-1:1:secret:telnyx']);
    expect(env).toMatchObject({ TELNYX_API_KEY: 'KEY123', TELNYX_PUBLIC_KEY: `${'a'.repeat(43)}=` });
  });

  it('leaves telephony off while the keys are empty, and the environment alone without an ARN', async () => {
    const env: Record<string, string | undefined> = { TELNYX_SECRET_ARN: 'arn:x' };
    await loadTelnyxSecret(env, clientAnswering(JSON.stringify({ apiKey: '', publicKey: '', unused: 'x' })));
    expect(env.TELNYX_API_KEY).toBeUndefined();
    const local: Record<string, string | undefined> = { TELNYX_API_KEY: 'KEYlocal' };
    const client = clientAnswering('{}');
    await loadTelnyxSecret(local, client);
    expect(client.asked).toEqual([]);
    expect(local.TELNYX_API_KEY).toBe('KEYlocal');
  });

  it('names the secret when it cannot be read or is not JSON', async () => {
    await expect(loadTelnyxSecret({ TELNYX_SECRET_ARN: 'arn:y' }, clientAnswering(new Error('AccessDenied')))).rejects.toThrow('could not be read (arn:y)');
    await expect(loadTelnyxSecret({ TELNYX_SECRET_ARN: 'arn:z' }, clientAnswering('KEY123'))).rejects.toThrow('is not JSON (arn:z)');
  });
});
