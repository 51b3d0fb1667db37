// Lambda entry point of the telephony module (trunks, call campaigns, the console and calls with
// the Telnyx webhook, the dialer's queues and reports). The Telnyx keys are read from Secrets
// Manager on AWS before the configuration is parsed.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { loadTelnyxSecret } from '../adapters/telnyx-secret';
import { createHttpHandler } from '../http/create-http-handler';
import { telephonyModule } from '../composition';

const http = createHttpHandler(telephonyModule);
let secretLoaded: Promise<void> | undefined;

export const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
  secretLoaded ??= loadTelnyxSecret(process.env, new SecretsManagerClient({})).catch((error: unknown) => {
    secretLoaded = undefined;
    throw error;
  });
  await secretLoaded;
  return http(event, context);
};
