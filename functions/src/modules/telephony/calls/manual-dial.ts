// An agent's own call to one contact of a campaign the agent works (preview and manual dialling):
// the contact goes through the one gate on the phone channel at this instant (the proof is written,
// the contact held), a number the gate allows is dialled without machine detection, and the agent's
// browser is rung when the person answers. And an agent's hang-up of a call in progress.
import { and, eq, sql } from 'drizzle-orm';
import type { PolicyRules } from '@shared/contracts/activity';
import { dialerSettingsSchema, type Call } from '@shared/contracts/telephony';
import { AppError, invalid, notFound } from '../../../core/app-error';
import { callCampaigns, calls, campaignAgents, dialerQueues } from '../../../db/schema';
import { telnyxFor } from '../../../adapters/telnyx';
import { admitAudience, recordTouches } from '../../activity';
import { setPresence } from '../presence';
import { connectionFor, hangupLeg, type CallDeps } from './agent-leg';
import { agentCallState } from './agent-console';
import { callHolderOf, callTouchId, encodeClientState, telnyxWebhookUrl } from './call-keys';
import { recordFromAnswer } from './consent';
import { settleQueueItem } from './queue-settle';
import { callsWhere, visibleCallRow, type CallViewer } from './views';

/** How long the contact stays held for this call (the queue-size cap counts it). */
const HOLD_MINUTES = 60;

const telephonyOff = () => new AppError('unavailable', { detail: 'Telephony is not configured: an administrator must set the Telnyx API key.' });

