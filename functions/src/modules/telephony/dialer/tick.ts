// One tick of the dialer, for every active queue: the abandonment controller first (it may lower
// the ratio or pause the queue), then free agents of the campaign by longest idle, the number of
// lines the mode and the limits allow, the claim of that many due items (SKIP LOCKED, leased), the
// contact gate again for exactly those contacts at this instant (suppressed, opted out, out of
// hours, over a cap: back to the queue later or out of it), an agent reserved per call, the calls
// rows, and the dials. Ticks may overlap (the local timer, the AWS loop): nothing here relies on
// being alone.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AgentPresence } from '@shared/contracts/telephony';
import type { Deps } from '../../../core/deps';
import { queryRows } from '../../../db/rows';
import { redactError } from '../../../http/redact-error';
import { telnyxFor, type TelnyxClient } from '../../../adapters/telnyx';
import { admitAudience, currentPolicy, releaseHolds } from '../../activity';
import { availableAgents, reserveAgent, setPresence } from '../presence';
import { holderOf, QUEUE_HOLD_DAYS } from './fill';
import { encodeClientState, telnyxWebhookUrl } from '../calls/call-keys';
import { recordFromAnswer } from '../calls/consent';
import { linesToDial, nextPacing, type AbandonWindow } from './pacing';
import {
  abandonWindow,
  activeQueueRows,
  callsInFlight,
  claimItems,
  expireLeases,
  insertCalls,
  recordDialResults,
  savePacing,
  settleItems,
  type ClaimedItem,
  type ItemUpdate,
  type NewCall,
  type QueueRow,
} from './queue-store';

/** What the tick needs from the rest of telephony, wired at the root. */
export interface DialerPorts {
  /**
   * The calls part's safe-harbour sweep: plays the recorded message on calls a person answered
   * that no agent was bridged to within 2 s, and answers how many it abandoned.
   */
  abandonUnbridged?: (deps: Deps, now: Date) => Promise<number>;
  /** Telnyx Call Control (default: the configured client; null turns dialling off). */
  telnyx?: TelnyxClient | null;
  /** The client orders campaigns work (the portal's): how fast each may dial, and whom it must not. */
  orders?: DialerOrderGate;
}

export interface DialerOrderGate {
  /** The share (0–1) of its lines each of these campaigns may dial now; a campaign left out dials all of them. */
  shares(db: Deps['db'], campaignIds: readonly string[], now: Date): Promise<Map<string, number>>;
  /** Of these contacts, those the campaign must not dial (its order's client suppressed them): out of its queue. */
  leaveOut(db: Deps['db'], campaignId: string, contactIds: readonly string[]): Promise<Set<string>>;
}

/** The lease covers the ring and the answer; a live call's lease is renewed by the expiry sweep. */
const LEASE_MARGIN_SECONDS = 120;

/** When a contact the gate holds back now is tried again, by reason; the other reasons take it out of the queue. */
const DEFER_MINUTES: Record<string, number> = {
  outside_calling_window: 15,
  contact_frequency: 60,
  quiet_period: 60,
  account_cap: 60,
};

export interface QueueTick {
  campaignId: string;
  lines: number;
  claimed: number;
  dialled: number;
  failed: number;
  deferred: number;
  removed: number;
  exhausted: number;
  /** Claimed items put back because no agent could be reserved. */
  returned: number;
}

export interface TickResult {
  abandoned: number;
  expired: { requeued: number; extended: number };
  queues: QueueTick[];
  /** Campaigns the controller (or a missing trunk) paused this tick, with the reason. */
  paused: Array<{ campaignId: string; reason: string }>;
}

/** The contact policy in force, read once a tick. */
type GatePolicy = Awaited<ReturnType<typeof currentPolicy>>;

const emptyQueueTick = (campaignId: string): QueueTick => ({ campaignId, lines: 0, claimed: 0, dialled: 0, failed: 0, deferred: 0, removed: 0, exhausted: 0, returned: 0 });

/** Makes an agent available again after a call that was not placed (only while still reserved for it). */
async function releaseAgent(deps: Deps, agentId: string, callId: string): Promise<void> {
  await setPresence(deps, agentId, 'available', { expect: ['busy'], expectCallId: callId, callId: null });
}

