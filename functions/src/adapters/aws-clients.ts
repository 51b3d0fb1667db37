// AWS SDK clients built from configuration. The local stack differs only by the endpoints
// (and the S3 checksum settings s3rver needs); the calls are the same on both hosts.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { Config } from '../config/config';

export interface AwsClients {
  dynamo: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  s3: S3Client;
  ses: SESv2Client;
  sfn: SFNClient;
}

// Emulators check signatures against fixed keys (s3rver's are S3RVER/S3RVER; the others accept
// any); real AWS uses the default provider chain (the Lambda role).
const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const local = (endpoint: string | undefined) => (endpoint ? { endpoint, credentials: localCredentials } : {});

const DYNAMO_SOCKETS = 128;

export function createAwsClients(config: Config): AwsClients {
  const base = { region: config.AWS_REGION };
  const dynamo = new DynamoDBClient({
    ...base,
    ...local(config.DYNAMODB_ENDPOINT),
    // A dialer tick reserves up to a hundred agents at once: that many kept-alive connections
    // (the SDK's default is 50, which sends the second half after the first).
    requestHandler: { httpAgent: { maxSockets: DYNAMO_SOCKETS }, httpsAgent: { maxSockets: DYNAMO_SOCKETS } },
  });
  return {
    dynamo,
    doc: DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
    s3: new S3Client({
      ...base,
      ...local(config.S3_ENDPOINT),
      ...(config.S3_ENDPOINT
        ? {
            forcePathStyle: true,
            // s3rver stores aws-chunked uploads verbatim unless checksums are only sent when required.
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
    }),
    ses: new SESv2Client({ ...base, ...local(config.SES_ENDPOINT) }),
    sfn: new SFNClient({ ...base, ...local(config.SFN_ENDPOINT) }),
  };
}

/**
 * The SES client campaign sends go through: one attempt per call, because the SDK's own retries
 * would resend a message whose first attempt timed out after SES had taken it (the sending engine
 * decides what to retry), and a firm time limit so that a hung call ends as "possibly sent".
 */
export function createSesSendClient(config: Pick<Config, 'AWS_REGION' | 'SES_ENDPOINT' | 'EMAIL_SEND_TIMEOUT_MS'>): SESv2Client {
  return new SESv2Client({
    region: config.AWS_REGION,
    ...local(config.SES_ENDPOINT),
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: config.EMAIL_SEND_TIMEOUT_MS, throwOnRequestTimeout: true },
  });
}