export async function placeManualCall(deps: CallDeps, viewer: CallViewer, input: { campaignId: string; contactId: string; phone?: string | undefined }): Promise<Call> {
  const telnyx = telnyxFor(deps.config);
  if (!telnyx) throw telephonyOff();
  const now = deps.now();
  const [campaign] = await deps.db
    .select({ campaign: callCampaigns, assigned: campaignAgents.userId })
    .from(callCampaigns)
    .leftJoin(campaignAgents, and(eq(campaignAgents.campaignId, callCampaigns.id), eq(campaignAgents.userId, viewer.userId)))
    .where(and(eq(callCampaigns.id, input.campaignId), sql`${callCampaigns.deletedAt} is null`));
  // A campaign the agent does not work is, to the agent, no campaign at all.
  if (!campaign?.assigned) throw notFound('call campaign');
  const c = campaign.campaign;
  if (c.status !== 'active') throw new AppError('conflict', { detail: 'The campaign is not active: activate it before calling its contacts.' });
  const state = await agentCallState(deps.db, viewer.userId, now);
  if (state.live) throw new AppError('conflict', { detail: 'You are on a call already.' });
  if (state.wrapUpPending) throw new AppError('conflict', { detail: 'Give your last call a disposition before the next one.' });

  const gate = await admitAudience(
    deps.db,
    { kind: 'ids', ids: [input.contactId] },
    {
      channel: 'phone',
      at: now,
      campaign: { id: c.id, rules: (c.rules as PolicyRules | null) ?? null, ...(c.callingWindow ? { callingWindow: c.callingWindow as { start: string; end: string } } : {}) },
      selection: { kind: 'manual_dial', contactId: input.contactId },
      actorId: viewer.userId,
      retainDays: deps.config.GATE_PROOF_RETENTION_DAYS,
      hold: { holder: callHolderOf(c.id), until: new Date(now.getTime() + HOLD_MINUTES * 60_000) },
    },
  );
  if (gate.counts.audience === 0) throw notFound('contact');
  const admitted = gate.admitted[0];
  if (!admitted) {
    const reason = Object.entries(gate.counts.excluded).find(([, n]) => n > 0)?.[0] ?? 'excluded';
    throw new AppError('unprocessable', { detail: `This contact may not be called now (${reason.replace(/_/g, ' ')}).`, extra: { reason, proofId: gate.proofId } });
  }
  const phone = input.phone ?? admitted.phones[0];
  if (!phone) throw new AppError('unprocessable', { detail: 'This contact has no number that may be called now.', extra: { reason: 'no_phone', proofId: gate.proofId } });
  if (!admitted.phones.includes(phone)) throw invalid('body.phone', 'is not a number of this contact that may be called now');
  const connection = await connectionFor(deps.db, c.id);
  if (!connection) throw new AppError('unavailable', { detail: 'Telephony has no active SIP trunk for this campaign.' });
  const from = c.callerId ?? connection.callerIds[0];
  if (!from) throw new AppError('unprocessable', { detail: 'The campaign and its trunk have no caller id to show.' });

  const [call] = await deps.db
    .insert(calls)
    .values({ campaignId: c.id, contactId: input.contactId, accountId: admitted.accountId, agentId: viewer.userId, origin: 'manual', toNumber: phone, fromNumber: from, startedAt: now })
    .returning();
  const reserved = await setPresence(deps, viewer.userId, 'busy', { callId: call!.id, campaignId: c.id, expect: ['offline', 'available', 'after_call_work', 'break'] });
  if (!reserved) {
    await deps.db.update(calls).set({ state: 'ended', endedAt: now, hangupCause: 'agent_unavailable' }).where(eq(calls.id, call!.id));
    throw new AppError('conflict', { detail: 'A call was put through to you meanwhile.' });
  }
  // The queue must not dial the contact while the agent does.
  await deps.db.execute(
    sql`update dialer_queue_items set status = 'dialing', call_id = ${call!.id}::uuid, lease_until = ${new Date(now.getTime() + HOLD_MINUTES * 60_000).toISOString()}::timestamptz, updated_at = now()
      where campaign_id = ${c.id}::uuid and contact_id = ${input.contactId}::uuid and status = 'queued'`,
  );
  await recordTouches(
    deps.db,
    [{ sourceEventId: callTouchId(call!.id, 'attempted'), channel: 'call', kind: 'attempted', contactId: input.contactId, campaignId: c.id, occurredAt: now.toISOString(), summary: `Called ${phone}` }],
    viewer.userId,
  );
  const [queue] = await deps.db.select({ settings: dialerQueues.settings }).from(dialerQueues).where(eq(dialerQueues.campaignId, c.id));
  try {
    const placed = await telnyx.calls.dial({
      to: phone,
      from,
      connectionId: connection.connectionId,
      clientState: encodeClientState({ callId: call!.id, leg: 'contact', amd: false }),
      amd: false,
      timeoutSecs: dialerSettingsSchema.parse(queue?.settings ?? {}).ringSeconds,
      // With a consent announcement the recording starts once it has been said.
      record: recordFromAnswer(c),
      webhookUrl: telnyxWebhookUrl(deps.config),
    });
    await deps.db.update(calls).set({ callControlId: placed.callControlId, callSessionId: placed.callSessionId, updatedAt: deps.now() }).where(eq(calls.id, call!.id));
  } catch (error) {
    deps.logger.warn('manual call not placed', { callId: call!.id, error: (error as Error).message });
    const [ended] = await deps.db
      .update(calls)
      .set({ state: 'ended', endedAt: deps.now(), hangupCause: 'dial_failed', updatedAt: deps.now() })
      .where(eq(calls.id, call!.id))
      .returning();
    await settleQueueItem(deps.db, ended!);
    await setPresence(deps, viewer.userId, 'available', { expect: ['busy'], expectCallId: call!.id });
    throw new AppError('unavailable', { detail: 'Telnyx did not place the call; try again in a minute.' });
  }
  const [view] = await callsWhere(deps.db, eq(calls.id, call!.id));
  return view!;
}

/** Ends a call in progress (both legs); its end is recorded when Telnyx's hang-up event arrives. */
export async function hangupCall(deps: CallDeps, viewer: CallViewer, callId: string): Promise<void> {
  const call = await visibleCallRow(deps.db, viewer, callId);
  if (call.endedAt) return;
  if (!telnyxFor(deps.config)) throw telephonyOff();
  await Promise.all([hangupLeg(deps, call.callControlId, 'hung up from the console'), hangupLeg(deps, call.agentCallControlId, 'hung up from the console')]);
}

