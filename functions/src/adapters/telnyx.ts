// Telnyx behind a small interface: Call Control (dial with machine detection, answer, bridge,
// speak, playback, record, transfer, hangup), agents' telephony credentials and their WebRTC login
// tokens, and webhook verification. The SDK (`telnyx` 7) is the same on AWS and locally; locally
// TELNYX_BASE_URL points it at the stand-in in infra/local.
import Telnyx from 'telnyx';
import type { Config } from '../config/config';

export interface DialRequest {
  to: string;
  from: string;
  connectionId: string;
  /** Carried back on every webhook of the call (base64 of what is given). */
  clientState: string;
  /** Machine detection on the call (the dialer's AMD setting). */
  amd: boolean;
  /** Seconds to ring before giving up (the dialer rings at least 15 s). */
  timeoutSecs: number;
  /** Record from answer, both parties on separate channels. */
  record: boolean;
  /** Bridge to this call when answered (the agent's leg of a dialler call). */
  linkTo?: string;
  bridgeOnAnswer?: boolean;
  webhookUrl?: string;
}

export interface DialResult {
  callControlId: string;
  callLegId: string;
  callSessionId: string;
}

/** Which parties hear a speak: the leg it is issued on (Telnyx's default), the leg bridged to it, or both. */
export type SpeakTargetLegs = 'self' | 'opposite' | 'both';

export interface SpeakOptions {
  targetLegs?: SpeakTargetLegs;
}

export interface TelnyxCalls {
  dial(request: DialRequest): Promise<DialResult>;
  answer(callControlId: string, clientState?: string): Promise<void>;
  bridge(callControlId: string, otherCallControlId: string, clientState?: string): Promise<void>;
  speak(callControlId: string, text: string, clientState?: string, options?: SpeakOptions): Promise<void>;
  playback(callControlId: string, audioUrl: string, clientState?: string): Promise<void>;
  recordStart(callControlId: string): Promise<void>;
  recordStop(callControlId: string): Promise<void>;
  transfer(callControlId: string, to: string, from: string): Promise<void>;
  hangup(callControlId: string, clientState?: string): Promise<void>;
}

export interface TelnyxCredentials {
  /** A telephony credential on the connection, named for the agent; returns its id and SIP user name. */
  create(connectionId: string, name: string): Promise<{ id: string; sipUsername: string }>;
  /** A WebRTC login token (JWT, 24 h). */
  token(credentialId: string): Promise<string>;
}

export interface TelnyxClient {
  calls: TelnyxCalls;
  credentials: TelnyxCredentials;
  /** Verifies a webhook's Ed25519 signature over `timestamp|rawBody` (±300 s) and parses it; throws when it fails. */
  verify(rawBody: string, headers: Record<string, string>): Promise<unknown>;
}

const b64 = (value: string | undefined) => (value === undefined ? undefined : Buffer.from(value, 'utf8').toString('base64'));

/** The Telnyx client from configuration; null when no API key is set (telephony is then off). */
export function createTelnyxClient(config: Config): TelnyxClient | null {
  if (!config.TELNYX_API_KEY) return null;
  const client = new Telnyx({
    apiKey: config.TELNYX_API_KEY,
    publicKey: config.TELNYX_PUBLIC_KEY ?? null,
    ...(config.TELNYX_BASE_URL ? { baseURL: config.TELNYX_BASE_URL } : {}),
    // A retried dial would ring the person twice: the dialer decides what to retry.
    maxRetries: 0,
    timeout: 10_000,
  });
  const actions = client.calls.actions;
  return {
    calls: {
      async dial(r) {
        const response = await client.calls.dial({
          to: r.to,
          from: r.from,
          connection_id: r.connectionId,
          client_state: b64(r.clientState),
          timeout_secs: r.timeoutSecs,
          ...(r.amd ? { answering_machine_detection: 'detect' as const } : {}),
          ...(r.record ? { record: 'record-from-answer' as const, record_channels: 'dual' as const, record_format: 'wav' as const } : {}),
          ...(r.linkTo ? { link_to: r.linkTo } : {}),
          ...(r.bridgeOnAnswer ? { bridge_on_answer: true } : {}),
          ...(r.webhookUrl ? { webhook_url: r.webhookUrl } : {}),
        });
        const data = response.data;
        if (!data) throw new Error('Telnyx answered the dial without call data');
        return { callControlId: data.call_control_id, callLegId: data.call_leg_id, callSessionId: data.call_session_id };
      },
      async answer(id, clientState) {
        await actions.answer(id, { client_state: b64(clientState) });
      },
      async bridge(id, other, clientState) {
        await actions.bridge(id, { call_control_id_to_bridge_with: other, client_state: b64(clientState) });
      },
      async speak(id, text, clientState, options = {}) {
        await actions.speak(id, {
          payload: text,
          voice: 'female',
          language: 'en-US',
          client_state: b64(clientState),
          ...(options.targetLegs ? { target_legs: options.targetLegs } : {}),
        });
      },
      async playback(id, audioUrl, clientState) {
        await actions.startPlayback(id, { audio_url: audioUrl, client_state: b64(clientState) });
      },
      async recordStart(id) {
        await actions.startRecording(id, { channels: 'dual', format: 'wav' });
      },
      async recordStop(id) {
        await actions.stopRecording(id, {});
      },
      async transfer(id, to, from) {
        await actions.transfer(id, { to, from });
      },
      async hangup(id, clientState) {
        await actions.hangup(id, { client_state: b64(clientState) });
      },
    },
    credentials: {
      async create(connectionId, name) {
        const response = await client.telephonyCredentials.create({ connection_id: connectionId, name });
        const data = response.data;
        if (!data?.id || !data.sip_username) throw new Error('Telnyx answered the credential request without an id');
        return { id: data.id, sipUsername: data.sip_username };
      },
      async token(credentialId) {
        return String(await client.telephonyCredentials.createToken(credentialId));
      },
    },
    verify: (rawBody, headers) => client.webhooks.unwrap(rawBody, { headers }),
  };
}

const clients = new WeakMap<Config, TelnyxClient | null>();

/** One client per configuration (a Lambda's, a test stack's). */
export function telnyxFor(config: Config): TelnyxClient | null {
  if (!clients.has(config)) clients.set(config, createTelnyxClient(config));
  return clients.get(config)!;
}
