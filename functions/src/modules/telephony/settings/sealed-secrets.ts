// Where a SIP trunk's password lives at rest, behind the sealed-secrets port
// (functions/src/adapters/sealed-secrets.ts): on AWS a Secrets Manager secret per trunk
// (`${TELEPHONY_SECRET_PREFIX}/trunks/<id>`, the row keeps its ARN), locally an AES-256-GCM
// envelope sealed with TELEPHONY_SECRET_KEY (the row keeps the envelope). Which one is
// configuration, chosen here once; without either the API refuses to store a password (503)
// rather than keep it in the clear.
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Config } from '../../../config/config';
import {
  localSealedSecrets as localEnvelope,
  secretsManagerClient,
  secretsManagerSealedSecrets as secretsManagerStore,
  unavailableSecrets,
  type SealedSecrets,
} from '../../../adapters/sealed-secrets';

export type { SealedSecrets };

const WORDING = { what: 'The trunk’s password', keySetting: 'TELEPHONY_SECRET_KEY' };

/** `aesgcm:v1:<iv>:<tag>:<ciphertext>`; the trunk id is the additional data. */
export function localSealedSecrets(keyBase64: string): SealedSecrets {
  return localEnvelope(keyBase64, WORDING);
}

export const trunkSecretName = (prefix: string, trunkId: string) => `${prefix.replace(/\/+$/, '')}/trunks/${trunkId}`;

export function secretsManagerSealedSecrets(client: SecretsManagerClient, prefix: string): SealedSecrets {
  return secretsManagerStore(client, { nameOf: (trunkId) => trunkSecretName(prefix, trunkId), description: 'SIP trunk password (Pivotal CRM)', what: 'The trunk’s' });
}

/** Secrets Manager when a prefix is configured, else the local key, else a port that answers 503. */
export function sealedSecretsFor(config: Pick<Config, 'AWS_REGION' | 'TELEPHONY_SECRET_KEY' | 'TELEPHONY_SECRET_PREFIX'>): SealedSecrets {
  if (config.TELEPHONY_SECRET_PREFIX) return secretsManagerSealedSecrets(secretsManagerClient(config.AWS_REGION), config.TELEPHONY_SECRET_PREFIX);
  if (config.TELEPHONY_SECRET_KEY) return localSealedSecrets(config.TELEPHONY_SECRET_KEY);
  return unavailableSecrets('Trunk passwords cannot be stored: set TELEPHONY_SECRET_KEY (32 bytes, base64) locally, or TELEPHONY_SECRET_PREFIX on AWS.');
}
