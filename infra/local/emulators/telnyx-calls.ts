// The Telnyx stand-in's calls: what happens after a dial (ringing, then the destination's outcome),
// machine detection, bridges (by action or `link_to` + `bridge_on_answer`), speak (its text and
// target legs kept on the call) and playback, recordings, transfers and hang-ups, each step
// announced by a signed webhook of Telnyx's v2 shape and delivered in order per call. Agents' legs
// (`sip:<user>@…`) ring the agent's browser through the Verto endpoint; calls the browser places get
// the outcome of the number they dial.
//
// Outcomes: a rule for the exact number, else for its longest matching prefix, else the default,
// which unless configured goes by the number's last digit: 0–4 a person answers, 5–6 a machine
// answers, 7 nobody answers (ringing until timeout_secs), 8 busy, 9 the call fails (rejected).
import { randomBytes, randomUUID } from 'node:crypto';
import type { SigningKey } from './telnyx-signing-key';
import type { OutgoingVertoCall, VertoServer, VertoSession } from './telnyx-verto';
import { twoToneWav } from './wav';

export type Outcome = 'human' | 'machine' | 'no_answer' | 'busy' | 'failed';
export const OUTCOMES: readonly Outcome[] = ['human', 'machine', 'no_answer', 'busy', 'failed'];

export interface OutcomeRule {
  /** The exact destination (E.164 as dialled), or… */
  number?: string;
  /** …the start of destinations (the longest matching prefix wins). */
  prefix?: string;
  outcome: Outcome;
  /** How long it rings before the outcome (else the stand-in's ring delay). */
  ringMs?: number;
  /** When answered, the far end hangs up after this long (else it stays until the call is ended). */
  hangupAfterMs?: number;
  /** What machine detection reports when it differs from the outcome (a greeting that leaves it `not_sure`). */
  detection?: MachineDetection;
}

export type MachineDetection = 'human' | 'machine' | 'not_sure';
export const DETECTIONS: readonly MachineDetection[] = ['human', 'machine', 'not_sure'];

export interface StandinDelays {
  /** Ringing before the outcome: a fixed time or a [min, max] range (default 1–3 s). */
  ringMs: number | [number, number];
  /** From answer to the end of machine detection (default 1.5 s). */
  amdMs: number;
  /** How long a speak or playback lasts; null: from the length of the text (default), 2 s for audio. */
  mediaMs: number | null;
  /** When set, replaces timeout_secs for calls nobody answers (tests need not wait 30 s). */
  noAnswerMs: number | null;
  /** Before each webhook is sent (default 0). */
  webhookMs: number;
}

export const DEFAULT_DELAYS: StandinDelays = { ringMs: [1000, 3000], amdMs: 1500, mediaMs: null, noAnswerMs: null, webhookMs: 0 };

export type CallState = 'parked' | 'ringing' | 'answered' | 'bridged' | 'ended';

/** Who hears a speak: the leg it was issued on (Telnyx's default), the leg bridged to it, or both. */
export type TargetLegs = 'self' | 'opposite' | 'both';
export const TARGET_LEGS: readonly TargetLegs[] = ['self', 'opposite', 'both'];

export interface SpokenText {
  text: string;
  targetLegs: TargetLegs;
  at: string;
}

export interface CallView {
  callControlId: string;
  callLegId: string;
  callSessionId: string;
  connectionId: string;
  direction: 'incoming' | 'outgoing';
  from: string;
  to: string;
  state: CallState;
  /** The outcome played (null for agents' legs and inbound calls). */
  outcome: Outcome | null;
  /** The agent (SIP user) whose browser this leg reaches or came from. */
  sipUsername: string | null;
  /** base64, as Telnyx carries it. */
  clientState: string | null;
  webhookUrl: string | null;
  bridgedWith: string | null;
  held: boolean;
  recording: boolean;
  hangupCause: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** Event types emitted for this call, in order. */
  events: string[];
  /** What was spoken on this leg, in order, and to whom. */
  spoken: SpokenText[];
}

export interface WebhookEvent {
  data: {
    event_type: string;
    id: string;
    occurred_at: string;
    payload: Record<string, unknown>;
    record_type: 'event';
  };
  meta: { attempt: number; delivered_to: string | null };
}