export async function dialerTick(deps: Deps, ports: DialerPorts = {}): Promise<TickResult> {
  const now = deps.now();
  const result: TickResult = { abandoned: 0, expired: { requeued: 0, extended: 0 }, queues: [], paused: [] };
  if (ports.abandonUnbridged) result.abandoned = await ports.abandonUnbridged(deps, now);

  // Independent reads at once: agents freed by the lease sweep come back on the next tick; the
  // contact policy in force, once for every queue's gate.
  const [expired, queues, agents, policy] = await Promise.all([expireLeases(deps.db, now), activeQueueRows(deps.db), availableAgents(deps), currentPolicy(deps.db)]);
  result.expired = { requeued: expired.requeued, extended: expired.extended };
  await Promise.all(expired.orphanedAgents.map((o) => releaseAgent(deps, o.agentId, o.callId)));
  if (!queues.length) return result;
  const telnyx = ports.telnyx === undefined ? telnyxFor(deps.config) : ports.telnyx;
  // An agent goes to one queue per tick; the reservation makes sure of it across ticks.
  const taken = new Set<string>();
  const shares = ports.orders ? await ports.orders.shares(deps.db, queues.map((q) => q.campaignId), now) : new Map<string, number>();

  for (const queue of queues) {
    const [window, flight] = await Promise.all([abandonWindow(deps.db, queue.campaignId, now), callsInFlight(deps.db, queue.campaignId, now)]);
    const pacing = nextPacing(queue.settings, { status: 'active', currentRatio: queue.currentRatio, pausedReason: null }, window);
    const from = queue.callerId ?? queue.trunkCallerId;
    const blocked = pacing.status === 'paused' ? pacing.pausedReason : !queue.connectionId || !from ? 'No active SIP trunk with a caller id for this campaign.' : null;
    const saving = savePacing(deps.db, queue.campaignId, blocked ? { status: 'paused', currentRatio: pacing.currentRatio, pausedReason: blocked } : pacing, now);
    if (blocked) {
      await saving;
      result.paused.push({ campaignId: queue.campaignId, reason: blocked });
      deps.logger.warn('dialer queue paused', { campaignId: queue.campaignId, reason: blocked });
      continue;
    }
    if (!telnyx) {
      await saving;
      continue;
    }
    const mine = new Set(queue.agentIds);
    // Any available agent assigned to the campaign (presence keeps the last call's campaign, which is no choice of the agent's).
    const free = agents.filter((a) => mine.has(a.userId) && !taken.has(a.userId));
    const order = { share: shares.get(queue.campaignId) ?? 1, gate: ports.orders ?? null };
    // The queue's work does not wait for the pacing to be saved (another row, another statement).
    const ticking = tickQueue(deps, telnyx, { ...queue, currentRatio: pacing.currentRatio }, window, flight, free, taken, now, policy, order).then(
      (done) => {
        result.queues.push(done);
      },
      (error: unknown) => {
        // One queue's failure (a database hiccup, a bad setting) must not stop the others.
        deps.logger.error('dialer queue tick failed', { campaignId: queue.campaignId, error: redactError(error) });
      },
    );
    const [saved] = await Promise.allSettled([saving, ticking]);
    if (saved.status === 'rejected') throw saved.reason;
  }
  return result;
}

