// Where a connected account's access token rests: on AWS a Secrets Manager secret named
// `${CONTENT_SECRET_PREFIX}/social/<account id>` (the row keeps its ARN), locally an AES-256-GCM
// envelope sealed with CONTENT_SECRET_KEY, or TELEPHONY_SECRET_KEY (the key the local stack keeps
// under DATA_DIR); the row keeps the envelope, never the token. Without either, accounts cannot be
// connected (503).
import type { Config } from '../../../config/config';
import { configuredSealedSecrets, type SealedSecrets } from '../../../adapters/sealed-secrets';


export function socialTokenSecretsFor(config: Pick<Config, 'AWS_REGION' | 'CONTENT_SECRET_PREFIX' | 'CONTENT_SECRET_KEY' | 'TELEPHONY_SECRET_KEY'>): SealedSecrets {
  return configuredSealedSecrets({
    region: config.AWS_REGION,
    prefix: config.CONTENT_SECRET_PREFIX,
    folder: 'social',
    local: { key: config.CONTENT_SECRET_KEY ?? config.TELEPHONY_SECRET_KEY, keySetting: config.CONTENT_SECRET_KEY ? 'CONTENT_SECRET_KEY' : 'TELEPHONY_SECRET_KEY', purpose: 'social-token:' },
    what: 'The social account’s access token',
    whose: 'The social account’s',
    description: 'Social account access token (Pivotal CRM)',
    missing: 'Access tokens cannot be stored: set CONTENT_SECRET_KEY (32 bytes, base64) locally, or CONTENT_SECRET_PREFIX on AWS.',
  });
}
