// One verified Telnyx event applied to its call. In one transaction with the call row locked: the
// event is recorded once (call_events' key), the row advances by the event's own time (the state
// never goes back, each timestamp is the earliest seen, abandonment is a function of the times),
// the attempt and connect touches are recorded, the consent announcement claimed at the first
// bridge, and the queue item settled once the call ended. Telnyx commands (ring the agent, hang up,
// the announcement and the recording after it) and presence follow the commit, decided by comparing
// the row before and after, so a repeated or late event never repeats them.
import { eq, or, sql } from 'drizzle-orm';
import { CALL_STATES, CONNECT_DEADLINE_MS, dialerSettingsSchema, type CallState } from '@shared/contracts/telephony';
import type { TouchInput } from '@shared/contracts/activity';
import type { Database } from '../../../db/connection';
import { queryOne } from '../../../db/rows';
import { calls, dialerQueues } from '../../../db/schema';
import { recordTouches } from '../../activity';
import { abandonUnbridged, safeHarbourEventId } from './abandon';
import { dialAgentLeg, hangupLeg, reconcileAgent, type CallDeps } from './agent-leg';
import { callTouchId, type CallLeg } from './call-keys';
import { claimConsentAnnouncement, consentSpeakEnded, recordAfterConsent, speakConsentAnnouncement } from './consent';
import { settleQueueItem, type CallRow } from './queue-settle';
import { isHumanVerdict, type TelnyxEvent } from './telnyx-event';

export type ApplyOutcome = 'applied' | 'duplicate' | 'unknown_call';

const rank = (state: string) => CALL_STATES.indexOf(state as CallState);
const earliest = (current: Date | null, at: Date) => (current && current <= at ? current : at);
const latest = (current: Date | null, at: Date) => (current && current >= at ? current : at);

/** The state an event of the person's leg (or, for a bridge, either leg) shows the call reached. */
function stateShown(type: string, leg: CallLeg): CallState | null {
  if (leg === 'agent') return type === 'call.bridged' ? 'bridged' : null;
  switch (type) {
    case 'call.initiated':
      return 'initiated';
    case 'call.ringing':
    case 'call.progress':
      return 'ringing';
    case 'call.answered':
    case 'call.machine.detection.ended':
    case 'call.machine.premium.detection.ended':
      return 'answered';
    case 'call.bridged':
      return 'bridged';
    case 'call.hangup':
      return 'ended';
    default:
      return null;
  }
}

const missedDeadline = (humanAt: Date | null, bridgedAt: Date | null, endedAt: Date | null) => {
  if (!humanAt) return false;
  const deadline = humanAt.getTime() + CONNECT_DEADLINE_MS;
  if (bridgedAt) return bridgedAt.getTime() > deadline;
  return endedAt !== null && endedAt.getTime() > deadline;
};

/** The row after the event: a pure function of the row and the event (plus whether detection runs and the safe-harbour message was asked for). */
export function advanceCall(call: CallRow, event: TelnyxEvent, leg: CallLeg, context: { amd: boolean; safeHarbour: boolean }): CallRow {
  const t = event.occurredAt;
  const next: CallRow = { ...call, lastEventAt: latest(call.lastEventAt, t) };
  const shown = stateShown(event.type, leg);
  if (shown && rank(shown) > rank(next.state)) next.state = shown;
  // The evidence that the person was told: when Telnyx began to say the announcement.
  if (event.type === 'call.speak.started' && event.clientState?.purpose === 'consent') next.consentAnnouncedAt = earliest(call.consentAnnouncedAt, t);
  if (leg === 'contact') {
    if (event.callControlId) next.callControlId ??= event.callControlId;
    if (event.callSessionId) next.callSessionId ??= event.callSessionId;
    switch (event.type) {
      case 'call.answered':
        next.answeredAt = earliest(call.answeredAt, t);
        if (!context.amd) next.humanAt = earliest(call.humanAt, t);
        break;
      case 'call.machine.detection.ended':
      case 'call.machine.premium.detection.ended': {
        const result = typeof event.payload.result === 'string' ? event.payload.result : 'not_sure';
        next.amdResult = result;
        if (isHumanVerdict(result)) next.humanAt = earliest(call.humanAt, t);
        break;
      }
      case 'call.bridged':
        next.bridgedAt = earliest(call.bridgedAt, t);
        break;
      case 'call.hangup':
        if (!call.endedAt || t < call.endedAt) {
          next.endedAt = t;
          next.hangupCause = typeof event.payload.hangup_cause === 'string' ? event.payload.hangup_cause : 'unspecified';
        }
        break;
    }
  } else {
    if (event.callControlId && (event.type === 'call.initiated' || event.type === 'call.bridged')) next.agentCallControlId ??= event.callControlId;
    if (event.type === 'call.bridged') next.bridgedAt = earliest(call.bridgedAt, t);
  }
  next.abandoned = call.origin === 'dialer' && (context.safeHarbour || missedDeadline(next.humanAt, next.bridgedAt, next.endedAt));
  return next;
}

