// One batch of a campaign: claim its due recipients, compose their messages, and send them one by
// one through the rate gate and the sender profile's provider, recording each outcome with the
// batch's counters as it happens. Throttling waits and sends the same recipient again (never a
// skip, never a failure); a transient error is retried a few times; a rejection fails the
// recipient; an uncertain call is never repeated; a blocked sender pauses the campaign. The
// campaign's status is read every few messages, so a pause or cancel stops the batch between
// messages, and too high a failure rate (the circuit breaker) pauses it with the reason.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { emailCampaigns, emailVariants, senderProfiles } from '../../../db/schema';
import { recordTouches, releaseHolds } from '../../activity';
import { moveCampaign } from '../campaigns/transitions';
import type { EmailHooks } from '../hooks';
import { claimBatch, closeBatch, excludeRecipients, markSending, recordOutcome, recordOutcomeAndMarkNext, requeue, type BatchCounters, type ClaimedRecipient } from './batches';
import { failureKindOf, reasonOf, retryAfterOf, type SendingKit } from './ports';
import { holderOf } from './snapshot';

/** Messages between two reads of the campaign's status. */
export const STATUS_CHECK_EVERY = 5;
/** Tries of a send that failed transiently before the recipient fails. */
export const TRANSIENT_TRIES = 4;
/** Longest the batch waits out throttling in one run before it hands its rest back to the workflow. */
export const MAX_THROTTLE_WAIT_MS = 5 * 60_000;
/** How long recipients an order's pace holds back wait before the batch tries them again. */
export const ORDER_PACE_WAIT_MS = 15 * 60_000;
export const CLIENT_SUPPRESSED_REASON = 'client_suppressed';

export interface BatchResult {
  campaignId: string;
  batchNo: number;
  sent: number;
  failed: number;
  uncertain: number;
  excluded: number;
  /** 'done': every due recipient handled; 'stopped': the campaign is no longer sending; 'wait': try again after `retryAfterMs`. */
  outcome: 'done' | 'stopped' | 'wait';
  retryAfterMs: number;
  /** Why the campaign was paused by this batch (circuit breaker, blocked sender). */
  pausedReason?: string;
}

type SenderDeps = Pick<Deps, 'db' | 'config' | 'now' | 'logger'>;

async function campaignStatus(db: Database, campaignId: string): Promise<string | undefined> {
  const [row] = await db.select({ status: emailCampaigns.status }).from(emailCampaigns).where(eq(emailCampaigns.id, campaignId));
  return row?.status;
}

/** Pauses a sending campaign with a reason (a no-op when it is no longer sending). */
async function pauseWithReason(deps: SenderDeps, campaignId: string, reason: string): Promise<void> {
  await moveCampaign(deps.db, campaignId, 'paused', { from: ['sending'], changes: { pausedReason: reason }, at: deps.now() }).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'conflict') throw error;
  });
}

/** Touches of the sent (kind 'sent', keyed by the message id, so a repeat is a no-op) and the gate's holds on them released. */
async function recordSent(db: Database, campaignId: string, sent: Array<{ contactId: string | null; messageId: string; at: Date }>): Promise<void> {
  const withContact = sent.filter((s): s is { contactId: string; messageId: string; at: Date } => s.contactId !== null);
  if (!withContact.length) return;
  await recordTouches(
    db,
    withContact.map((s) => ({
      sourceEventId: `email:${s.messageId}`,
      channel: 'email' as const,
      kind: 'sent' as const,
      contactId: s.contactId,
      campaignId,
      occurredAt: s.at.toISOString(),
    })),
  );
  await releaseHolds(db, holderOf(campaignId), withContact.map((s) => s.contactId));
}

