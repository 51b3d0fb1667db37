// A campaign's recording retention: recordings of calls that ended longer ago than the campaign
// keeps them are deleted from the bucket and unlinked from their calls; younger ones, and calls of
// campaigns that keep longer, stay; a second run finds nothing.
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCampaigns, calls } from '../../../db/schema';
import { purgeExpiredRecordings } from './recording-retention';
import { BUCKET, campaignFixture, createCallsTestContext, dialledCall, queuedContact, WAV_BYTES, type CallsTestContext } from './test-fixtures';

const DAY = 86_400_000;

describe('recording retention', () => {
  let t: CallsTestContext;

  beforeAll(async () => {
    t = await createCallsTestContext();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  /** A recorded call of the campaign that ended `daysAgo` days before `now`. */
  async function recordedCall(campaignId: string, daysAgo: number, now: Date): Promise<{ id: string; key: string }> {
    const contact = await queuedContact(t, campaignId);
    const { callId } = await dialledCall(t, { campaignId, ...contact, agentId: null });
    const key = `recordings/${campaignId}/${callId}.wav`;
    await t.deps.aws.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: WAV_BYTES, ContentType: 'audio/wav' }));
    await t.deps.db
      .update(calls)
      .set({ state: 'ended', endedAt: new Date(now.getTime() - daysAgo * DAY), recordingKey: key, recordingSeconds: 12 })
      .where(eq(calls.id, callId));
    return { id: callId, key };
  }

  const stored = (key: string) =>
    t.deps.aws.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key })).then(
      () => true,
      (error: Error) => (error.name === 'NoSuchKey' ? false : Promise.reject(error)),
    );
  const keyOf = async (id: string) => (await t.deps.db.select({ key: calls.recordingKey, state: calls.state }).from(calls).where(eq(calls.id, id)))[0]!;

  it('deletes what the campaign no longer keeps, and only that', async () => {
    const now = new Date();
    const short = await campaignFixture(t);
    const long = await campaignFixture(t);
    await t.deps.db.update(callCampaigns).set({ recordingRetentionDays: 30 }).where(eq(callCampaigns.id, short.campaignId));
    await t.deps.db.update(callCampaigns).set({ recordingRetentionDays: 365 }).where(eq(callCampaigns.id, long.campaignId));
    const expired = await recordedCall(short.campaignId, 31, now);
    const young = await recordedCall(short.campaignId, 29, now);
    const keptLonger = await recordedCall(long.campaignId, 31, now);

    expect(await purgeExpiredRecordings(t.deps, now)).toBe(1);
    expect(await stored(expired.key)).toBe(false);
    expect(await keyOf(expired.id)).toEqual({ key: null, state: 'ended' });
    for (const kept of [young, keptLonger]) {
      expect(await stored(kept.key)).toBe(true);
      expect((await keyOf(kept.id)).key).toBe(kept.key);
    }
    // Nothing is left to do.
    expect(await purgeExpiredRecordings(t.deps, now)).toBe(0);
  });
});
