// The rate gate on dynalite (the same conditional updates DynamoDB runs): a second's slots and a
// day's warm-up cap are never exceeded, however many batches ask at once, and pacing gets every
// slot it asked for across seconds unless the daily cap stops it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureMainTable, startDynamo, type DynamoEmulator } from '../../../../../infra/local/emulators/dynamo';
import { AppError } from '../../../core/app-error';
import { acquireSendSlots, paceSends } from './rate-gate';

const TABLE = 'pivotal-main';

describe('the rate gate', () => {
  let dynamo: DynamoEmulator;
  let doc: DynamoDBDocumentClient;

  beforeAll(async () => {
    dynamo = await startDynamo({});
    await ensureMainTable(dynamo.endpoint, TABLE, 'us-east-1');
    doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    );
  });
  afterAll(() => dynamo.stop());

  const anIdentity = () => `ses:${randomUUID()}.acme-mail.example`;

  async function buckets(identity: string, prefix: 'S#' | 'D#'): Promise<{ sk: string; count: number; expiresAt: number }[]> {
    const { Items = [] } = await doc.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `RATE#${identity}`, ':prefix': prefix },
      }),
    );
    return Items as { sk: string; count: number; expiresAt: number }[];
  }

  it('grants what fits in this second and says how long until the next one', async () => {
    const identity = anIdentity();
    const now = new Date('2025-03-10T09:15:02.250Z');

    expect(await acquireSendSlots(doc, TABLE, { identity, perSecond: 14, want: 10 }, now)).toEqual({ granted: 10, retryAfterMs: 0, dailyCapReached: false });
    expect(await acquireSendSlots(doc, TABLE, { identity, perSecond: 14, want: 10 }, now)).toEqual({ granted: 4, retryAfterMs: 750, dailyCapReached: false });
    expect(await acquireSendSlots(doc, TABLE, { identity, perSecond: 14, want: 10 }, now)).toEqual({ granted: 0, retryAfterMs: 750, dailyCapReached: false });
    expect(await acquireSendSlots(doc, TABLE, { identity, perSecond: 14, want: 10 }, new Date('2025-03-10T09:15:03.000Z'))).toMatchObject({ granted: 10 });
  });

  it('never grants more than perSecond in one second with 8 acquirers asking at once', async () => {
    const identity = anIdentity();
    const perSecond = 16;
    const grantedPerSecond = new Map<number, number>();
    let total = 0;

    // Eight batches of 6 messages each pace themselves on the real clock (48 messages, three seconds or so).
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        let left = 6;
        while (left > 0) {
          const now = new Date();
          const slot = await acquireSendSlots(doc, TABLE, { identity, perSecond, want: left }, now);
          const second = Math.floor(now.getTime() / 1000);
          grantedPerSecond.set(second, (grantedPerSecond.get(second) ?? 0) + slot.granted);
          left -= slot.granted;
          total += slot.granted;
          if (left > 0) await new Promise((resolve) => setTimeout(resolve, slot.retryAfterMs));
        }
      }),
    );

    expect(total).toBe(48);
    for (const granted of grantedPerSecond.values()) expect(granted).toBeLessThanOrEqual(perSecond);
    const stored = await buckets(identity, 'S#');
    for (const bucket of stored) expect(bucket.count).toBeLessThanOrEqual(perSecond);
    expect(stored.reduce((sum, b) => sum + b.count, 0)).toBe(48);
  });

  it('stops exactly at the daily cap, says so, and asks to wait until the next UTC day', async () => {
    const identity = anIdentity();
    const request = { identity, perSecond: 1000, dailyCap: 25, want: 10 };
    const at = (seconds: number) => new Date(Date.UTC(2025, 2, 10, 22, 0, seconds));

    expect(await acquireSendSlots(doc, TABLE, request, at(0))).toMatchObject({ granted: 10, dailyCapReached: false });
    expect(await acquireSendSlots(doc, TABLE, request, at(1))).toMatchObject({ granted: 10, dailyCapReached: false });
    const third = await acquireSendSlots(doc, TABLE, request, at(2));
    expect(third).toEqual({ granted: 5, dailyCapReached: true, retryAfterMs: 2 * 3600 * 1000 - 2000 });
    expect(await acquireSendSlots(doc, TABLE, request, at(3))).toMatchObject({ granted: 0, dailyCapReached: true });

    // The next UTC day starts a new count.
    expect(await acquireSendSlots(doc, TABLE, request, new Date(Date.UTC(2025, 2, 11, 0, 0, 1)))).toMatchObject({ granted: 10, dailyCapReached: false });
    expect((await buckets(identity, 'D#')).map((b) => [b.sk, b.count])).toEqual([
      ['D#2025-03-10', 25],
      ['D#2025-03-11', 10],
    ]);
  });

  it('hands out the daily cap exactly once when 8 batches ask for more at the same time', async () => {
    const identity = anIdentity();
    const now = new Date(Date.UTC(2025, 2, 10, 12, 0, 0));
    const grants = await Promise.all(
      Array.from({ length: 8 }, (_, i) => acquireSendSlots(doc, TABLE, { identity, perSecond: 1000, dailyCap: 25, want: 10 }, new Date(now.getTime() + i * 1000))),
    );
    expect(grants.reduce((sum, g) => sum + g.granted, 0)).toBe(25);
    expect(grants.some((g) => g.dailyCapReached)).toBe(true);
  });

  it('keeps its counters only for a while (expiresAt: minutes for seconds, days for days)', async () => {
    const identity = anIdentity();
    const now = new Date('2025-03-10T09:15:02.000Z');
    await acquireSendSlots(doc, TABLE, { identity, perSecond: 5, dailyCap: 100, want: 1 }, now);

    const epoch = now.getTime() / 1000;
    const [second] = await buckets(identity, 'S#');
    const [day] = await buckets(identity, 'D#');
    expect(second!.expiresAt - epoch).toBeGreaterThanOrEqual(60);
    expect(second!.expiresAt - epoch).toBeLessThanOrEqual(3600);
    expect(day!.expiresAt - epoch).toBeGreaterThanOrEqual(2 * 86400);
  });

  it('refuses a rate below one with a field error', async () => {
    const failure = await acquireSendSlots(doc, TABLE, { identity: anIdentity(), perSecond: 0, want: 1 }, new Date()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).errors).toEqual([{ field: 'perSecond', message: 'must be a whole number of at least 1' }]);
  });

  describe('pacing a batch', () => {
    function fakeClock(startIso: string) {
      let now = new Date(startIso).getTime();
      const sleeps: number[] = [];
      return {
        now: () => new Date(now),
        sleep: async (ms: number) => {
          sleeps.push(ms);
          now += ms;
        },
        sleeps,
      };
    }

    it('gets all N slots across seconds, sleeping to each next second, and hands each grant over as it comes', async () => {
      const identity = anIdentity();
      const clock = fakeClock('2025-03-10T09:15:02.400Z');
      const handed: number[] = [];

      const result = await paceSends(doc, TABLE, { identity, perSecond: 5, want: 23 }, { ...clock, onGranted: (n) => void handed.push(n) });

      expect(result).toEqual({ granted: 23, dailyCapReached: false, retryAfterMs: 0 });
      expect(handed).toEqual([5, 5, 5, 5, 3]);
      expect(clock.sleeps).toEqual([600, 1000, 1000, 1000]);
      expect((await buckets(identity, 'S#')).map((b) => b.count)).toEqual([5, 5, 5, 5, 3]);
    });

    it('stops at the daily cap with what it got and the wait until the next UTC day', async () => {
      const identity = anIdentity();
      const clock = fakeClock('2025-03-10T23:59:50.000Z');

      const result = await paceSends(doc, TABLE, { identity, perSecond: 5, dailyCap: 12, want: 30 }, clock);

      expect(result).toEqual({ granted: 12, dailyCapReached: true, retryAfterMs: 8000 });
    });
  });
});
