// Health: one real round trip to each store and service the API depends on.
import { sql } from 'drizzle-orm';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetAccountCommand } from '@aws-sdk/client-sesv2';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import type { HealthCheck, HealthResponse } from '@shared/contracts/health';
import type { Deps } from '../../core/deps';

const CHECK_TIMEOUT_MS = 3000;

async function timed(check: () => Promise<unknown>): Promise<HealthCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The name of the failing error only: enough to act on, nothing internal.
    const name = (error as Error)?.name && (error as Error).name !== 'Error' ? (error as Error).name : 'unreachable';
    return { status: 'fail', latencyMs: Math.round(performance.now() - started), error: name };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(deps: Deps): Promise<HealthResponse> {
  const { aws, config } = deps;
  const [db, dynamo, s3, email, workflows] = await Promise.all([
    timed(() => deps.db.execute(sql`select 1 as ok`)),
    timed(() => aws.dynamo.send(new DescribeTableCommand({ TableName: config.TABLE_NAME }))),
    timed(() => aws.s3.send(new HeadBucketCommand({ Bucket: config.BUCKET_NAME }))),
    timed(() => aws.ses.send(new GetAccountCommand({}))),
    timed(() => aws.sfn.send(new ListStateMachinesCommand({ maxResults: 1 }))),
  ]);
  const checks = { db, dynamo, s3, email, workflows };
  const failed = Object.entries(checks).filter(([, c]) => c.status === 'fail');
  if (failed.length) deps.logger.warn('health check failed', { failed: failed.map(([name, c]) => ({ name, error: c.error })) });
  return {
    status: failed.length ? 'degraded' : 'ok',
    version: config.APP_VERSION,
    checks,
  };
}
