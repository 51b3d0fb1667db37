// The Telnyx side of a call's legs once a person is on the line: ring the reserved agent's browser
// (a WebRTC leg linked to the person's call, bridged when the agent answers), hang legs up, and put
// the agent's presence where the call row says it should be.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../../core/deps';
import { queryOne } from '../../../db/rows';
import { agentCredentials, calls } from '../../../db/schema';
import { telnyxFor } from '../../../adapters/telnyx';
import { setPresence } from '../presence';
import { encodeClientState, telnyxWebhookUrl } from './call-keys';
import type { CallRow } from './queue-settle';
import { isHumanVerdict } from './telnyx-event';

export type CallDeps = Pick<Deps, 'db' | 'aws' | 'config' | 'now' | 'logger'>;

/** Seconds the agent's browser rings: it answers by itself, and past 2 s the person has heard the safe-harbour message anyway. */
const AGENT_RING_SECONDS = 10;

/** The Telnyx connection a campaign's calls use: its trunk's, else the default active trunk's. */
export async function connectionFor(db: Deps['db'], campaignId: string | null): Promise<{ connectionId: string; callerIds: string[] } | null> {
  const row = await queryOne<{ connection_id: string; caller_ids: string[] }>(
    db,
    sql`select t.connection_id, t.caller_ids from sip_trunks t
      where t.deleted_at is null and t.active
        and (t.id = (select trunk_id from call_campaigns where id = ${campaignId}::uuid) or t.is_default)
      order by (t.id = (select trunk_id from call_campaigns where id = ${campaignId}::uuid)) desc nulls last
      limit 1`,
  );
  return row ? { connectionId: row.connection_id, callerIds: row.caller_ids ?? [] } : null;
}

/** Best effort: a leg that already ended answers an error we have nothing to do about. */
export async function hangupLeg(deps: CallDeps, callControlId: string | null, why: string): Promise<void> {
  const telnyx = telnyxFor(deps.config);
  if (!telnyx || !callControlId) return;
  try {
    await telnyx.calls.hangup(callControlId);
  } catch (error) {
    deps.logger.info('hang-up not carried out (the leg may have ended already)', { why, error: (error as Error).message });
  }
}

/**
 * Rings the reserved agent's browser, linked to the person's call and bridged when the agent's
 * leg answers. False when it could not be placed (no Telnyx, no credential, no trunk, an API
 * error): the caller then plays the safe-harbour message rather than leave the person in silence.
 */
export async function dialAgentLeg(deps: CallDeps, call: CallRow): Promise<boolean> {
  const telnyx = telnyxFor(deps.config);
  if (!telnyx || !call.agentId || !call.callControlId) return false;
  const [credential] = await deps.db.select({ sipUsername: agentCredentials.sipUsername }).from(agentCredentials).where(eq(agentCredentials.userId, call.agentId));
  const connection = await connectionFor(deps.db, call.campaignId);
  if (!credential || !connection) {
    deps.logger.warn('agent leg not placed: no telephony credential or trunk', { callId: call.id, agentId: call.agentId, trunk: Boolean(connection) });
    return false;
  }
  try {
    const leg = await telnyx.calls.dial({
      to: `sip:${credential.sipUsername}@sip.telnyx.com`,
      from: call.fromNumber,
      connectionId: connection.connectionId,
      clientState: encodeClientState({ callId: call.id, leg: 'agent' }),
      amd: false,
      timeoutSecs: AGENT_RING_SECONDS,
      record: false,
      linkTo: call.callControlId,
      bridgeOnAnswer: true,
      webhookUrl: telnyxWebhookUrl(deps.config),
    });
    await deps.db
      .update(calls)
      .set({ agentCallControlId: leg.callControlId, updatedAt: deps.now() })
      .where(and(eq(calls.id, call.id), isNull(calls.agentCallControlId)));
    return true;
  } catch (error) {
    deps.logger.warn('agent leg not placed', { callId: call.id, error: (error as Error).message });
    return false;
  }
}

/**
 * The agent's presence as the call row leaves it, only while the agent is still on this call:
 * after-call work once a bridged call ends without a disposition, available when it ended
 * unbridged or the machine verdict came in (the agent was never reached). An available agent who
 * still carries this call id was released before a late "bridged" arrived: wrap-up after all.
 */
export async function reconcileAgent(deps: CallDeps, call: CallRow): Promise<void> {
  if (!call.agentId) return;
  const mine = { expectCallId: call.id, callId: call.id };
  const machine = call.amdResult !== null && !isHumanVerdict(call.amdResult);
  if (call.endedAt) {
    if (call.bridgedAt && !call.dispositionId) await setPresence(deps, call.agentId, 'after_call_work', { ...mine, expect: ['busy', 'available'] });
    else await setPresence(deps, call.agentId, 'available', { ...mine, expect: ['busy'] });
  } else if (machine && !call.bridgedAt) {
    await setPresence(deps, call.agentId, 'available', { ...mine, expect: ['busy'] });
  }
}
