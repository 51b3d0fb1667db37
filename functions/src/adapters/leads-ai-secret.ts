// On AWS the lead pipeline's vendor keys live in one Secrets Manager secret whose ARN is in
// LEADS_AI_SECRET_ARN (JSON: {"openaiApiKey", "assemblyaiApiKey", "assemblyaiWebhookSecret"}): the
// deploy never resolves it into a function's configuration. The functions that call the vendors (the
// pipeline's tasks, the leads API for the transcription webhook) read it at cold start, before the
// configuration is parsed, into the variables the configuration knows. Without an ARN (the local
// stack, tests) the environment is left as it is; empty values leave that vendor off.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const KEYS = { openaiApiKey: 'OPENAI_API_KEY', assemblyaiApiKey: 'ASSEMBLYAI_API_KEY', assemblyaiWebhookSecret: 'ASSEMBLYAI_WEBHOOK_SECRET' } as const;

export async function loadLeadsAiSecret(env: Record<string, string | undefined>, client: Pick<SecretsManagerClient, 'send'>): Promise<void> {
  const secretArn = env.LEADS_AI_SECRET_ARN?.trim();
  if (!secretArn) return;
  const secret = await client.send(new GetSecretValueCommand({ SecretId: secretArn })).catch((error: unknown) => {
    throw new Error(`LEADS_AI_SECRET_ARN names a secret that could not be read (${secretArn}).`, { cause: error });
  });
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(secret.SecretString ?? '') as Record<string, unknown>;
  } catch {
    throw new Error(
      `LEADS_AI_SECRET_ARN names a secret that is not JSON (${secretArn}); it must hold {"openaiApiKey": "...", "assemblyaiApiKey": "...", "assemblyaiWebhookSecret": "..."}.`,
    );
  }
  for (const [key, variable] of Object.entries(KEYS)) {
    const v = value[key];
    if (typeof v === 'string' && v.trim()) env[variable] = v.trim();
  }
}

let loaded: Promise<void> | undefined;

/** Reads the secret once per container (a failed read is tried again by the next invocation). */
export function ensureLeadsAiSecret(): Promise<void> {
  loaded ??= loadLeadsAiSecret(process.env, new SecretsManagerClient({})).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** Wraps a Lambda handler so the secret is in the environment before its first invocation builds its dependencies. */
export function withLeadsAiSecret<E, C, R>(handler: (event: E, context: C) => Promise<R>): (event: E, context: C) => Promise<R> {
  return async (event, context) => {
    await ensureLeadsAiSecret();
    return handler(event, context);
  };
}
