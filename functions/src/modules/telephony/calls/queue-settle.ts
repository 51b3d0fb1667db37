// What a finished call does to its contact's place in the dialer queue. The result is a function of
// the call row alone (its times, machine verdict, hang-up cause, disposition) and the queue's retry
// settings, so settling again after a late webhook lands on the same place: out-of-order events
// converge. Attempts are the calls to the contact that ended, never a counter bumped per event.
import { eq, sql } from 'drizzle-orm';
import { dialerSettingsSchema, type DialerSettings, type DispositionClass } from '@shared/contracts/telephony';
import type { Database } from '../../../db/connection';
import { queryOne } from '../../../db/rows';
import { callDispositions, dialerQueues, type calls } from '../../../db/schema';
import { releaseHolds } from '../../activity';
import { callHolderOf } from './call-keys';
import { isHumanVerdict } from './telnyx-event';

export type CallRow = typeof calls.$inferSelect;

export interface QueuePlace {
  status: 'queued' | 'dialing' | 'done' | 'removed';
  /** When it may be dialled again (queued only). */
  nextAttemptAt: Date | null;
  /** What happened, for the queue's counts and the next attempt's rules. */
  outcome: string;
}

interface DispositionFacts {
  code: string;
  outcomeClass: DispositionClass;
  retryAfterMinutes: number | null;
}

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** The outcome of a call that ended without an agent: it picks the retry rule. */
export function unconnectedOutcome(call: CallRow): 'machine' | 'abandoned' | 'busy' | 'no_answer' | 'failed' {
  if (call.amdResult && !isHumanVerdict(call.amdResult)) return 'machine';
  if (call.abandoned) return 'abandoned';
  const cause = call.hangupCause ?? '';
  if (cause === 'user_busy' || cause === 'busy') return 'busy';
  if (call.answeredAt) return 'no_answer';
  if (['timeout', 'no_answer', 'originator_cancel', 'normal_clearing', 'not_found'].includes(cause) || cause === '') return 'no_answer';
  return 'failed';
}

/** Where the contact stands after this call; null while the call is still live and has no disposition. */
export function queuePlaceOf(call: CallRow, disposition: DispositionFacts | null, settings: DialerSettings): QueuePlace | null {
  if (disposition) {
    const at = call.dispositionAt ?? call.endedAt ?? call.startedAt;
    if (disposition.outcomeClass === 'do_not_call' || disposition.outcomeClass === 'wrong_number') return { status: 'removed', nextAttemptAt: null, outcome: disposition.code };
    // A callback is the agent's task now: the dialer must not ring the person before it.
    if (disposition.outcomeClass === 'callback' || disposition.retryAfterMinutes === null) return { status: 'done', nextAttemptAt: null, outcome: disposition.code };
    return { status: 'queued', nextAttemptAt: minutesAfter(at, disposition.retryAfterMinutes), outcome: disposition.code };
  }
  if (!call.endedAt) return null;
  // A call that reached an agent waits for the agent's disposition.
  if (call.bridgedAt) return { status: 'dialing', nextAttemptAt: null, outcome: 'connected' };
  const outcome = unconnectedOutcome(call);
  const retry = settings.retry;
  const minutes = { machine: retry.machineMinutes, abandoned: retry.noAnswerMinutes, busy: retry.busyMinutes, no_answer: retry.noAnswerMinutes, failed: retry.failedMinutes }[outcome];
  return { status: 'queued', nextAttemptAt: minutesAfter(call.endedAt, minutes), outcome };
}

/**
 * Puts the call's queue item where the call leaves it (queued again, exhausted at the queue's
 * maxAttempts, done, removed, or still leased while the agent wraps up), and releases the
 * contact's hold once the contact leaves the queue. Only the item this call was placed for is
 * touched: one the dialer has since claimed for a newer call is left alone.
 */
export async function settleQueueItem(db: Database, call: CallRow): Promise<QueuePlace | null> {
  if (!call.campaignId || !call.contactId) return null;
  const [queue] = await db.select({ settings: dialerQueues.settings }).from(dialerQueues).where(eq(dialerQueues.campaignId, call.campaignId));
  const settings = dialerSettingsSchema.parse(queue?.settings ?? {});
  let disposition: DispositionFacts | null = null;
  if (call.dispositionId) {
    const [d] = await db
      .select({ code: callDispositions.code, outcomeClass: callDispositions.outcomeClass, retryAfterMinutes: callDispositions.retryAfterMinutes })
      .from(callDispositions)
      .where(eq(callDispositions.id, call.dispositionId));
    if (d) disposition = { ...d, outcomeClass: d.outcomeClass as DispositionClass };
  }
  const place = queuePlaceOf(call, disposition, settings);
  if (!place) return null;
  const next = place.nextAttemptAt?.toISOString() ?? null;
  // One row: attempts = the contact's ended calls in this campaign (or more, if the dialer counts at dial time).
  const row = await queryOne<{ status: string }>(
    db,
    sql`update dialer_queue_items q set
        attempts = greatest(q.attempts, a.ended),
        status = case when ${place.status} = 'queued' and greatest(q.attempts, a.ended) >= ${settings.maxAttempts} then 'exhausted' else ${place.status} end,
        next_attempt_at = coalesce(${next}::timestamptz, q.next_attempt_at),
        lease_until = case when ${place.status} = 'dialing' then q.lease_until end,
        last_outcome = ${place.outcome},
        updated_at = now()
      from (select count(*)::int as ended from calls c
            where c.campaign_id = ${call.campaignId}::uuid and c.contact_id = ${call.contactId}::uuid and c.ended_at is not null) a
      where q.campaign_id = ${call.campaignId}::uuid and q.contact_id = ${call.contactId}::uuid
        and (q.call_id = ${call.id}::uuid or (q.call_id is null and q.status = 'dialing'))
        and (q.status <> 'removed' or ${place.status} = 'removed')
      returning q.status`,
  );
  // Out of the queue, or never in it (a manual call): the hold has no reason left.
  const inQueue = row
    ? !['done', 'exhausted', 'removed'].includes(row.status)
    : Boolean(
        await queryOne(
          db,
          sql`select 1 from dialer_queue_items where campaign_id = ${call.campaignId}::uuid and contact_id = ${call.contactId}::uuid and status in ('queued', 'dialing')`,
        ),
      );
  if (!inQueue) await releaseHolds(db, callHolderOf(call.campaignId), [call.contactId]);
  return place;
}
