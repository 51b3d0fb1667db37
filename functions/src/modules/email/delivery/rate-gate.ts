// The rate gate: how many messages a sending identity may hand to its provider now. Two counters
// per identity in the one DynamoDB table, each a single item raised by a conditional UpdateItem
// (no transactions: dynalite has none, and one item per counter needs none):
//   pk RATE#<identity>  sk S#<epoch second>   messages in that second   (expires after minutes)
//   pk RATE#<identity>  sk D#<yyyy-mm-dd>     messages that UTC day     (the warm-up plan's daily cap; kept days)
// The second is taken first, then the day. When the day then refuses, the second's slots are lost
// (not handed back): that happens only in the last second before the daily cap, and the campaign
// pauses until the next UTC day anyway. Never is a recipient skipped: a refusal is a wait.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { invalid } from '../../../core/app-error';

export interface SendSlotRequest {
  /** The sending identity the limits belong to (a domain or address, with its provider). */
  identity: string;
  /** Messages allowed per second. */
  perSecond: number;
  /** Messages allowed per UTC day by the warm-up plan; no daily limit when absent. */
  dailyCap?: number;
  /** How many messages the caller has ready (a batch asks for all of them at once). */
  want: number;
}

export interface SendSlotGrant {
  /** Messages that may go now (0..want). */
  granted: number;
  /** How long to wait before asking again: to the next second, or to the next UTC day when the cap is met; 0 when all were granted. */
  retryAfterMs: number;
  /** The daily cap is met: pause until the next UTC day (never skip the recipients). */
  dailyCapReached: boolean;
}

const SECOND_BUCKET_TTL_SECONDS = 5 * 60;
const DAY_BUCKET_TTL_SECONDS = 4 * 24 * 60 * 60;

interface Bucket {
  key: { pk: string; sk: string };
  limit: number;
  expiresAt: number;
}

async function usedIn(doc: DynamoDBDocumentClient, table: string, bucket: Bucket): Promise<number> {
  const { Item } = await doc.send(new GetCommand({ TableName: table, Key: bucket.key, ConsistentRead: true, ProjectionExpression: '#count', ExpressionAttributeNames: { '#count': 'count' } }));
  return Number(Item?.count ?? 0);
}

/**
 * Takes up to `want` slots from one bucket. The update adds n only while the count stays within
 * the limit; when it refuses, the count is read and the attempt repeated with what is left. Each
 * refusal means the count rose, so the loop ends.
 */
async function takeFromBucket(doc: DynamoDBDocumentClient, table: string, bucket: Bucket, want: number): Promise<number> {
  let n = Math.min(want, bucket.limit);
  while (n > 0) {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: bucket.key,
          UpdateExpression: 'ADD #count :n SET expiresAt = :expiresAt',
          ConditionExpression: 'attribute_not_exists(#count) OR #count <= :room',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':n': n, ':room': bucket.limit - n, ':expiresAt': bucket.expiresAt },
        }),
      );
      return n;
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
    n = Math.min(n - 1, bucket.limit - (await usedIn(doc, table, bucket)));
  }
  return 0;
}

const msToNextSecond = (now: Date) => 1000 - (now.getTime() % 1000);

function msToNextUtcDay(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return next - now.getTime();
}

/**
 * Grants up to `want` send slots for this second (fewer when the second or the day has less
 * room). Safe under any number of concurrent callers: the counters never exceed their limits.
 */
export async function acquireSendSlots(
  doc: DynamoDBDocumentClient,
  table: string,
  request: SendSlotRequest,
  now: Date,
): Promise<SendSlotGrant> {
  if (!Number.isInteger(request.perSecond) || request.perSecond < 1) throw invalid('perSecond', 'must be a whole number of at least 1');
  if (request.dailyCap !== undefined && (!Number.isInteger(request.dailyCap) || request.dailyCap < 0)) {
    throw invalid('dailyCap', 'must be a whole number of at least 0');
  }
  const want = Math.max(0, Math.floor(request.want));
  if (want === 0) return { granted: 0, retryAfterMs: 0, dailyCapReached: false };

  const pk = `RATE#${request.identity}`;
  const epochSecond = Math.floor(now.getTime() / 1000);
  const second: Bucket = { key: { pk, sk: `S#${epochSecond}` }, limit: request.perSecond, expiresAt: epochSecond + SECOND_BUCKET_TTL_SECONDS };
  const fromSecond = await takeFromBucket(doc, table, second, want);
  const untilNextSecond = fromSecond < want ? msToNextSecond(now) : 0;
  if (fromSecond === 0 || request.dailyCap === undefined) return { granted: fromSecond, retryAfterMs: untilNextSecond, dailyCapReached: false };

  const day: Bucket = {
    key: { pk, sk: `D#${now.toISOString().slice(0, 10)}` },
    limit: request.dailyCap,
    expiresAt: epochSecond + DAY_BUCKET_TTL_SECONDS,
  };
  const fromDay = await takeFromBucket(doc, table, day, fromSecond);
  if (fromDay < fromSecond) return { granted: fromDay, retryAfterMs: msToNextUtcDay(now), dailyCapReached: true };
  return { granted: fromDay, retryAfterMs: untilNextSecond, dailyCapReached: false };
}

export interface PaceOptions {
  /** The clock (tests inject one that sleep advances). */
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Called with each grant as it comes, so a batch can send what it has while it waits for the rest. */
  onGranted?: (count: number) => Promise<void> | void;
}

export interface PaceResult {
  granted: number;
  /** True when the daily cap stopped it short of `want`: pause until the next UTC day. */
  dailyCapReached: boolean;
  /** With dailyCapReached, how long until the next UTC day; otherwise 0. */
  retryAfterMs: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Acquires slots until all `want` are granted, sleeping to the next second between grants, or the daily cap stops it. */
export async function paceSends(
  doc: DynamoDBDocumentClient,
  table: string,
  request: SendSlotRequest,
  options: PaceOptions = {},
): Promise<PaceResult> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  let granted = 0;
  while (granted < request.want) {
    const slot = await acquireSendSlots(doc, table, { ...request, want: request.want - granted }, now());
    granted += slot.granted;
    if (slot.granted > 0) await options.onGranted?.(slot.granted);
    if (slot.dailyCapReached) return { granted, dailyCapReached: true, retryAfterMs: slot.retryAfterMs };
    if (granted < request.want) await sleep(slot.retryAfterMs);
  }
  return { granted, dailyCapReached: false, retryAfterMs: 0 };
}