async function tickQueue(
  deps: Deps,
  telnyx: TelnyxClient,
  queue: QueueRow,
  window: AbandonWindow,
  flight: { inFlight: number; unassigned: number },
  free: AgentPresence[],
  taken: Set<string>,
  now: Date,
  policy: GatePolicy,
  order: { share: number; gate: DialerOrderGate | null } = { share: 1, gate: null },
): Promise<QueueTick> {
  const out = emptyQueueTick(queue.campaignId);
  const { settings } = queue;
  if (!free.length || settings.mode === 'preview') return out;
  out.lines = linesToDial({
    mode: settings.mode,
    ratio: queue.currentRatio,
    freeAgents: free.length,
    unassignedInFlight: flight.unassigned,
    inFlight: flight.inFlight,
    maxConcurrentCalls: settings.maxConcurrentCalls,
    window,
  });
  // An order ahead of its pace slows its campaigns: a share of the lines, rounded down (0 stops it).
  if (order.share < 1) out.lines = Math.floor(out.lines * Math.max(0, order.share));
  if (!out.lines) return out;

  const ringSeconds = Math.max(15, settings.ringSeconds);
  const claimed = await claimItems(deps.db, queue.campaignId, settings.priority, out.lines, now, new Date(now.getTime() + (ringSeconds + LEASE_MARGIN_SECONDS) * 1000));
  out.claimed = claimed.length;
  if (!claimed.length) return out;

  const updates: ItemUpdate[] = [];
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const unsuppressed = await leaveOutSuppressed(deps, order.gate, queue.campaignId, claimed, updates);
  const fresh = unsuppressed.filter((item) => {
    if (item.attempts < settings.maxAttempts) return true;
    updates.push({ contactId: item.contactId, status: 'exhausted', nextAttemptAt: null, outcome: 'max_attempts', attempted: false });
    return false;
  });

  // The gate again, for exactly these contacts at this instant, with its proof.
  const gate = fresh.length ? await recheck(deps, queue, fresh, now, policy) : { proofId: null, dialable: new Map<string, string[]>() };
  const dialable = gate.dialable;
  const reasons = gate.proofId && fresh.some((i) => !dialable.get(i.contactId)?.length) ? await exclusionReasons(deps, gate.proofId) : new Map<string, string>();
  const passing: Array<ClaimedItem & { to: string }> = [];
  for (const item of fresh) {
    const phones = dialable.get(item.contactId);
    if (phones?.length) {
      passing.push({ ...item, to: phones.includes(item.phone) ? item.phone : phones[0]! });
      continue;
    }
    const reason = reasons.get(item.contactId) ?? 'contact_gone';
    const defer = DEFER_MINUTES[reason];
    updates.push(
      defer === undefined
        ? { contactId: item.contactId, status: 'removed', nextAttemptAt: null, outcome: reason, attempted: false }
        : { contactId: item.contactId, status: 'queued', nextAttemptAt: later(defer), outcome: reason, attempted: false },
    );
  }

  // An agent per call: one each in progressive mode; power mode's extra lines ring without one.
  const calls = await reserveAgents(deps, queue, passing, free, taken, Math.max(0, out.lines - free.length));
  for (const item of passing) {
    if (!calls.some((c) => c.contactId === item.contactId)) updates.push({ contactId: item.contactId, status: 'queued', nextAttemptAt: null, outcome: 'no_agent', attempted: false });
  }
  out.returned = passing.length - calls.length;

  const from = queue.callerId ?? queue.trunkCallerId!;
  const newCalls: NewCall[] = calls.map((c) => ({ id: c.callId, contactId: c.contactId, accountId: c.accountId, agentId: c.agentId, to: c.to, from }));
  await insertCalls(deps.db, queue.campaignId, newCalls, now);
  const webhookUrl = telnyxWebhookUrl(deps.config);
  const outcomes = await Promise.all(
    calls.map(async (c) => {
      try {
        const placed = await telnyx.calls.dial({
          to: c.to,
          from,
          connectionId: queue.connectionId!,
          clientState: encodeClientState({ callId: c.callId, leg: 'contact', amd: settings.amd }),
          amd: settings.amd,
          timeoutSecs: ringSeconds,
          // With a consent announcement the recording starts once it has been said.
          record: recordFromAnswer(queue),
          webhookUrl,
        });
        return { call: c, placed, error: null };
      } catch (error) {
        return { call: c, placed: null, error };
      }
    }),
  );
  const placed = outcomes.filter((o) => o.placed);
  const failed = outcomes.filter((o) => !o.placed);
  for (const f of failed) deps.logger.warn('dial failed', { campaignId: queue.campaignId, callId: f.call.callId, error: redactError(f.error) });
  await recordDialResults(
    deps.db,
    queue.campaignId,
    placed.map((o) => ({ callId: o.call.callId, contactId: o.call.contactId, phone: o.call.to, callControlId: o.placed!.callControlId, callSessionId: o.placed!.callSessionId })),
    failed.map((o) => ({ callId: o.call.callId, cause: 'dial_failed' })),
    now,
  );
  for (const f of failed) {
    updates.push({ contactId: f.call.contactId, status: 'queued', nextAttemptAt: later(settings.retry.failedMinutes), outcome: 'dial_failed', attempted: true });
  }
  await Promise.all(failed.filter((f) => f.call.agentId).map((f) => releaseAgent(deps, f.call.agentId!, f.call.callId)));

  await settleItems(deps.db, queue.campaignId, updates, now);
  const gone = updates.filter((u) => u.status === 'removed' || u.status === 'exhausted').map((u) => u.contactId);
  if (gone.length) await releaseHolds(deps.db, holderOf(queue.campaignId), gone);

  out.dialled = placed.length;
  out.failed = failed.length;
  out.deferred = updates.filter((u) => u.status === 'queued' && u.outcome !== 'no_agent' && u.outcome !== 'dial_failed').length;
  out.removed = updates.filter((u) => u.status === 'removed').length;
  out.exhausted = updates.filter((u) => u.status === 'exhausted').length;
  return out;
}

