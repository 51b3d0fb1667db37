// The names a call is known by outside its row: the client_state every Telnyx leg carries back on
// its webhooks (our call id, which leg, whether machine detection runs, what a speak was for), the contact-hold holder of
// a call campaign, and the touch ids that make a call's touches idempotent. The dialer places calls
// with these same helpers, so the webhook finds the call whoever dialled it.
import type { Config } from '../../../config/config';

export type CallLeg = 'contact' | 'agent';

export interface CallClientState {
  callId: string;
  leg: CallLeg;
  /** Machine detection runs on this leg: a person is known only at its verdict, not at the answer. */
  amd?: boolean;
  /**
   * Set by the speak of the campaign's consent announcement: its call.speak.started and
   * call.speak.ended (and, since a command's client_state stays on the leg, the leg's later events) carry it.
   */
  purpose?: 'consent';
}

/** The JSON the adapter sends base64-encoded as `client_state`. */
export function encodeClientState(state: CallClientState): string {
  return JSON.stringify(state);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our state from a webhook's base64 `client_state`; null when it is absent or not ours. */
export function decodeClientState(base64: string | null | undefined): CallClientState | null {
  if (!base64) return null;
  try {
    const value = JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as Record<string, unknown>;
    const callId = value.callId ?? value.call_id;
    if (typeof callId !== 'string' || !UUID.test(callId)) return null;
    const leg: CallLeg = value.leg === 'agent' ? 'agent' : 'contact';
    return {
      callId: callId.toLowerCase(),
      leg,
      ...(typeof value.amd === 'boolean' ? { amd: value.amd } : {}),
      // Exactly our one value: anything else is no purpose at all.
      ...(value.purpose === 'consent' ? { purpose: 'consent' as const } : {}),
    };
  } catch {
    // Another application's state on a shared connection: not one of our calls.
    return null;
  }
}

/** The contact-hold holder of a call campaign (its queue holds the contacts it will dial). */
export const callHolderOf = (campaignId: string) => `dialer:${campaignId}`;

/** One touch of each kind per call, whichever event or request records it first. */
export const callTouchId = (callId: string, kind: 'attempted' | 'connected' | 'disposition') => `call:${callId}:${kind}`;

/** Where Telnyx sends call events. */
export const telnyxWebhookUrl = (config: Pick<Config, 'TELNYX_WEBHOOK_URL' | 'PUBLIC_BASE_URL'>) =>
  config.TELNYX_WEBHOOK_URL ?? `${config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/telephony/webhooks/telnyx`;

/** The S3 key of a call's recording. */
export const recordingKeyOf = (campaignId: string | null, callId: string) => `recordings/${campaignId ?? 'no-campaign'}/${callId}.wav`;
