// The local stack's pieces a module's tests share: a fresh database with the real configuration,
// dynalite with the main table, s3rver with the data and content buckets, and a clock the test moves. Closing it
// stops them and removes their files.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureMainTable, startDynamo, type DynamoEmulator } from '../../../infra/local/emulators/dynamo';
import { startS3, type S3Emulator } from '../../../infra/local/emulators/s3';
import { FAST_AUTH_ENV, testClock, type TestClock } from './identity-fixtures';
import { createTestDeps, type TestContext } from './test-deps';

export interface EmulatedStack extends TestContext {
  clock: TestClock;
  s3: S3Emulator;
  dynamo: DynamoEmulator;
}

/** A test context on the emulators, its bucket and table named after `name` (pivotal-<name>-test; the content bucket pivotal-<name>-content-test). */
export async function createEmulatedStack(name: string): Promise<EmulatedStack> {
  const bucket = `pivotal-${name}-test`;
  const contentBucket = `pivotal-${name}-content-test`;
  const dir = await mkdtemp(path.join(os.tmpdir(), `pivotal-${name}-`));
  const [dynamo, s3] = await Promise.all([startDynamo({}), startS3({ directory: dir, buckets: [bucket, contentBucket] })]);
  await ensureMainTable(dynamo.endpoint, bucket, 'us-east-1');
  const clock = testClock();
  const ctx = await createTestDeps({
    now: clock.now,
    env: { ...FAST_AUTH_ENV, DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: bucket, S3_ENDPOINT: s3.endpoint, BUCKET_NAME: bucket, CONTENT_BUCKET_NAME: contentBucket, PUBLIC_BASE_URL: 'https://crm.example.com' },
  });
  return {
    ...ctx,
    clock,
    s3,
    dynamo,
    close: async () => {
      await ctx.close();
      await Promise.all([dynamo.stop(), s3.stop()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