async function lockCall(tx: Database, event: TelnyxEvent): Promise<CallRow | null> {
  if (event.clientState) {
    const [row] = await tx.select().from(calls).where(eq(calls.id, event.clientState.callId)).for('update');
    if (row) return row;
  }
  if (!event.callControlId) return null;
  const [row] = await tx
    .select()
    .from(calls)
    .where(or(eq(calls.callControlId, event.callControlId), eq(calls.agentCallControlId, event.callControlId)))
    .for('update');
  return row ?? null;
}

/** Whether machine detection runs on the person's leg: the dial said so in client_state, else the queue's setting. */
async function amdOn(tx: Database, call: CallRow, event: TelnyxEvent): Promise<boolean> {
  if (event.clientState?.amd !== undefined) return event.clientState.amd;
  if (call.origin !== 'dialer' || !call.campaignId) return false;
  const [queue] = await tx.select({ settings: dialerQueues.settings }).from(dialerQueues).where(eq(dialerQueues.campaignId, call.campaignId));
  return dialerSettingsSchema.parse(queue?.settings ?? {}).amd;
}

function touchesOf(call: CallRow): TouchInput[] {
  if (!call.contactId) return [];
  const base = { channel: 'call' as const, contactId: call.contactId, campaignId: call.campaignId };
  const touches: TouchInput[] = [
    { ...base, sourceEventId: callTouchId(call.id, 'attempted'), kind: 'attempted', occurredAt: call.startedAt.toISOString(), summary: `Called ${call.toNumber}` },
  ];
  if (call.bridgedAt) {
    touches.push({ ...base, sourceEventId: callTouchId(call.id, 'connected'), kind: 'connected', occurredAt: call.bridgedAt.toISOString(), summary: 'Connected to an agent' });
  }
  return touches;
}

interface Applied {
  before: CallRow;
  after: CallRow;
  leg: CallLeg;
  /** The consent announcement this event's bridge claimed, to be spoken after the commit. */
  consent: string | null;
}

async function applyInTransaction(tx: Database, event: TelnyxEvent, recording: { key: string; seconds: number | null } | null): Promise<Applied | ApplyOutcome> {
  const call = await lockCall(tx, event);
  const inserted = await queryOne<{ event_id: string }>(
    tx,
    sql`insert into call_events (event_id, call_id, event_type, occurred_at, payload)
      values (${event.id}, ${call?.id ?? null}::uuid, ${event.type}, ${event.occurredAt.toISOString()}::timestamptz, ${JSON.stringify(event.payload)}::jsonb)
      on conflict (event_id) do nothing returning event_id`,
  );
  if (!inserted) return 'duplicate';
  if (!call) return 'unknown_call';
  const leg: CallLeg =
    event.clientState?.leg ?? (event.callControlId && event.callControlId === call.agentCallControlId && event.callControlId !== call.callControlId ? 'agent' : 'contact');
  const safeHarbour = call.abandoned && Boolean(await queryOne(tx, sql`select 1 from call_events where event_id = ${safeHarbourEventId(call.id)}`));
  const after = advanceCall(call, event, leg, { amd: await amdOn(tx, call, event), safeHarbour });
  if (recording && leg === 'contact') {
    after.recordingKey = recording.key;
    after.recordingSeconds = recording.seconds ?? after.recordingSeconds;
  }
  const { id, createdAt: _created, ...changes } = after;
  await tx.update(calls).set({ ...changes, updatedAt: new Date() }).where(eq(calls.id, id));
  await recordTouches(tx, touchesOf(after));
  if (after.endedAt) await settleQueueItem(tx, after);
  // Bridged for the first time: the announcement is claimed now, unless the person heard the safe-harbour message.
  const consent = after.bridgedAt && !call.bridgedAt && !after.endedAt && !safeHarbour ? await claimConsentAnnouncement(tx, after, event.occurredAt) : null;
  return { before: call, after, leg, consent };
}

