// Where a delivery configuration's signing secret rests: on AWS a Secrets Manager secret named
// `${DELIVERY_SECRET_PREFIX}/<config id>` (the row keeps its ARN), locally an AES-256-GCM
// envelope sealed with DELIVERY_SECRET_KEY, or TELEPHONY_SECRET_KEY, the key the local stack keeps
// under DATA_DIR (the row keeps the envelope). Without either, configurations that sign cannot be
// made (503).
import type { Config } from '../../../config/config';
import { configuredSealedSecrets, type SealedSecrets } from '../../../adapters/sealed-secrets';


export function deliverySecretsFor(
  config: Pick<Config, 'AWS_REGION' | 'DELIVERY_SECRET_PREFIX' | 'DELIVERY_SECRET_KEY' | 'TELEPHONY_SECRET_KEY'>,
): SealedSecrets {
  return configuredSealedSecrets({
    region: config.AWS_REGION,
    prefix: config.DELIVERY_SECRET_PREFIX,
    folder: '',
    local: { key: config.DELIVERY_SECRET_KEY ?? config.TELEPHONY_SECRET_KEY, keySetting: config.DELIVERY_SECRET_KEY ? 'DELIVERY_SECRET_KEY' : 'TELEPHONY_SECRET_KEY', purpose: 'lead-delivery:' },
    what: 'The delivery configuration’s signing secret',
    whose: 'The delivery configuration’s',
    description: 'Lead delivery signing secret (Pivotal CRM)',
    missing: 'Signing secrets cannot be stored: set DELIVERY_SECRET_KEY (32 bytes, base64) locally, or DELIVERY_SECRET_PREFIX on AWS.',
  });
}
