// Where a SIP trunk's password lives at rest, behind one small port: on AWS a Secrets Manager
// secret per trunk (`${TELEPHONY_SECRET_PREFIX}/trunks/<id>`, the row keeps its ARN), locally an
// AES-256-GCM envelope sealed with TELEPHONY_SECRET_KEY (the row keeps the envelope). Which one
// is configuration, chosen here once; without either the API refuses to store a password (503)
// rather than keep it in the clear.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { Config } from '../../../config/config';
import { AppError } from '../../../core/app-error';

export interface SealedSecrets {
  /** Stores the secret for the trunk (replacing one it had) and answers the reference the row keeps. */
  seal(trunkId: string, secret: string): Promise<string>;
  /** The secret a reference points at. */
  open(trunkId: string, ref: string): Promise<string>;
  /** Forgets the secret (nothing to do when it is already gone). */
  remove(ref: string): Promise<void>;
}

// ---------------------------------------------------------------- local: AES-256-GCM

const ENVELOPE = /^aesgcm:v1:([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]*)$/;

/**
 * `aesgcm:v1:<iv>:<tag>:<ciphertext>` (base64url). The trunk id is the additional data, so an
 * envelope copied onto another trunk's row does not open.
 */
export function localSealedSecrets(keyBase64: string): SealedSecrets {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new Error('TELEPHONY_SECRET_KEY must be 32 bytes in base64.');
  return {
    async seal(trunkId, secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(trunkId, 'utf8'));
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `aesgcm:v1:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
    },
    async open(trunkId, ref) {
      const parts = ENVELOPE.exec(ref);
      if (!parts) throw new AppError('internal', { detail: 'The trunk’s sealed password is not an envelope this server made.' });
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[1]!, 'base64url'));
      decipher.setAAD(Buffer.from(trunkId, 'utf8'));
      decipher.setAuthTag(Buffer.from(parts[2]!, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(parts[3]!, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new AppError('internal', { detail: 'The trunk’s password does not open with TELEPHONY_SECRET_KEY (was the key changed?).', cause });
      }
    },
    // The envelope lives in the row: nothing else to forget.
    async remove() {},
  };
}

// ---------------------------------------------------------------- AWS: Secrets Manager

export const trunkSecretName = (prefix: string, trunkId: string) => `${prefix.replace(/\/+$/, '')}/trunks/${trunkId}`;

/** Days Secrets Manager keeps a deleted trunk's secret before it is gone for good. */
const RECOVERY_WINDOW_DAYS = 7;

export function secretsManagerSealedSecrets(client: SecretsManagerClient, prefix: string): SealedSecrets {
  return {
    async seal(trunkId, secret) {
      const name = trunkSecretName(prefix, trunkId);
      try {
        const created = await client.send(new CreateSecretCommand({ Name: name, SecretString: secret, Description: 'SIP trunk password (Pivotal CRM)' }));
        return created.ARN ?? name;
      } catch (error) {
        // A password change (or a retried create) writes a new version of the secret that exists.
        if (!(error instanceof ResourceExistsException)) throw error;
        const put = await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: secret }));
        return put.ARN ?? name;
      }
    },
    async open(_trunkId, ref) {
      const value = await client.send(new GetSecretValueCommand({ SecretId: ref }));
      if (value.SecretString === undefined) throw new AppError('internal', { detail: 'The trunk’s secret holds no password.' });
      return value.SecretString;
    },
    async remove(ref) {
      try {
        await client.send(new DeleteSecretCommand({ SecretId: ref, RecoveryWindowInDays: RECOVERY_WINDOW_DAYS }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    },
  };
}

// ---------------------------------------------------------------- the choice

const notConfigured = () =>
  new AppError('unavailable', {
    detail: 'Trunk passwords cannot be stored: set TELEPHONY_SECRET_KEY (32 bytes, base64) locally, or TELEPHONY_SECRET_PREFIX on AWS.',
  });

const unavailableSecrets: SealedSecrets = {
  seal: async () => {
    throw notConfigured();
  },
  open: async () => {
    throw notConfigured();
  },
  remove: async () => {
    throw notConfigured();
  },
};

let awsClient: { region: string; client: SecretsManagerClient } | undefined;

/** Secrets Manager when a prefix is configured, else the local key, else a port that answers 503. */
export function sealedSecretsFor(config: Pick<Config, 'AWS_REGION' | 'TELEPHONY_SECRET_KEY' | 'TELEPHONY_SECRET_PREFIX'>): SealedSecrets {
  if (config.TELEPHONY_SECRET_PREFIX) {
    // One client per warm Lambda: building it reads the credential chain.
    if (awsClient?.region !== config.AWS_REGION) awsClient = { region: config.AWS_REGION, client: new SecretsManagerClient({ region: config.AWS_REGION }) };
    return secretsManagerSealedSecrets(awsClient.client, config.TELEPHONY_SECRET_PREFIX);
  }
  if (config.TELEPHONY_SECRET_KEY) return localSealedSecrets(config.TELEPHONY_SECRET_KEY);
  return unavailableSecrets;
}
