// Where the Resources Centre's signing secrets rest: on AWS a Secrets Manager secret named
// `${CONTENT_SECRET_PREFIX}/resources-centre/<secret id>` (the row keeps its ARN), locally an
// AES-256-GCM envelope sealed with CONTENT_SECRET_KEY, or TELEPHONY_SECRET_KEY, the key the local
// stack keeps under DATA_DIR. Each secret has its own id, so during a rotation the previous one
// stays readable beside the new one. The row keeps `<secret id> <reference>`.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../../../config/config';
import { configuredSealedSecrets, type SealedSecrets } from '../../../adapters/sealed-secrets';

export function resourcesCentreSecretsFor(
  config: Pick<Config, 'AWS_REGION' | 'CONTENT_SECRET_PREFIX' | 'CONTENT_SECRET_KEY' | 'TELEPHONY_SECRET_KEY'>,
): SealedSecrets {
  return configuredSealedSecrets({
    region: config.AWS_REGION,
    prefix: config.CONTENT_SECRET_PREFIX,
    folder: 'resources-centre',
    local: { key: config.CONTENT_SECRET_KEY ?? config.TELEPHONY_SECRET_KEY, keySetting: config.CONTENT_SECRET_KEY ? 'CONTENT_SECRET_KEY' : 'TELEPHONY_SECRET_KEY', purpose: 'resources-centre:' },
    what: 'The Resources Centre’s signing secret',
    whose: 'The Resources Centre’s',
    description: 'Resources Centre signing secret (Pivotal CRM)',
    missing: 'The Resources Centre’s secret cannot be stored: set CONTENT_SECRET_KEY (32 bytes, base64) locally, or CONTENT_SECRET_PREFIX on AWS.',
  });
}

/** A new signing secret: 32 random bytes, hex. */
export const newSecret = () => randomBytes(32).toString('hex');

/** Seals a new secret under its own id; answers what the row keeps. */
export async function sealSecret(store: SealedSecrets, secret: string): Promise<string> {
  const secretId = randomUUID();
  return `${secretId} ${await store.seal(secretId, secret)}`;
}

function unpack(stored: string): { secretId: string; ref: string } {
  const space = stored.indexOf(' ');
  return { secretId: stored.slice(0, space), ref: stored.slice(space + 1) };
}

export async function openSecret(store: SealedSecrets, stored: string): Promise<string> {
  const { secretId, ref } = unpack(stored);
  return store.open(secretId, ref);
}

export async function removeSecret(store: SealedSecrets, stored: string): Promise<void> {
  await store.remove(unpack(stored).ref);
}