export async function sendBatch<M>(
  deps: SenderDeps,
  kit: SendingKit<M>,
  input: { campaignId: string; batchNo: number },
  hooks: Pick<EmailHooks, 'orders'> = {},
): Promise<BatchResult> {
  const { campaignId, batchNo } = input;
  const result: BatchResult = { campaignId, batchNo, sent: 0, failed: 0, uncertain: 0, excluded: 0, outcome: 'done', retryAfterMs: 0 };
  const [campaign] = await deps.db.select().from(emailCampaigns).where(and(eq(emailCampaigns.id, campaignId), isNull(emailCampaigns.deletedAt)));
  if (!campaign || campaign.status !== 'sending') return { ...result, outcome: 'stopped' };

  const claim = await claimBatch(deps.db, { campaignId, batchNo, now: deps.now() });
  result.uncertain = claim.uncertain;
  result.excluded = claim.excluded;
  if (claim.uncertain) deps.logger.warn('recipients in flight at an earlier stop marked uncertain', { campaignId, batchNo, count: claim.uncertain });
  const pending: ClaimedRecipient[] = [...claim.recipients];
  const sentLog: Array<{ contactId: string | null; messageId: string; at: Date }> = [];

  /** Hands back what was claimed and not handed to the provider, and closes the batch's checkpoint. */
  const finish = async (outcome: BatchResult['outcome']): Promise<BatchResult> => {
    await requeue(deps.db, pending.map((r) => r.id), deps.now());
    await recordSent(deps.db, campaignId, sentLog.splice(0));
    await closeBatch(deps.db, campaignId, batchNo, deps.now());
    return { ...result, outcome };
  };
  const heldBack = await applyOrderGate(deps, hooks, campaignId, pending, result);
  if (heldBack) result.retryAfterMs = ORDER_PACE_WAIT_MS;
  const done = heldBack ? 'wait' : 'done';
  if (!pending.length) return finish(done);

  const [sender] = campaign.senderProfileId ? await deps.db.select().from(senderProfiles).where(eq(senderProfiles.id, campaign.senderProfileId)) : [];
  if (!sender) {
    result.pausedReason = 'The campaign has no sender profile.';
    await pauseWithReason(deps, campaignId, result.pausedReason);
    return finish('stopped');
  }
  const variantIds = [...new Set(pending.map((r) => r.variantId).filter((id): id is string => id !== null))];
  const variants = variantIds.length ? await deps.db.select().from(emailVariants).where(inArray(emailVariants.id, variantIds)) : [];
  const composer = await kit.composer({ campaign, variants, sender });
  let provider: ReturnType<SendingKit<M>['provider']>;
  try {
    provider = kit.provider(sender);
  } catch (error) {
    // A provider that cannot be used at all (its key is not configured): nothing can go out until a person acts.
    if (failureKindOf(error) !== 'blocked') throw error;
    result.pausedReason = reasonOf(error);
    await pauseWithReason(deps, campaignId, result.pausedReason);
    return finish('stopped');
  }
  const composed = new Map((await composer.compose(pending)).map((c) => [c.recipientId, c]));

  let counters: BatchCounters | null = null;
  let handled = 0;
  let throttledMs = 0;
  // Slots taken from the rate gate and not used yet: asked for a second's worth at a time.
  let slots = 0;
  // The next recipient, already marked `sending` by the statement that recorded the previous outcome.
  let premarked: number | null = null;
  /**
   * Records a provider call's outcome; when the next recipient will be sent straight after (its
   * message built, a slot in hand, no status check due), marks it `sending` in the same statement.
   */
  const recordAndMarkNext = async (recipientId: number, outcome: Parameters<typeof recordOutcome>[4]): Promise<void> => {
    const next = pending[0];
    const built = next ? composed.get(next.id) : undefined;
    const nextId = next && built && !('error' in built) && slots > 0 && (handled + 1) % STATUS_CHECK_EVERY !== 0 ? next.id : null;
    const recorded = await recordOutcomeAndMarkNext(deps.db, campaignId, batchNo, recipientId, outcome, nextId);
    counters = recorded.counters ?? counters;
    premarked = recorded.nextMarked ? nextId : null;
  };
  while (pending.length) {
    if (handled > 0 && handled % STATUS_CHECK_EVERY === 0) {
      await recordSent(deps.db, campaignId, sentLog.splice(0));
      if ((await campaignStatus(deps.db, campaignId)) !== 'sending') return finish('stopped');
    }
    const recipient = pending[0]!;
    const built = composed.get(recipient.id);
    if (!built || 'error' in built) {
      pending.shift();
      if (!(await markSending(deps.db, recipient.id, deps.now()))) continue;
      counters = (await recordOutcome(deps.db, campaignId, batchNo, recipient.id, { status: 'failed', reason: built && 'error' in built ? built.error : 'The message could not be built.', at: deps.now() })) ?? counters;
      result.failed++;
      handled++;
    } else {
      if (slots === 0) {
        const grant = await kit.pace(sender, Math.min(pending.length, sender.ratePerSecond));
        slots = grant.granted;
        if (slots < 1) {
          // The warm-up plan's cap for today is used up: nobody is skipped, the campaign waits for tomorrow.
          result.retryAfterMs = grant.retryAfterMs;
          return finish('wait');
        }
      }
      slots--;
      // Only now is this recipient `sending`: a crash from here to its outcome makes it `uncertain`.
      const claimed = premarked === recipient.id || (await markSending(deps.db, recipient.id, deps.now()));
      premarked = null;
      if (!claimed) {
        pending.shift();
        continue;
      }
      let tries = 0;
      for (;;) {
        try {
          const { messageId } = await provider.send(built.message);
          pending.shift();
          const at = deps.now();
          await recordAndMarkNext(recipient.id, { status: 'sent', messageId, at });
          sentLog.push({ contactId: recipient.contactId, messageId, at });
          result.sent++;
          break;
        } catch (error) {
          const kind = failureKindOf(error);
          if (kind === 'throttled') {
            // Nothing was sent: wait and send the same recipient again.
            const wait = retryAfterOf(error) ?? Math.min(2000, 100 * 2 ** Math.min(tries, 5));
            throttledMs += wait;
            tries++;
            if (throttledMs > MAX_THROTTLE_WAIT_MS) {
              result.retryAfterMs = wait;
              return finish('wait');
            }
            await kit.sleep(wait);
            continue;
          }
          if (kind === 'transient' && ++tries < TRANSIENT_TRIES) {
            await kit.sleep(200 * 2 ** tries);
            continue;
          }
          if (kind === 'blocked') {
            // Nothing was sent, and nothing can be until a person acts.
            result.pausedReason = reasonOf(error);
            await pauseWithReason(deps, campaignId, result.pausedReason);
            return finish('stopped');
          }
          pending.shift();
          const status = kind === 'uncertain' ? 'uncertain' : 'failed';
          await recordAndMarkNext(recipient.id, { status, reason: reasonOf(error), at: deps.now() });
          if (status === 'uncertain') result.uncertain++;
          else result.failed++;
          break;
        }
      }
      handled++;
    }
    if (counters && tripped(deps, counters)) {
      result.pausedReason = `Paused: ${counters.failed} of ${counters.sent + counters.failed} sends in batch ${batchNo} failed, more than ${Math.round(deps.config.EMAIL_FAILURE_PAUSE_RATE * 100)} %.`;
      await pauseWithReason(deps, campaignId, result.pausedReason);
      return finish('stopped');
    }
  }
  return finish(done);
}

