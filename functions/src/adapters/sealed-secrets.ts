// Secrets at rest behind one small port, for whichever module keeps one per row (a SIP trunk's
// password, a delivery configuration's signing secret): on AWS a Secrets Manager secret per owner
// under a prefix (the row keeps its ARN), locally an AES-256-GCM envelope sealed with a 32-byte
// key (the row keeps the envelope). Each user names its store, its key setting and its secrets.
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
import { AppError } from '../core/app-error';

export interface SealedSecrets {
  /** Stores the owner's secret (replacing one it had) and answers the reference the row keeps. */
  seal(ownerId: string, secret: string): Promise<string>;
  /** The secret a reference points at. */
  open(ownerId: string, ref: string): Promise<string>;
  /** Forgets the secret (nothing to do when it is already gone). */
  remove(ref: string): Promise<void>;
}

/** How a store speaks of its secrets in errors: "The trunk’s password", and the key's setting. */
export interface SecretWording {
  /** e.g. "The trunk’s password". */
  what: string;
  /** The setting holding the local key, e.g. TELEPHONY_SECRET_KEY. */
  keySetting: string;
  /** Prefixed to the owner id as the envelope's additional data (an envelope of one kind never opens as another). */
  purpose?: string;
}

// ---------------------------------------------------------------- local: AES-256-GCM

const ENVELOPE = /^aesgcm:v1:([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]*)$/;

/**
 * `aesgcm:v1:<iv>:<tag>:<ciphertext>` (base64url). The owner id (after the purpose) is the
 * additional data, so an envelope copied onto another row does not open.
 */
export function localSealedSecrets(keyBase64: string, wording: SecretWording): SealedSecrets {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new Error(`${wording.keySetting} must be 32 bytes in base64.`);
  const aad = (ownerId: string) => Buffer.from(`${wording.purpose ?? ''}${ownerId}`, 'utf8');
  return {
    async seal(ownerId, secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(ownerId));
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `aesgcm:v1:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
    },
    async open(ownerId, ref) {
      const parts = ENVELOPE.exec(ref);
      if (!parts) throw new AppError('internal', { detail: `${wording.what} is not an envelope this server made.` });
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[1]!, 'base64url'));
      decipher.setAAD(aad(ownerId));
      decipher.setAuthTag(Buffer.from(parts[2]!, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(parts[3]!, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new AppError('internal', { detail: `${wording.what} does not open with ${wording.keySetting} (was the key changed?).`, cause });
      }
    },
    // The envelope lives in the row: nothing else to forget.
    async remove() {},
  };
}

// ---------------------------------------------------------------- AWS: Secrets Manager

/** Days Secrets Manager keeps a deleted secret before it is gone for good. */
const RECOVERY_WINDOW_DAYS = 7;

export function secretsManagerSealedSecrets(
  client: SecretsManagerClient,
  options: { nameOf: (ownerId: string) => string; description: string; what: string },
): SealedSecrets {
  return {
    async seal(ownerId, secret) {
      const name = options.nameOf(ownerId);
      try {
        const created = await client.send(new CreateSecretCommand({ Name: name, SecretString: secret, Description: options.description }));
        return created.ARN ?? name;
      } catch (error) {
        // A change (or a retried create) writes a new version of the secret that exists.
        if (!(error instanceof ResourceExistsException)) throw error;
        const put = await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: secret }));
        return put.ARN ?? name;
      }
    },
    async open(_ownerId, ref) {
      const value = await client.send(new GetSecretValueCommand({ SecretId: ref }));
      if (value.SecretString === undefined) throw new AppError('internal', { detail: `${options.what} secret holds no value.` });
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

/** A store that answers 503 with `detail` on every call (neither a key nor a prefix is configured). */
export function unavailableSecrets(detail: string): SealedSecrets {
  const refuse = async (): Promise<never> => {
    throw new AppError('unavailable', { detail });
  };
  return { seal: refuse, open: refuse, remove: refuse };
}

let awsClient: { region: string; client: SecretsManagerClient } | undefined;

/** One client per warm Lambda: building it reads the credential chain. */
export function secretsManagerClient(region: string): SecretsManagerClient {
  if (awsClient?.region !== region) awsClient = { region, client: new SecretsManagerClient({ region }) };
  return awsClient.client;
}

/**
 * The store a kind of secret uses under the usual settings: Secrets Manager under `prefix` on AWS
 * (`<prefix>/<folder>/<owner id>`), else an envelope sealed with the local `key` (its setting
 * named in errors), else none (503 with `missing`).
 */
export function configuredSealedSecrets(options: {
  region: string;
  prefix: string | undefined;
  /** Below the prefix ('' for none). */
  folder: string;
  local: { key: string | undefined; keySetting: string; purpose: string };
  /** e.g. "The social account’s access token"; Secrets Manager says "The social account’s". */
  what: string;
  whose: string;
  description: string;
  missing: string;
}): SealedSecrets {
  if (options.prefix) {
    const base = [options.prefix.replace(/\/+$/, ''), options.folder].filter(Boolean).join('/');
    return secretsManagerSealedSecrets(secretsManagerClient(options.region), {
      nameOf: (ownerId) => `${base}/${ownerId}`,
      description: options.description,
      what: options.whose,
    });
  }
  if (options.local.key) return localSealedSecrets(options.local.key, { what: options.what, keySetting: options.local.keySetting, purpose: options.local.purpose });
  return unavailableSecrets(options.missing);
}
