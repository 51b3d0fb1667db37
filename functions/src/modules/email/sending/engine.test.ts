import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { queryOne, queryRows } from '../../../db/rows';
import { emailHooks } from '../../../composition';
import { sendBatch } from './batch-sender';
import { claimBatch, IN_FLIGHT_REASON, markSending, recordOutcome, recordOutcomeAndMarkNext } from './batches';
import { finaliseSend, prepareSend } from './engine';
import { assignVariants, sendAfterFor, snapshotCampaign } from './snapshot';
import { campaignStatusOf, listOf, person, recipientStates, recordingKit, sendingCampaign, suppress, verifiedSender } from './test-fixtures';
import { moveCampaign } from '../campaigns/transitions';

describe('the sending engine', () => {
  let ctx: TestContext;
  let senderId: string;
  beforeAll(async () => {
    ctx = await createTestDeps({ env: { EMAIL_BATCH_SIZE: '10', EMAIL_FAILURE_MIN_ATTEMPTS: '10', EMAIL_FAILURE_PAUSE_RATE: '0.3' } });
    senderId = await verifiedSender(ctx.deps);
  }, 60_000);
  afterAll(async () => ctx?.close());

  async function sendAll(campaignId: string, kit: ReturnType<typeof recordingKit>['kit']) {
    const plan = await prepareSend(ctx.deps, emailHooks, campaignId);
    const results = [];
    for (const b of plan.batches) results.push(await sendBatch(ctx.deps, kit, b));
    return results;
  }

  describe('the snapshot', () => {
    it('freezes only whom the gate admits, once, with the proof counting the rest by reason', async () => {
      const seeds = Array.from({ length: 30 }, (_, i) => person(1000 + i));
      seeds.push({ email: null, fullName: 'No Address' }, { email: 'optout@example.net', consentStatus: 'opted-out' });
      const { listId } = await listOf(ctx.deps, seeds);
      await suppress(ctx.deps, ['person1000@example0.com', 'person1001@example1.com']);
      const campaignId = await sendingCampaign(ctx.deps, { listId, senderId });

      const first = await snapshotCampaign(ctx.deps, emailHooks, campaignId);
      expect(first).toMatchObject({ admitted: 28, recipients: 28, held: 0, batches: 3 });
      expect(await snapshotCampaign(ctx.deps, emailHooks, campaignId)).toBeNull();

      const proof = await queryOne<{ audience: number; admitted: number; excluded: Record<string, number> }>(
        ctx.deps.db,
        sql`select p.audience, p.admitted, p.excluded from gate_proofs p join email_campaigns c on c.gate_proof_id = p.id where c.id = ${campaignId}::uuid`,
      );
      expect(proof).toMatchObject({ audience: 32, admitted: 28 });
      expect(proof!.excluded).toMatchObject({ no_email: 1, suppressed_email: 2, opted_out: 1 });
      const emails = await queryRows<{ email: string }>(ctx.deps.db, sql`select email from email_recipients where campaign_id = ${campaignId}::uuid`);
      expect(emails.map((e) => e.email)).not.toContain('person1000@example0.com');
      expect(emails.map((e) => e.email)).not.toContain('optout@example.net');
      const holds = await queryOne<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from contact_holds where holder = ${`email:${campaignId}`}`);
      expect(holds?.n).toBe(28);
    });

    it('splits the test share evenly at random among the variants and holds the rest', () => {
      const people = Array.from({ length: 1000 }, (_, i) => i);
      const assigned = assignVariants(people, ['a', 'b'], { testShare: 20, metric: 'unique_open_rate', windowHours: 4, manual: false }, null);
      const by = (v: string | null) => assigned.filter((x) => x.variantId === v).map((x) => x.item);
      expect(by('a')).toHaveLength(100);
      expect(by('b')).toHaveLength(100);
      expect(by(null)).toHaveLength(800);
      // Not the first ids in order: the split is random.
      expect(by('a').some((i) => i >= 200)).toBe(true);
      expect(assignVariants(people, ['a', 'b'], null, null).every((x) => x.variantId === 'a')).toBe(true);
      expect(assignVariants(people, ['a', 'b'], { testShare: 20, metric: 'unique_open_rate', windowHours: 4, manual: false }, 'b').every((x) => x.variantId === 'b')).toBe(true);
    });

    it('sends at the local time in each recipient’s zone, the fallback zone for the unknown', () => {
      const schedule = { kind: 'local' as const, date: '2026-03-10', time: '09:00', fallbackZone: 'Europe/London' };
      expect(sendAfterFor(schedule, 'America/New_York')?.toISOString()).toBe('2026-03-10T13:00:00.000Z');
      expect(sendAfterFor(schedule, 'Asia/Tokyo')?.toISOString()).toBe('2026-03-10T00:00:00.000Z');
      expect(sendAfterFor(schedule, 'Mars/Olympus')?.toISOString()).toBe('2026-03-10T09:00:00.000Z');
      expect(sendAfterFor(schedule, null)?.toISOString()).toBe('2026-03-10T09:00:00.000Z');
      expect(sendAfterFor({ kind: 'now' }, 'Asia/Tokyo')).toBeNull();
    });
  });

  describe('batches', () => {
    it('claims the due recipients and marks the batch running in one transaction', async () => {
      const { listId } = await listOf(ctx.deps, Array.from({ length: 10 }, (_, i) => person(2000 + i)));
      const campaignId = await sendingCampaign(ctx.deps, { listId, senderId });
      await prepareSend(ctx.deps, emailHooks, campaignId);
      // Two of them wait for their local time.
      await ctx.deps.db.execute(
        sql`update email_recipients set send_after = now() + interval '1 hour' where id in (select id from email_recipients where campaign_id = ${campaignId}::uuid order by id limit 2)`,
      );
      const claim = await claimBatch(ctx.deps.db, { campaignId, batchNo: 1, now: ctx.deps.now() });
      expect(claim.recipients).toHaveLength(8);
      // Claimed, not yet in flight: each becomes `sending` only just before its provider call.
      expect(await recipientStates(ctx.deps, campaignId)).toEqual({ queued: 10 });
      const batch = await queryOne<{ status: string }>(ctx.deps.db, sql`select status from email_batches where campaign_id = ${campaignId}::uuid and batch_no = 1`);
      expect(batch?.status).toBe('running');

      // A record of a send moves the recipient and the batch's counter together, once.
      const first = claim.recipients[0]!;
      expect(await markSending(ctx.deps.db, first.id, ctx.deps.now())).toBe(true);
      expect(await markSending(ctx.deps.db, first.id, ctx.deps.now())).toBe(false);
      expect(await recordOutcome(ctx.deps.db, campaignId, 1, first.id, { status: 'sent', messageId: 'm-1', at: ctx.deps.now() })).toEqual({ sent: 1, failed: 0 });
      expect(await recordOutcome(ctx.deps.db, campaignId, 1, first.id, { status: 'sent', messageId: 'm-2', at: ctx.deps.now() })).toBeNull();

      // The record of one send may claim the next in the same statement; a recipient not queued is not claimed.
      const [, second, third] = claim.recipients;
      expect(await markSending(ctx.deps.db, second!.id, ctx.deps.now())).toBe(true);
      expect(await recordOutcomeAndMarkNext(ctx.deps.db, campaignId, 1, second!.id, { status: 'failed', reason: 'no', at: ctx.deps.now() }, third!.id)).toEqual({
        counters: { sent: 1, failed: 1 },
        nextMarked: true,
      });
      expect(await recordOutcomeAndMarkNext(ctx.deps.db, campaignId, 1, third!.id, { status: 'sent', messageId: 'm-3', at: ctx.deps.now() }, first.id)).toEqual({
        counters: { sent: 2, failed: 1 },
        nextMarked: false,
      });
      expect(await recordOutcomeAndMarkNext(ctx.deps.db, campaignId, 1, third!.id, { status: 'sent', messageId: 'm-4', at: ctx.deps.now() }, null)).toEqual({ counters: null, nextMarked: false });
      expect(await recipientStates(ctx.deps, campaignId)).toEqual({ sent: 2, failed: 1, queued: 7 });
    });

    it('after a crash mid-batch, those in flight become uncertain and are never sent again; the rest are sent once', async () => {
      const { listId } = await listOf(ctx.deps, Array.from({ length: 10 }, (_, i) => person(3000 + i)));
      const campaignId = await sendingCampaign(ctx.deps, { listId, senderId });
      await prepareSend(ctx.deps, emailHooks, campaignId);
      // The crashed run: claimed all ten, sent three, crashed while the fourth was in flight.
      const claim = await claimBatch(ctx.deps.db, { campaignId, batchNo: 1, now: ctx.deps.now() });
      for (const r of claim.recipients.slice(0, 4)) await markSending(ctx.deps.db, r.id, ctx.deps.now());
      for (const r of claim.recipients.slice(0, 3)) await recordOutcome(ctx.deps.db, campaignId, 1, r.id, { status: 'sent', messageId: `crash-${r.id}`, at: ctx.deps.now() });

      const { kit, delivered } = recordingKit();
      const [result] = await sendAll(campaignId, kit);
      expect(result).toMatchObject({ sent: 6, uncertain: 1, outcome: 'done' });
      expect(delivered.map((m) => m.recipientId).sort()).toEqual(claim.recipients.slice(4).map((r) => r.id).sort());
      expect(await recipientStates(ctx.deps, campaignId)).toEqual({ sent: 9, uncertain: 1 });
      const reason = await queryOne<{ reason: string }>(ctx.deps.db, sql`select reason from email_recipients where id = ${claim.recipients[3]!.id}::bigint`);
      expect(reason?.reason).toBe(IN_FLIGHT_REASON);
      expect(await finaliseSend(ctx.deps, campaignId)).toMatchObject({ next: 'end', status: 'sent' });
    });

    it('with a fifth of the calls throttled, sends every recipient exactly once and records each as a touch', async () => {
      const { listId } = await listOf(ctx.deps, Array.from({ length: 50 }, (_, i) => person(4000 + i)));
      const campaignId = await sendingCampaign(ctx.deps, { listId, senderId });
      const { kit, delivered, calls } = recordingKit({ answer: (_m, call) => (call % 5 === 0 ? 'throttled' : null) });
      await sendAll(campaignId, kit);
      expect(calls()).toBeGreaterThan(50);
      expect(delivered).toHaveLength(50);
      expect(new Set(delivered.map((m) => m.to)).size).toBe(50);
      expect(await recipientStates(ctx.deps, campaignId)).toEqual({ sent: 50 });
      const touches = await queryOne<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from touches where campaign_id = ${campaignId}::uuid and kind = 'sent'`);
      expect(touches?.n).toBe(50);
      const holds = await queryOne<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from contact_holds where holder = ${`email:${campaignId}`}`);
      expect(holds?.n).toBe(0);
      expect(await finaliseSend(ctx.deps, campaignId)).toMatchObject({ next: 'end', status: 'sent' });
    });

    it('leaves out before sending whoever unsubscribed since the snapshot', async () => {
      const { listId } = await listOf(ctx.deps, Array.from({ length: 10 }, (_, i) => person(5000 + i)));
      const campaignId = await sendingCampaign(ctx.deps, { listId, senderId });
      await prepareSend(ctx.deps, emailHooks, campaignId);
      await suppress(ctx.deps, ['person5003@example3.com']);
      const { kit, delivered } = recordingKit();
      const [result] = await sendAll(campaignId, kit);
      expect(result).toMatchObject({ sent: 9, excluded: 1 });
      expect(delivered.map((m) => m.to)).not.toContain('person5003@example3.com');
      const row = await queryOne<{ status: string; reason: string }>(ctx.deps.db, sql`select status, reason from email_recipients where campaign_id = ${campaignId}::uuid and email = 'person5003@example3.com'`);
      expect(row).toEqual({ status: 'excluded', reason: 'suppressed_email' });
    });

    it('fails rejected recipients with the reason, and pauses the campaign when too many fail (circuit breaker)', async () => {
      const { listId } = await listOf(ctx.deps, Array.from({ length: 10 }, (_, i) => person(6000 + i)));
      const campaignId = await sendingCampaign(ctx.deps, { listId, senderId });
      const { kit } = recordingKit({ answer: (_m, call) => (call % 2 === 0 ? 'rejected' : null) });
      const [result] = await sendAll(campaignId, kit);
      expect(result!.outcome).toBe('stopped');
      expect(result!.pausedReason).toMatch(/5 of 10 sends in batch 1 failed/);
      expect(await campaignStatusOf(ctx.deps, campaignId)).toEqual({ status: 'paused', paused_reason: result!.pausedReason });
      expect(await recipientStates(ctx.deps, campaignId)).toEqual({ sent: 5, failed: 5 });
    });

    it('pauses on a blocked sender without losing the recipient, and stops between messages when paused', async () => {
      const { listId } = await listOf(ctx.deps, Array.from({ length: 10 }, (_, i) => person(7000 + i)));
      const campaignId = await sendingCampaign(ctx.deps, { listId, senderId });
      const blocked = recordingKit({ answer: (_m, call) => (call === 3 ? 'blocked' : null) });
      const [first] = await sendAll(campaignId, blocked.kit);
      expect(first).toMatchObject({ outcome: 'stopped', sent: 2 });
      expect(await campaignStatusOf(ctx.deps, campaignId)).toMatchObject({ status: 'paused', paused_reason: 'provider answered blocked' });
      expect(await recipientStates(ctx.deps, campaignId)).toEqual({ sent: 2, queued: 8 });

      // Resumed: a person pauses again while the batch runs; it stops at its next status check.
      await moveCampaign(ctx.deps.db, campaignId, 'sending', { at: ctx.deps.now() });
      const pausing = recordingKit({
        onSend: async (_m, call) => {
          if (call === 1) await moveCampaign(ctx.deps.db, campaignId, 'paused', { at: ctx.deps.now() });
        },
      });
      await sendAll(campaignId, pausing.kit);
      const afterPause = await recipientStates(ctx.deps, campaignId);
      expect(afterPause.sent).toBeLessThan(10);
      expect(afterPause.sending).toBeUndefined();

      await moveCampaign(ctx.deps.db, campaignId, 'sending', { at: ctx.deps.now() });
      const rest = recordingKit();
      await sendAll(campaignId, rest.kit);
      expect(await recipientStates(ctx.deps, campaignId)).toEqual({ sent: 10 });
      const everyone = [...blocked.delivered, ...pausing.delivered, ...rest.delivered].map((m) => m.to);
      expect(everyone).toHaveLength(10);
      expect(new Set(everyone).size).toBe(10);
    });

    it('sends the A/B test first, holds the rest, and sends the rest to the winner', async () => {
      const { listId } = await listOf(ctx.deps, Array.from({ length: 40 }, (_, i) => person(8000 + i)));
      const campaignId = await sendingCampaign(ctx.deps, { listId, senderId, variants: 2, abTest: { testShare: 50, metric: 'unique_open_rate', windowHours: 1, manual: false } });
      const test = recordingKit();
      await sendAll(campaignId, test.kit);
      expect(await recipientStates(ctx.deps, campaignId)).toEqual({ sent: 20, held: 20 });
      expect(await finaliseSend(ctx.deps, campaignId)).toMatchObject({ next: 'end', status: 'sending' });
      const perVariant = new Map<string | null, number>();
      for (const m of test.delivered) perVariant.set(m.variantId, (perVariant.get(m.variantId) ?? 0) + 1);
      expect([...perVariant.values()]).toEqual([10, 10]);
    });
  });
});