/**
 * A campaign working a client order: recipients the order's client suppressed are left out (for
 * good); when the order is ahead of its pace, only its share of the rest is sent now. Answers how
 * many were held back (they stay queued for a later round); `pending` is cut in place.
 */
async function applyOrderGate(deps: SenderDeps, hooks: Pick<EmailHooks, 'orders'>, campaignId: string, pending: ClaimedRecipient[], result: BatchResult): Promise<number> {
  const orders = hooks.orders;
  if (!orders || !pending.length) return 0;
  const contactIds = pending.map((r) => r.contactId).filter((id): id is string => id !== null);
  const out = await orders.leaveOut(deps.db, campaignId, contactIds);
  if (out.size) {
    const gone = pending.filter((r) => r.contactId !== null && out.has(r.contactId));
    result.excluded += await excludeRecipients(deps.db, gone.map((r) => r.id), CLIENT_SUPPRESSED_REASON, deps.now());
    const kept = pending.filter((r) => r.contactId === null || !out.has(r.contactId));
    pending.splice(0, pending.length, ...kept);
  }
  const share = (await orders.shares(deps.db, [campaignId], deps.now())).get(campaignId) ?? 1;
  if (share >= 1) return 0;
  const allowed = Math.floor(pending.length * Math.max(0, share));
  return pending.splice(allowed).length;
}

/** The circuit breaker: enough attempts in the batch, and too large a failed share among them. */
function tripped(deps: SenderDeps, counters: BatchCounters): boolean {
  const attempts = counters.sent + counters.failed;
  return counters.failed > 0 && attempts >= deps.config.EMAIL_FAILURE_MIN_ATTEMPTS && counters.failed / attempts > deps.config.EMAIL_FAILURE_PAUSE_RATE;
}
