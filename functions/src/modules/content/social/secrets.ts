// Where a connected account's access token rests: on AWS a Secrets Manager secret named
// `${CONTENT_SECRET_PREFIX}/social/<account id>` (the row keeps its ARN), locally an AES-256-GCM
// envelope sealed with CONTENT_SECRET_KEY, or TELEPHONY_SECRET_KEY (the key the local stack keeps
// under DATA_DIR); the row keeps the envelope, never the token. Without either, accounts cannot be
// connected (503).
import type { Config } from '../../../config/config';
import { localSealedSecrets, secretsManagerClient, secretsManagerSealedSecrets, unavailableSecrets, type SealedSecrets } from '../../../adapters/sealed-secrets';

export const socialSecretName = (prefix: string, accountId: string) => `${prefix.replace(/\/+$/, '')}/social/${accountId}`;

export function socialTokenSecretsFor(config: Pick<Config, 'AWS_REGION' | 'CONTENT_SECRET_PREFIX' | 'CONTENT_SECRET_KEY' | 'TELEPHONY_SECRET_KEY'>): SealedSecrets {
  if (config.CONTENT_SECRET_PREFIX) {
    const prefix = config.CONTENT_SECRET_PREFIX;
    return secretsManagerSealedSecrets(secretsManagerClient(config.AWS_REGION), {
      nameOf: (accountId) => socialSecretName(prefix, accountId),
      description: 'Social account access token (Pivotal CRM)',
      what: 'The social account’s',
    });
  }
  const key = config.CONTENT_SECRET_KEY ?? config.TELEPHONY_SECRET_KEY;
  if (key) {
    return localSealedSecrets(key, {
      what: 'The social account’s access token',
      keySetting: config.CONTENT_SECRET_KEY ? 'CONTENT_SECRET_KEY' : 'TELEPHONY_SECRET_KEY',
      purpose: 'social-token:',
    });
  }
  return unavailableSecrets('Access tokens cannot be stored: set CONTENT_SECRET_KEY (32 bytes, base64) locally, or CONTENT_SECRET_PREFIX on AWS.');
}