/** What the event sets off outside the database, decided from the row before and after it. */
async function followUp(deps: CallDeps, event: TelnyxEvent, { before, after, leg, consent }: Applied): Promise<void> {
  const live = !after.endedAt && !after.bridgedAt;
  // Whichever leg's bridge came first: both parties hear the announcement before anything is recorded.
  if (consent) await speakConsentAnnouncement(deps, after, consent);
  if (leg === 'contact') {
    // A person is on the line for the first time: ring the agent, or (no agent, or the ring failed) the safe-harbour message now.
    if (after.humanAt && !before.humanAt && live && !after.agentCallControlId && !after.abandoned) {
      const placed = after.agentId ? await dialAgentLeg(deps, after) : false;
      if (!placed) {
        if (after.origin === 'dialer') await abandonUnbridged(deps, deps.now(), { callId: after.id });
        else await hangupLeg(deps, after.callControlId, 'no agent leg for a manual call');
      }
    }
    // An answering machine: hang up, and the agent (released below) is never rung.
    if (after.amdResult && !isHumanVerdict(after.amdResult) && !before.amdResult && !after.endedAt && !after.bridgedAt) {
      await hangupLeg(deps, after.callControlId, 'answering machine');
    }
    // The person hung up: free the agent's browser leg too.
    if (after.endedAt && !before.endedAt) await hangupLeg(deps, after.agentCallControlId, 'the person hung up');
    // The safe-harbour message has been said: end the call.
    if (event.type === 'call.speak.ended' && after.abandoned && live) await hangupLeg(deps, after.callControlId, 'safe-harbour message done');
    // The consent announcement has been said: now the call may be recorded.
    const consentEnded = consentSpeakEnded(event);
    if (consentEnded) await recordAfterConsent(deps, after, consentEnded.played);
  } else if (event.type === 'call.hangup') {
    // The agent's leg ended first: before the bridge the person must not be left in silence; after it, the call is over.
    if (live && after.origin === 'dialer') await abandonUnbridged(deps, deps.now(), { callId: after.id });
    else if (!after.endedAt) await hangupLeg(deps, after.callControlId, 'the agent hung up');
  }
  await reconcileAgent(deps, after);
}

/**
 * Applies one verified event (at most once: call_events' key). The recording, when the event
 * carries one, was copied to S3 before: its key is stored with the event.
 */
export async function applyTelnyxEvent(
  deps: CallDeps,
  event: TelnyxEvent,
  recording: { key: string; seconds: number | null } | null = null,
): Promise<ApplyOutcome> {
  const result = await deps.db.transaction((tx) => applyInTransaction(tx as unknown as Database, event, recording));
  if (typeof result === 'string') return result;
  await followUp(deps, event, result);
  return 'applied';
}

/** The call an event belongs to, without locking (to name the recording's key before the transaction). */
export async function findEventCall(db: Database, event: TelnyxEvent): Promise<CallRow | null> {
  if (event.clientState) {
    const [row] = await db.select().from(calls).where(eq(calls.id, event.clientState.callId));
    if (row) return row;
  }
  if (!event.callControlId) return null;
  const [row] = await db.select().from(calls).where(eq(calls.callControlId, event.callControlId));
  return row ?? null;
}
