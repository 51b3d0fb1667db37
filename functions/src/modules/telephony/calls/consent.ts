// A campaign's consent announcement ("this call may be recorded…"): claimed once per call when it is
// first bridged, spoken on the person's leg to both parties, and only once it has been heard is the
// recording started. A call whose campaign has an announcement is dialled without recording for
// that reason; one that heard the safe-harbour message never hears the announcement.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/connection';
import { queryOne } from '../../../db/rows';
import { callCampaigns } from '../../../db/schema';
import { telnyxFor } from '../../../adapters/telnyx';
import type { CallDeps } from './agent-leg';
import { encodeClientState } from './call-keys';
import type { CallRow } from './queue-settle';
import type { TelnyxEvent } from './telnyx-event';

/** The event id our own request of the announcement is recorded under: one per call, whichever bridged event comes first. */
export const consentEventId = (callId: string) => `ours:consent:${callId}`;

/** The announcement to play, or null when the campaign has none (blank counts as none). */
export const consentTextOf = (announcement: string | null | undefined): string | null => announcement?.trim() || null;

/** Whether a dial may record from the answer: not when the person must first hear the announcement. */
export const recordFromAnswer = (campaign: { record: boolean; consentAnnouncement: string | null }) =>
  campaign.record && consentTextOf(campaign.consentAnnouncement) === null;

/**
 * Claims the announcement of a call that was just bridged, in the transaction that records the
 * bridge: a `consent_announcement.requested` row keyed by the call (with the text said), written
 * only when the campaign has an announcement. Answers the text when this call took it, else null.
 */
export async function claimConsentAnnouncement(tx: Database, call: CallRow, at: Date): Promise<string | null> {
  if (!call.campaignId) return null;
  const row = await queryOne<{ text: string }>(
    tx,
    sql`insert into call_events (event_id, call_id, event_type, occurred_at, payload)
      select ${consentEventId(call.id)}, ${call.id}::uuid, 'consent_announcement.requested', ${at.toISOString()}::timestamptz,
        jsonb_build_object('text', btrim(cc.consent_announcement))
      from call_campaigns cc
      where cc.id = ${call.campaignId}::uuid and nullif(btrim(cc.consent_announcement), '') is not null
      on conflict (event_id) do nothing
      returning payload->>'text' as text`,
  );
  return row?.text ?? null;
}

/** Says the announcement on the person's leg so both parties hear it; a failure is logged, and then nothing is recorded. */
export async function speakConsentAnnouncement(deps: CallDeps, call: CallRow, text: string): Promise<void> {
  const telnyx = telnyxFor(deps.config);
  if (!telnyx || !call.callControlId) {
    deps.logger.warn('consent announcement not spoken: no Telnyx or no leg to speak on; the call is not recorded', { callId: call.id });
    return;
  }
  try {
    await telnyx.calls.speak(call.callControlId, text, encodeClientState({ callId: call.id, leg: 'contact', purpose: 'consent' }), { targetLegs: 'both' });
  } catch (error) {
    deps.logger.warn('consent announcement not spoken; the call is not recorded', { callId: call.id, error: (error as Error).message });
  }
}

/** Whether a speak event is the end of the consent announcement, and whether it played to its end. */
export function consentSpeakEnded(event: TelnyxEvent): { played: boolean } | null {
  if (event.type !== 'call.speak.ended' || event.clientState?.purpose !== 'consent') return null;
  const status = event.payload.status;
  // Telnyx reports `completed` for a speak said to the end; a hang-up or a stop cut it short.
  return { played: status === undefined || status === 'completed' };
}

/**
 * After the announcement: records the call (both parties on their own channels) when the campaign
 * records and the call is still bridged; an announcement cut short leaves it unrecorded.
 */
export async function recordAfterConsent(deps: CallDeps, call: CallRow, played: boolean): Promise<void> {
  if (!call.bridgedAt || call.endedAt || !call.callControlId || !call.campaignId) return;
  const [campaign] = await deps.db.select({ record: callCampaigns.record }).from(callCampaigns).where(eq(callCampaigns.id, call.campaignId));
  if (!campaign?.record) return;
  if (!played) {
    deps.logger.warn('consent announcement did not play to its end; the call is not recorded', { callId: call.id });
    return;
  }
  const telnyx = telnyxFor(deps.config);
  if (!telnyx) return;
  try {
    await telnyx.calls.recordStart(call.callControlId);
  } catch (error) {
    deps.logger.warn('recording not started after the consent announcement', { callId: call.id, error: (error as Error).message });
  }
}