export interface WebhookDelivery {
  event: WebhookEvent;
  url: string | null;
  /** HTTP status of the last attempt; null when unsent (no URL) or the network failed. */
  status: number | null;
  attempts: number;
  error: string | null;
  /** Delivery is over (sent, refused, given up, or there was nowhere to send it). */
  settled: boolean;
}

export interface Recording {
  wav: Buffer;
  expiresAt: number;
}

/** A Telnyx API error: the REST layer answers it as `{errors: [{code, title, detail}]}`. */
export class TelnyxApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly pointer?: string,
  ) {
    super(detail);
  }
}

export interface DialInput {
  to: string;
  from: string;
  connectionId: string;
  clientState: string | null;
  amd: string | null;
  timeoutSecs: number;
  record: { channels: 'single' | 'dual'; format: 'wav' | 'mp3' } | null;
  linkTo: string | null;
  bridgeOnAnswer: boolean;
  webhookUrl: string | null;
}

interface Call {
  view: CallView;
  amd: string | null;
  timeoutSecs: number;
  recordOnAnswer: DialInput['record'];
  recording: { id: string; startedAt: Date; channels: 'single' | 'dual'; format: 'wav' | 'mp3' } | null;
  linkTo: string | null;
  bridgeOnAnswer: boolean;
  rule: OutcomeRule | null;
  /** The Verto call id when a browser is on this leg. */
  vertoCallId: string | null;
  timers: Set<NodeJS.Timeout>;
  delivery: Promise<void>;
}

export interface CallEngineOptions {
  signingKey: SigningKey;
  webhookUrl: string | null;
  defaultOutcome: Outcome | null;
  delays: StandinDelays;
  /** Where a saved recording is served. */
  recordingUrl(recordingId: string): string;
}

const RECORDING_TTL_MS = 10 * 60 * 1000;
const MAX_DELIVERIES_KEPT = 5000;
const MAX_ENDED_CALLS_KEPT = 2000;

/** The default outcome of a destination: by its last digit (see the header). */
export function outcomeByLastDigit(number: string): Outcome {
  const digit = Number(/\d(?=\D*$)/.exec(number)?.[0] ?? 0);
  if (digit <= 4) return 'human';
  if (digit <= 6) return 'machine';
  return digit === 7 ? 'no_answer' : digit === 8 ? 'busy' : 'failed';
}

const newCallControlId = () => `v3:${randomBytes(24).toString('base64url')}`;

/** Verto's names for the hang-up causes, as the browser SDK reports them. */
const VERTO_CAUSES: Record<string, [string, number]> = {
  normal_clearing: ['NORMAL_CLEARING', 16],
  user_busy: ['USER_BUSY', 17],
  timeout: ['NO_ANSWER', 19],
  call_rejected: ['CALL_REJECTED', 21],
  originator_cancel: ['ORIGINATOR_CANCEL', 487],
  not_found: ['UNALLOCATED_NUMBER', 1],
};