/** Items whose contact the campaign's order's client suppressed leave the queue (outcome client_suppressed); the rest go on. */
async function leaveOutSuppressed(deps: Deps, gate: DialerOrderGate | null, campaignId: string, items: readonly ClaimedItem[], updates: ItemUpdate[]): Promise<ClaimedItem[]> {
  if (!gate || !items.length) return [...items];
  const out = await gate.leaveOut(deps.db, campaignId, items.map((i) => i.contactId));
  for (const contactId of out) updates.push({ contactId, status: 'removed', nextAttemptAt: null, outcome: 'client_suppressed', attempted: false });
  return items.filter((i) => !out.has(i.contactId));
}

/** The gate at dial time: the dialable numbers of each contact it admits now (holds renewed, proof written). */
async function recheck(deps: Deps, queue: QueueRow, items: readonly ClaimedItem[], now: Date, policy: GatePolicy): Promise<{ proofId: string; dialable: Map<string, string[]> }> {
  const admitted = await admitAudience(
    deps.db,
    { kind: 'ids', ids: items.map((i) => i.contactId) },
    {
      channel: 'phone',
      at: now,
      campaign: { id: queue.campaignId, rules: queue.rules, ...(queue.callingWindow ? { callingWindow: queue.callingWindow } : {}) },
      selection: { kind: 'dialer', campaignId: queue.campaignId },
      actorId: null,
      retainDays: deps.config.GATE_PROOF_RETENTION_DAYS,
      policy,
      hold: { holder: holderOf(queue.campaignId), until: new Date(now.getTime() + QUEUE_HOLD_DAYS * 86_400_000) },
    },
  );
  return { proofId: admitted.proofId, dialable: new Map(admitted.admitted.map((c) => [c.contactId, c.phones])) };
}

/** Why the gate left each contact out, from its proof. */
async function exclusionReasons(deps: Deps, proofId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ contact_id: string; reason: string }>(deps.db, sql`select contact_id, reason from gate_proof_exclusions where proof_id = ${proofId}::uuid`);
  return new Map(rows.map((r) => [r.contact_id, r.reason]));
}

interface PlannedCall {
  callId: string;
  contactId: string;
  accountId: string | null;
  agentId: string | null;
  to: string;
}

/**
 * Pairs items with free agents, longest idle first, reserving each agent with a conditional write;
 * an agent another tick took is skipped and the item tries the next. Power mode's extra lines (as
 * many as the pacing allowed beyond the free agents) are dialled without one: the answer is
 * bridged to whoever is free, or gets the safe-harbour message.
 */
async function reserveAgents(
  deps: Deps,
  queue: QueueRow,
  items: ReadonlyArray<ClaimedItem & { to: string }>,
  free: readonly AgentPresence[],
  taken: Set<string>,
  extraLines: number,
): Promise<PlannedCall[]> {
  const planned: PlannedCall[] = [];
  let waiting = [...items];
  let pool = free.filter((a) => !taken.has(a.userId));
  // Agents the pacing counted on but another tick took: each one fewer extra line.
  let lost = free.length - pool.length;
  while (waiting.length && pool.length) {
    const pairs = waiting.slice(0, pool.length).map((item, i) => ({ item, agent: pool[i]!, callId: randomUUID() }));
    pool = pool.slice(pairs.length);
    const reserved = await Promise.all(pairs.map((p) => reserveAgent(deps, p.agent, p.callId, queue.campaignId)));
    const unpaired: typeof waiting = [];
    pairs.forEach((p, i) => {
      taken.add(p.agent.userId);
      if (reserved[i]) planned.push({ callId: p.callId, contactId: p.item.contactId, accountId: p.item.accountId, agentId: p.agent.userId, to: p.item.to });
      else unpaired.push(p.item);
    });
    lost += unpaired.length;
    waiting = [...unpaired, ...waiting.slice(pairs.length)];
  }
  for (const item of waiting.slice(0, Math.max(0, extraLines - lost))) planned.push({ callId: randomUUID(), contactId: item.contactId, accountId: item.accountId, agentId: null, to: item.to });
  return planned;
}
