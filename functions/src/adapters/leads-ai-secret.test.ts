import { describe, expect, it } from 'vitest';
import type { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { parseConfig } from '../config/config';
import { loadLeadsAiSecret } from './leads-ai-secret';

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

describe('the lead pipeline vendor keys from Secrets Manager', () => {
  it('reads the secret named by LEADS_AI_SECRET_ARN into the three variables the configuration knows', async () => {
    const env: Record<string, string | undefined> = { LEADS_AI_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:1:secret:leads-ai' };
    const client = clientAnswering(JSON.stringify({ openaiApiKey: ' sk-live ', assemblyaiApiKey: 'aai-key', assemblyaiWebhookSecret: 'a-webhook-secret-of-32-characters' }));
    await loadLeadsAiSecret(env, client);
    expect(client.asked).toEqual(['arn:aws:secretsmanager:eu-west-1:1:secret:leads-ai']);
    expect(env).toMatchObject({ OPENAI_API_KEY: 'sk-live', ASSEMBLYAI_API_KEY: 'aai-key', ASSEMBLYAI_WEBHOOK_SECRET: 'a-webhook-secret-of-32-characters' });
    expect(parseConfig(env)).toMatchObject({ OPENAI_API_KEY: 'sk-live', OPENAI_MODEL: 'gpt-4.1-mini', LEADS_ENRICHMENT: false });
  });

  it('leaves a vendor off when its key is empty, and the environment alone without an ARN', async () => {
    const env: Record<string, string | undefined> = { LEADS_AI_SECRET_ARN: 'arn:x' };
    await loadLeadsAiSecret(env, clientAnswering(JSON.stringify({ openaiApiKey: '', assemblyaiApiKey: '  ' })));
    expect(env.OPENAI_API_KEY).toBeUndefined();
    expect(env.ASSEMBLYAI_API_KEY).toBeUndefined();
    const local = { OPENAI_API_KEY: 'sk-local' };
    const untouched = clientAnswering('{}');
    await loadLeadsAiSecret(local, untouched);
    expect(untouched.asked).toEqual([]);
    expect(local).toEqual({ OPENAI_API_KEY: 'sk-local' });
  });

  it('says which secret could not be read or is not JSON', async () => {
    await expect(loadLeadsAiSecret({ LEADS_AI_SECRET_ARN: 'arn:y' }, clientAnswering(new Error('AccessDenied')))).rejects.toThrow('could not be read (arn:y)');
    await expect(loadLeadsAiSecret({ LEADS_AI_SECRET_ARN: 'arn:z' }, clientAnswering('KEY123'))).rejects.toThrow('is not JSON (arn:z)');
  });

  it('refuses a webhook secret shorter than 16 characters and an unknown LEADS_ENRICHMENT', () => {
    expect(() => parseConfig({ ASSEMBLYAI_WEBHOOK_SECRET: 'short' })).toThrow('ASSEMBLYAI_WEBHOOK_SECRET must be at least 16 characters');
    expect(() => parseConfig({ LEADS_ENRICHMENT: 'maybe' })).toThrow(/^LEADS_ENRICHMENT /);
    expect(parseConfig({ LEADS_ENRICHMENT: 'on' }).LEADS_ENRICHMENT).toBe(true);
  });
});
