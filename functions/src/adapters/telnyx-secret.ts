// On AWS the Telnyx API key and the webhook public key live in one Secrets Manager secret whose
// ARN is in TELNYX_SECRET_ARN (JSON: {"apiKey": "...", "publicKey": "..."}): the deploy never
// resolves it into a function's configuration. Functions that call Telnyx read it at cold start,
// before the configuration is parsed, into the two variables the configuration knows. Without an
// ARN (the local stack, tests) the environment is left as it is; empty values leave telephony off.
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export async function loadTelnyxSecret(env: Record<string, string | undefined>, client: Pick<SecretsManagerClient, 'send'>): Promise<void> {
  const secretArn = env.TELNYX_SECRET_ARN?.trim();
  if (!secretArn) return;
  const secret = await client.send(new GetSecretValueCommand({ SecretId: secretArn })).catch((error: unknown) => {
    throw new Error(`TELNYX_SECRET_ARN names a secret that could not be read (${secretArn}).`, { cause: error });
  });
  let value: { apiKey?: unknown; publicKey?: unknown };
  try {
    value = JSON.parse(secret.SecretString ?? '') as typeof value;
  } catch {
    throw new Error(`TELNYX_SECRET_ARN names a secret that is not JSON (${secretArn}); it must hold {"apiKey": "...", "publicKey": "..."}.`);
  }
  if (typeof value.apiKey === 'string' && value.apiKey.trim()) env.TELNYX_API_KEY = value.apiKey.trim();
  if (typeof value.publicKey === 'string' && value.publicKey.trim()) env.TELNYX_PUBLIC_KEY = value.publicKey.trim();
}
