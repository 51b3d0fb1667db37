// Step Functions task of the dialer workflow: one tick, and whether to wait and tick again within the minute.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadTelnyxSecret } from '../adapters/telnyx-secret';
import { getDeps } from '../deps';
import { dialerRound, type DialerRound } from '../modules/telephony';
import { dialerPorts } from '../composition';

let secretLoaded: Promise<void> | undefined;

export const handler = async (input: { round?: number } | null): Promise<DialerRound> => {
  secretLoaded ??= loadTelnyxSecret(process.env, new SecretsManagerClient({})).catch((error: unknown) => {
    secretLoaded = undefined;
    throw error;
  });
  await secretLoaded;
  return dialerRound(await getDeps(), dialerPorts, Number(input?.round ?? 0));
};