export function createCallEngine(options: CallEngineOptions) {
  const calls = new Map<string, Call>();
  const rules: OutcomeRule[] = [];
  const deliveries: WebhookDelivery[] = [];
  const recordings = new Map<string, Recording>();
  const listeners = new Set<(delivery: WebhookDelivery) => void>();
  let verto: VertoServer | null = null;
  let stopped = false;
  let { webhookUrl, defaultOutcome } = options;
  const delays = { ...options.delays };

  // ---- outcomes and timing ----

  function ruleFor(number: string): OutcomeRule | null {
    const exact = rules.find((r) => r.number === number);
    if (exact) return exact;
    const prefixes = rules.filter((r) => r.prefix !== undefined && number.startsWith(r.prefix));
    return prefixes.sort((a, b) => b.prefix!.length - a.prefix!.length)[0] ?? null;
  }

  function ringDelay(rule: OutcomeRule | null): number {
    if (rule?.ringMs !== undefined) return rule.ringMs;
    const ring = delays.ringMs;
    return Array.isArray(ring) ? ring[0] + Math.random() * (ring[1] - ring[0]) : ring;
  }

  const noAnswerDelay = (call: Call) => delays.noAnswerMs ?? call.timeoutSecs * 1000;

  function later(call: Call, ms: number, step: () => void): void {
    if (stopped || call.view.state === 'ended') return;
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      if (!stopped && call.view.state !== 'ended') step();
    }, ms);
    timer.unref();
    call.timers.add(timer);
  }

  // ---- webhooks ----

  function payloadState(call: Call): string {
    const states: Record<CallState, string> = { parked: 'parked', ringing: 'bridging', answered: 'answered', bridged: 'bridged', ended: 'hangup' };
    return states[call.view.state];
  }

  async function deliver(delivery: WebhookDelivery): Promise<void> {
    if (delays.webhookMs > 0) await new Promise((resolve) => setTimeout(resolve, delays.webhookMs));
    const url = delivery.url;
    if (url) {
      // Telnyx retries a failed delivery; a 4xx is the receiver's answer and is not retried.
      for (let attempt = 1; attempt <= 3 && !stopped; attempt++) {
        delivery.event.meta.attempt = attempt;
        delivery.attempts = attempt;
        const body = JSON.stringify(delivery.event);
        const headers = options.signingKey.signWebhook(body, Math.floor(Date.now() / 1000));
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'user-agent': 'telnyx-webhooks (local stand-in)', ...headers },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          await response.arrayBuffer().catch(() => undefined);
          delivery.status = response.status;
          delivery.error = null;
          if (response.status < 500) break;
        } catch (error) {
          delivery.status = null;
          delivery.error = error instanceof Error ? error.message : String(error);
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    delivery.settled = true;
    for (const listener of listeners) listener(delivery);
  }

  function emit(call: Call, eventType: string, extra: Record<string, unknown> = {}): void {
    if (stopped) return;
    const v = call.view;
    const url = v.webhookUrl ?? webhookUrl;
    const event: WebhookEvent = {
      data: {
        event_type: eventType,
        id: randomUUID(),
        occurred_at: new Date().toISOString(),
        payload: {
          call_control_id: v.callControlId,
          call_leg_id: v.callLegId,
          call_session_id: v.callSessionId,
          client_state: v.clientState,
          connection_id: v.connectionId,
          from: v.from,
          to: v.to,
          direction: v.direction,
          state: payloadState(call),
          start_time: v.startedAt,
          ...extra,
        },
        record_type: 'event',
      },
      meta: { attempt: 1, delivered_to: url },
    };
    v.events.push(eventType);
    const delivery: WebhookDelivery = { event, url, status: null, attempts: 0, error: null, settled: false };
    deliveries.push(delivery);
    if (deliveries.length > MAX_DELIVERIES_KEPT) deliveries.splice(0, deliveries.length - MAX_DELIVERIES_KEPT);
    // One call's events go out one after the other, in the order they happened.
    call.delivery = call.delivery.then(() => deliver(delivery));
  }

  // ---- the life of a call ----

  function create(input: {
    to: string;
    from: string;
    connectionId: string;
    direction: 'incoming' | 'outgoing';
    clientState: string | null;
    webhookUrl: string | null;
    sessionId?: string;
    state: CallState;
  }): Call {
    const call: Call = {
      view: {
        callControlId: newCallControlId(),
        callLegId: randomUUID(),
        callSessionId: input.sessionId ?? randomUUID(),
        connectionId: input.connectionId,
        direction: input.direction,
        from: input.from,
        to: input.to,
        state: input.state,
        outcome: null,
        sipUsername: null,
        clientState: input.clientState,
        webhookUrl: input.webhookUrl,
        bridgedWith: null,
        held: false,
        recording: false,
        hangupCause: null,
        startedAt: new Date().toISOString(),
        answeredAt: null,
        endedAt: null,
        events: [],
        spoken: [],
      },
      amd: null,
      timeoutSecs: 30,
      recordOnAnswer: null,
      recording: null,
      linkTo: null,
      bridgeOnAnswer: false,
      rule: null,
      vertoCallId: null,
      timers: new Set(),
      delivery: Promise.resolve(),
    };
    calls.set(call.view.callControlId, call);
    forgetOldCalls();
    return call;
  }

  function forgetOldCalls(): void {
    const ended = [...calls.values()].filter((c) => c.view.state === 'ended');
    for (const call of ended.slice(0, Math.max(0, ended.length - MAX_ENDED_CALLS_KEPT))) calls.delete(call.view.callControlId);
  }

  function answer(call: Call): void {
    call.view.state = 'answered';
    call.view.answeredAt = new Date().toISOString();
    emit(call, 'call.answered');
    if (call.recordOnAnswer) startRecording(call, call.recordOnAnswer.channels, call.recordOnAnswer.format);
    if (call.amd && call.amd !== 'disabled' && call.view.outcome) {
      const result = call.rule?.detection ?? (call.view.outcome === 'machine' ? 'machine' : 'human');
      later(call, delays.amdMs, () => {
        emit(call, 'call.machine.detection.ended', { result });
        if (result === 'machine' && (call.amd === 'detect_beep' || call.amd === 'greeting_end')) {
          later(call, delays.amdMs, () => emit(call, 'call.machine.greeting.ended', { result: 'beep_detected' }));
        }
      });
    }
    if (call.linkTo && call.bridgeOnAnswer) {
      const other = calls.get(call.linkTo);
      if (!other || other.view.state === 'ended') hangup(call, 'normal_clearing', 'unknown');
      else bridge(call, other);
    }
    if (call.rule?.hangupAfterMs !== undefined) later(call, call.rule.hangupAfterMs, () => hangup(call, 'normal_clearing', 'callee'));
  }

  function bridge(a: Call, b: Call): void {
    for (const [call, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (call.view.bridgedWith && call.view.bridgedWith !== other.view.callControlId) {
        const previous = calls.get(call.view.bridgedWith);
        if (previous && previous.view.bridgedWith === call.view.callControlId) {
          previous.view.bridgedWith = null;
          if (previous.view.state === 'bridged') previous.view.state = 'answered';
        }
      }
      if (call.view.state === 'parked' || call.view.state === 'ringing') call.view.answeredAt = new Date().toISOString();
      call.view.state = 'bridged';
      call.view.bridgedWith = other.view.callControlId;
    }
    emit(a, 'call.bridged');
    emit(b, 'call.bridged');
  }

  function hangup(call: Call, cause: string, source: 'caller' | 'callee' | 'unknown', sipCause?: string, fromBrowser = false): void {
    if (call.view.state === 'ended') return;
    for (const timer of call.timers) clearTimeout(timer);
    call.timers.clear();
    call.view.state = 'ended';
    call.view.hangupCause = cause;
    call.view.endedAt = new Date().toISOString();
    emit(call, 'call.hangup', {
      hangup_cause: cause,
      hangup_source: source,
      sip_hangup_cause: sipCause ?? (cause === 'normal_clearing' ? 'unspecified' : cause),
      end_time: call.view.endedAt,
      call_quality_stats: null,
    });
    if (call.recording) saveRecording(call);
    if (call.vertoCallId && !fromBrowser) {
      const [vertoCause, code] = VERTO_CAUSES[cause] ?? ['NORMAL_CLEARING', 16];
      verto?.bye(call.vertoCallId, vertoCause, code);
    }
    const peer = call.view.bridgedWith ? calls.get(call.view.bridgedWith) : undefined;
    if (peer && peer.view.bridgedWith === call.view.callControlId) hangup(peer, 'normal_clearing', 'unknown');
    // A leg waiting to be bridged to this call has nothing left to join.
    for (const other of calls.values()) {
      if (other.linkTo === call.view.callControlId && other.bridgeOnAnswer && other.view.state === 'ringing') hangup(other, 'originator_cancel', 'caller', '487');
    }
  }

  function startRecording(call: Call, channels: 'single' | 'dual', format: 'wav' | 'mp3'): void {
    if (call.recording) return;
    call.recording = { id: randomUUID(), startedAt: new Date(), channels, format };
    call.view.recording = true;
  }

  function saveRecording(call: Call): void {
    const recording = call.recording;
    if (!recording) return;
    call.recording = null;
    call.view.recording = false;
    const endedAt = new Date();
    // A second or two of tones whatever the call's length: enough to copy, play and transcribe.
    const seconds = Math.min(2, Math.max(1, (endedAt.getTime() - recording.startedAt.getTime()) / 1000));
    const now = Date.now();
    for (const [id, kept] of recordings) if (kept.expiresAt < now) recordings.delete(id);
    recordings.set(recording.id, { wav: twoToneWav({ seconds, channels: recording.channels === 'dual' ? 2 : 1 }), expiresAt: now + RECORDING_TTL_MS });
    const url = options.recordingUrl(recording.id);
    emit(call, 'call.recording.saved', {
      recording_id: recording.id,
      channels: recording.channels,
      // The file is a WAV whichever format was asked for: the stand-in makes no MP3.
      recording_urls: { wav: url, mp3: null },
      public_recording_urls: {},
      recording_started_at: recording.startedAt.toISOString(),
      recording_ended_at: endedAt.toISOString(),
    });
  }

  function playOutcome(call: Call): void {
    const outcome = call.view.outcome!;
    const ring = ringDelay(call.rule);
    const timeout = noAnswerDelay(call);
    if (outcome === 'no_answer' || ((outcome === 'human' || outcome === 'machine') && ring >= timeout)) {
      later(call, timeout, () => hangup(call, 'timeout', 'callee', '487'));
      return;
    }
    later(call, ring, () => {
      if (outcome === 'busy') hangup(call, 'user_busy', 'callee', '486');
      else if (outcome === 'failed') hangup(call, 'call_rejected', 'callee', '603');
      else {
        if (call.vertoCallId) verto?.answer(call.vertoCallId, ids(call));
        answer(call);
      }
    });
  }

  const ids = (call: Call) => ({ callControlId: call.view.callControlId, callLegId: call.view.callLegId, callSessionId: call.view.callSessionId });

  function ringAgent(call: Call, sipUsername: string): void {
    call.view.sipUsername = sipUsername;
    const session = verto?.sessionFor(sipUsername);
    const vertoCallId = randomUUID();
    const offered =
      session &&
      verto!.invite(session.id, {
        callId: vertoCallId,
        callerName: call.view.from,
        callerNumber: call.view.from,
        calleeNumber: sipUsername,
        ...ids(call),
      });
    if (!offered) {
      // Nobody logged in as this user: the SIP registrar has no one to ring.
      later(call, 50, () => hangup(call, 'not_found', 'callee', '404'));
      return;
    }
    call.vertoCallId = vertoCallId;
    later(call, noAnswerDelay(call), () => hangup(call, 'timeout', 'callee', '487'));
  }

  function live(callControlId: string): Call {
    const call = calls.get(callControlId);
    if (!call) throw new TelnyxApiError(404, '10005', 'Resource not found', `Call ${callControlId} was not found.`);
    if (call.view.state === 'ended') {
      throw new TelnyxApiError(422, '90018', 'Call has already ended', "This call is no longer active and can't receive commands.");
    }
    return call;
  }

  const sipUserOf = (to: string) => /^sips?:([^@;]+)@/i.exec(to)?.[1] ?? null;

  function dial(input: DialInput): CallView {
    const linked = input.linkTo ? calls.get(input.linkTo) : undefined;
    if (input.linkTo && !linked) throw new TelnyxApiError(422, '10015', 'Invalid value', `link_to names no call: ${input.linkTo}.`, '/link_to');
    const call = create({
      to: input.to,
      from: input.from,
      connectionId: input.connectionId,
      direction: 'outgoing',
      clientState: input.clientState,
      webhookUrl: input.webhookUrl,
      state: 'ringing',
      ...(linked ? { sessionId: linked.view.callSessionId } : {}),
    });
    call.amd = input.amd;
    call.timeoutSecs = input.timeoutSecs;
    call.recordOnAnswer = input.record;
    call.linkTo = input.linkTo;
    call.bridgeOnAnswer = input.bridgeOnAnswer;
    // The answer to the dial goes out before the first webhook, as with Telnyx.
    setImmediate(() => {
      emit(call, 'call.initiated');
      const sipUser = sipUserOf(input.to);
      if (sipUser) return ringAgent(call, sipUser);
      call.rule = ruleFor(input.to);
      call.view.outcome = call.rule?.outcome ?? defaultOutcome ?? outcomeByLastDigit(input.to);
      playOutcome(call);
    });
    return call.view;
  }

  type Body = Record<string, unknown>;
  const text = (body: Body, field: string) => (typeof body[field] === 'string' ? (body[field] as string) : undefined);

  function action(callControlId: string, name: string, body: Body): void {
    const call = live(callControlId);
    const clientState = text(body, 'client_state');
    if (clientState !== undefined) call.view.clientState = clientState;
    switch (name) {
      case 'answer':
        if (call.view.direction !== 'incoming' || call.view.state !== 'parked') {
          throw new TelnyxApiError(422, '90034', 'Call can not be answered', 'Only a parked incoming call can be answered.');
        }
        answer(call);
        return;
      case 'bridge': {
        const otherId = text(body, 'call_control_id');
        if (!otherId) throw new TelnyxApiError(422, '10015', 'Invalid value', 'call_control_id is required.', '/call_control_id');
        if (otherId === callControlId) throw new TelnyxApiError(422, '10015', 'Invalid value', 'A call cannot be bridged with itself.', '/call_control_id');
        const other = live(otherId);
        for (const leg of [call, other]) {
          if (leg.view.direction === 'outgoing' && leg.view.state === 'ringing') {
            throw new TelnyxApiError(422, '90034', 'Call not answered yet', 'Both calls must be answered before they are bridged.');
          }
        }
        bridge(call, other);
        return;
      }
      case 'speak': {
        const payload = text(body, 'payload');
        if (!payload) throw new TelnyxApiError(422, '10015', 'Invalid value', 'payload is required.', '/payload');
        const targetLegs = body.target_legs ?? 'self';
        if (!TARGET_LEGS.includes(targetLegs as TargetLegs)) {
          throw new TelnyxApiError(422, '10015', 'Invalid value', `target_legs must be one of ${TARGET_LEGS.join(', ')}.`, '/target_legs');
        }
        call.view.spoken.push({ text: payload, targetLegs: targetLegs as TargetLegs, at: new Date().toISOString() });
        const words = payload.split(/\s+/).length;
        const ms = delays.mediaMs ?? Math.min(4000, Math.max(500, words * 250));
        emit(call, 'call.speak.started');
        later(call, ms, () => emit(call, 'call.speak.ended', { status: 'completed' }));
        return;
      }
      case 'playback_start': {
        const mediaUrl = text(body, 'audio_url') ?? text(body, 'media_name') ?? null;
        if (!mediaUrl) throw new TelnyxApiError(422, '10015', 'Invalid value', 'audio_url or media_name is required.', '/audio_url');
        emit(call, 'call.playback.started', { media_url: mediaUrl, overlay: false });
        later(call, delays.mediaMs ?? 2000, () => emit(call, 'call.playback.ended', { media_url: mediaUrl, overlay: false, status: 'completed' }));
        return;
      }
      case 'record_start': {
        const channels = text(body, 'channels') === 'single' ? 'single' : 'dual';
        startRecording(call, channels, text(body, 'format') === 'mp3' ? 'mp3' : 'wav');
        return;
      }
      case 'record_stop':
        saveRecording(call);
        return;
      case 'transfer': {
        const to = text(body, 'to');
        if (!to) throw new TelnyxApiError(422, '10015', 'Invalid value', 'to is required.', '/to');
        dial({
          to,
          from: text(body, 'from') ?? call.view.to,
          connectionId: call.view.connectionId,
          clientState: clientState ?? call.view.clientState,
          amd: text(body, 'answering_machine_detection') ?? null,
          timeoutSecs: typeof body.timeout_secs === 'number' ? body.timeout_secs : 30,
          record: null,
          linkTo: call.view.callControlId,
          bridgeOnAnswer: true,
          webhookUrl: text(body, 'webhook_url') ?? call.view.webhookUrl,
        });
        return;
      }
      case 'hangup':
        hangup(call, 'normal_clearing', 'caller');
        return;
      case 'send_dtmf':
        if (!text(body, 'digits')) throw new TelnyxApiError(422, '10015', 'Invalid value', 'digits is required.', '/digits');
        return;
      default:
        throw new TelnyxApiError(404, '10005', 'Resource not found', `The stand-in does not implement the ${name} action.`);
    }
  }

  const byVertoCall = (vertoCallId: string) => [...calls.values()].find((c) => c.vertoCallId === vertoCallId && c.view.state !== 'ended');

  return {
    dial,
    action,
    /** Connects the browsers' endpoint (made after the engine, since each calls the other). */
    attachVerto(server: VertoServer) {
      verto = server;
    },
    /** An incoming call to the application: parked until it is answered, bridged or hung up. */
    inbound(input: { from: string; to: string; connectionId: string; clientState?: string | null }): CallView {
      const call = create({ ...input, clientState: input.clientState ?? null, direction: 'incoming', webhookUrl: null, state: 'parked' });
      setImmediate(() => emit(call, 'call.initiated'));
      return call.view;
    },
    /** The browser answered a call offered to it. */
    browserAnswered(vertoCallId: string) {
      const call = byVertoCall(vertoCallId);
      if (!call || call.view.state !== 'ringing') return;
      for (const timer of call.timers) clearTimeout(timer);
      call.timers.clear();
      answer(call);
    },
    browserHungUp(vertoCallId: string) {
      const call = byVertoCall(vertoCallId);
      if (!call) return;
      // An agent declining a ringing call rejects it; otherwise the agent (the callee of the leg) hung up.
      if (call.view.state === 'ringing' && call.view.direction === 'outgoing' && call.view.sipUsername && call.view.outcome === null) {
        hangup(call, 'call_rejected', 'callee', '603', true);
      } else {
        hangup(call, 'normal_clearing', call.view.outcome === null ? 'callee' : 'caller', undefined, true);
      }
    },
    browserHeld(vertoCallId: string, held: boolean) {
      const call = byVertoCall(vertoCallId);
      if (call) call.view.held = held;
    },
    browserDtmf(vertoCallId: string, digits: string) {
      const call = byVertoCall(vertoCallId);
      if (call) for (const digit of digits) emit(call, 'call.dtmf.received', { digit });
    },
    browserPlaced(session: VertoSession, placed: OutgoingVertoCall, connectionId: string) {
      const call = create({
        to: placed.destination,
        from: placed.callerNumber ?? `sip:${session.sipUsername}@sip.telnyx.com`,
        connectionId,
        direction: 'outgoing',
        clientState: null,
        webhookUrl: null,
        state: 'ringing',
      });
      call.vertoCallId = placed.callId;
      call.view.sipUsername = session.sipUsername;
      call.rule = ruleFor(placed.destination);
      call.view.outcome = call.rule?.outcome ?? defaultOutcome ?? outcomeByLastDigit(placed.destination);
      setImmediate(() => {
        emit(call, 'call.initiated');
        verto?.ringing(placed.callId, ids(call));
        playOutcome(call);
      });
    },
    browserGone(vertoCallIds: string[]) {
      for (const id of vertoCallIds) {
        const call = byVertoCall(id);
        if (call) hangup(call, 'normal_clearing', 'unknown', undefined, true);
      }
    },
    setOutcome(rule: OutcomeRule) {
      const index = rules.findIndex((r) => r.number === rule.number && r.prefix === rule.prefix);
      if (index >= 0) rules.splice(index, 1);
      rules.push(rule);
    },
    clearOutcomes() {
      rules.length = 0;
    },
    outcomes: (): OutcomeRule[] => rules.map((r) => ({ ...r })),
    /** null: by the number's last digit. */
    setDefaultOutcome(outcome: Outcome | null) {
      defaultOutcome = outcome;
    },
    setDelays(next: Partial<StandinDelays>) {
      Object.assign(delays, next);
    },
    setWebhookUrl(url: string | null) {
      webhookUrl = url;
    },
    calls: (): CallView[] => [...calls.values()].map((c) => structuredClone(c.view)),
    call: (callControlId: string): CallView | undefined => {
      const call = calls.get(callControlId);
      return call && structuredClone(call.view);
    },
    deliveries: (): WebhookDelivery[] => [...deliveries],
    onDelivered(listener: (delivery: WebhookDelivery) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recording(recordingId: string): Buffer | null {
      const kept = recordings.get(recordingId);
      return kept && kept.expiresAt >= Date.now() ? kept.wav : null;
    },
    /** Waits for the webhooks already on their way. */
    async settle(): Promise<void> {
      await Promise.all([...calls.values()].map((c) => c.delivery));
    },
    stop() {
      stopped = true;
      for (const call of calls.values()) for (const timer of call.timers) clearTimeout(timer);
    },
  };
}

export type CallEngine = ReturnType<typeof createCallEngine>;
