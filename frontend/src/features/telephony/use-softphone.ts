// The agent's softphone: `@telnyx/webrtc` (loaded on first use, so only the console pays for
// its 70 KB) logged in with the agent's own token from the API, the dialer's calls answered
// the moment they ring, mute, hold, DTMF, microphone and speaker choice, and recovery from a
// lost network or socket. The remote party plays through the one <audio> element the console
// renders. The rules live in softphone-state.ts; this file only wires the SDK to them.
import { useCallback, useEffect, useReducer, useRef, useState, type RefObject } from 'react';
import type { Call as SdkCall, IClientOptions, INotification, ITelnyxErrorEvent, TelnyxRTC } from '@telnyx/webrtc';
import { describeError } from '@/lib/api';
import {
  INITIAL_SOFTPHONE_STATE,
  callDurationSeconds,
  reconnectDelayMs,
  shouldAutoAnswer,
  softphoneReducer,
  softphoneStatus,
  type CallUpdate,
  type SoftphoneState,
  type SoftphoneStatus,
} from './softphone-state';
import { fetchWebrtcToken } from './telephony-api';

export interface SoftphoneOptions {
  /** Log in (the console is open and the agent is not offline). */
  enabled: boolean;
  /** The console expects a call now: a ringing invite is answered at once. */
  expectingCall: boolean;
  /** The <audio> element the remote party plays through. */
  audioRef: RefObject<HTMLAudioElement | null>;
}

export interface AudioDevices {
  inputs: MediaDeviceInfo[];
  outputs: MediaDeviceInfo[];
  micId: string | null;
  speakerId: string | null;
}

export interface Softphone {
  status: SoftphoneStatus;
  state: SoftphoneState;
  /** Seconds since the answer (ticks once a second during a call). */
  duration: number;
  devices: AudioDevices;
  answer(): void;
  hangup(): void;
  toggleMute(): void;
  toggleHold(): void;
  sendDigit(digit: string): void;
  setMic(deviceId: string): void;
  setSpeaker(deviceId: string): void;
  /** Tear the connection down and log in again with a fresh token. */
  reconnect(): void;
  clearEnded(): void;
}

/** The SDK keeps extra fields on `options` that its types leave out. */
interface CallOptionsSeen {
  remoteCallerNumber?: string;
  destinationNumber?: string;
  telnyxCallControlId?: string;
}

function toUpdate(call: SdkCall): CallUpdate {
  const options = (call.options ?? {}) as CallOptionsSeen;
  return {
    id: call.id,
    sdkState: call.state,
    direction: call.direction === 'inbound' ? 'inbound' : 'outbound',
    remoteNumber: (call.direction === 'inbound' ? options.remoteCallerNumber : options.destinationNumber) ?? null,
    callControlId: options.telnyxCallControlId ?? null,
    cause: call.cause ?? null,
  };
}

/** How long a reconnect the SDK runs itself may take before we rebuild the client from a new token. */
const SDK_RECOVERY_GRACE_MS = 5_000;
const SPEAKER_KEY = 'pivotal.softphone.speaker';
const MIC_KEY = 'pivotal.softphone.mic';

const stored = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const store = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice holds for this visit only.
  }
};

export function useSoftphone({ enabled, expectingCall, audioRef }: SoftphoneOptions): Softphone {
  const [state, dispatch] = useReducer(softphoneReducer, INITIAL_SOFTPHONE_STATE);
  const clientRef = useRef<TelnyxRTC | null>(null);
  const callRef = useRef<SdkCall | null>(null);
  // Calls already answered by the rule: the SDK reports the ringing state more than once.
  const answeredRef = useRef(new Set<string>());
  const expectingRef = useRef(expectingCall);
  expectingRef.current = expectingCall;
  // Bumped to rebuild the client (a manual reconnect, or the SDK failed to recover on its own).
  const [generation, setGeneration] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [devices, setDevices] = useState<AudioDevices>({ inputs: [], outputs: [], micId: stored(MIC_KEY), speakerId: stored(SPEAKER_KEY) });
  const devicesRef = useRef(devices);
  devicesRef.current = devices;

  // ── the client's life: log in, listen, log out ─────────────────────────────────────────────
  useEffect(() => {
    if (!enabled) return;
    let disposed = false;
    let client: TelnyxRTC | null = null;
    dispatch({ type: 'connect' });

    const onNotification = (notification: INotification) => {
      const call = notification.call;
      if (notification.type !== 'callUpdate' || !call) return;
      const update = toUpdate(call);
      // Answered here, in the SDK's own callback, not after a render: the dialer has 2 s.
      if (shouldAutoAnswer(update, expectingRef.current) && !answeredRef.current.has(call.id)) {
        answeredRef.current.add(call.id);
        callRef.current = call;
        void call.answer().catch((error: unknown) => dispatch({ type: 'call_error', message: describeError(error) }));
      }
      // The line's call is this one unless another is still live on it.
      const held = callRef.current;
      if (!held || held.id === call.id || ['hangup', 'destroy', 'purge'].includes(held.state)) {
        if (!['hangup', 'destroy', 'purge'].includes(update.sdkState)) callRef.current = call;
      }
      if (callRef.current?.id === call.id && (update.sdkState === 'destroy' || update.sdkState === 'purge')) callRef.current = null;
      dispatch({ type: 'call_update', update, at: Date.now() });
    };

    void (async () => {
      try {
        const [{ TelnyxRTC: Client }, token] = await Promise.all([import('@telnyx/webrtc'), fetchWebrtcToken()]);
        if (disposed) return;
        // `host` is not in the SDK's types: it points the client at the local stand-in's socket.
        const options = { login_token: token.token, ...(token.host ? { host: token.host } : {}) } as IClientOptions;
        client = new Client(options);
        clientRef.current = client;
        if (audioRef.current) client.remoteElement = audioRef.current;
        const { micId, speakerId } = devicesRef.current;
        if (speakerId) client.speaker = speakerId;
        if (micId) void client.setAudioSettings({ micId }).catch(() => undefined);
        client.on('telnyx.ready', () => !disposed && dispatch({ type: 'ready' }));
        client.on('telnyx.error', (event: ITelnyxErrorEvent) => {
          if (disposed) return;
          const message = describeError(event.error ?? event);
          dispatch(event.callId ? { type: 'call_error', message } : { type: 'failed', message });
        });
        client.on('telnyx.socket.close', () => !disposed && dispatch({ type: 'socket_closed' }));
        client.on('telnyx.notification', onNotification);
        await client.connect();
      } catch (error) {
        if (!disposed) dispatch({ type: 'failed', message: describeError(error) });
      }
    })();

    return () => {
      disposed = true;
      dispatch({ type: 'disconnect' });
      callRef.current = null;
      clientRef.current = null;
      if (client) {
        client.off('telnyx.notification', onNotification);
        void client.disconnect().catch(() => undefined);
      }
    };
    // audioRef is a ref: its element is read when the client is made.
  }, [enabled, generation]);

  // ── network loss: the browser's online/offline events ───────────────────────────────────────
  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => {
    const onOnline = () => {
      dispatch({ type: 'network', online: true });
      // Back online with no call to recover: log in again now rather than after the grace.
      const current = stateRef.current;
      if (current.connection === 'reconnecting' && !(current.call && current.call.phase !== 'ended')) {
        dispatch({ type: 'reconnect_started' });
        setGeneration((g) => g + 1);
      }
    };
    const onOffline = () => dispatch({ type: 'network', online: false });
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, []);

  // While reconnecting (and online), give the SDK its grace to recover, then rebuild with a
  // fresh token, backing off between attempts. A live call is left to the SDK's own recovery.
  const liveCall = state.call !== null && state.call.phase !== 'ended';
  useEffect(() => {
    if (!enabled || state.connection !== 'reconnecting' || !state.online || liveCall) return;
    const wait = state.attempts === 0 ? SDK_RECOVERY_GRACE_MS : reconnectDelayMs(state.attempts);
    const timer = window.setTimeout(() => {
      dispatch({ type: 'reconnect_started' });
      setGeneration((g) => g + 1);
    }, wait);
    return () => window.clearTimeout(timer);
  }, [enabled, state.connection, state.online, state.attempts, liveCall]);

  // ── the clock for the call's duration ───────────────────────────────────────────────────────
  const ticking = state.call !== null && state.call.phase !== 'ended' && state.call.answeredAt !== null;
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, [ticking]);

  // ── devices: the list, refreshed when one is plugged in or out ─────────────────────────────
  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!enabled || !media?.enumerateDevices) return;
    let cancelled = false;
    const refresh = () =>
      void media
        .enumerateDevices()
        .then((all) => {
          if (cancelled) return;
          setDevices((current) => ({ ...current, inputs: all.filter((d) => d.kind === 'audioinput'), outputs: all.filter((d) => d.kind === 'audiooutput') }));
        })
        .catch(() => undefined);
    refresh();
    media.addEventListener('devicechange', refresh);
    return () => {
      cancelled = true;
      media.removeEventListener('devicechange', refresh);
    };
    // Labels appear once the microphone is allowed (on the first call): list again when ready.
  }, [enabled, state.connection === 'ready', state.call?.phase === 'active']);

  // ── actions ─────────────────────────────────────────────────────────────────────────────────
  const withCall = (action: (call: SdkCall) => unknown) => {
    const call = callRef.current;
    if (call) void Promise.resolve(action(call)).catch(() => undefined);
  };

  const answer = useCallback(() => withCall((call) => call.answer()), []);
  const hangup = useCallback(() => withCall((call) => call.hangup()), []);
  const toggleHold = useCallback(() => withCall((call) => call.toggleHold()), []);
  const toggleMute = useCallback(() => {
    const call = callRef.current;
    if (!call) return;
    call.toggleAudioMute();
    dispatch({ type: 'muted', muted: call.isAudioMuted });
  }, []);
  const sendDigit = useCallback((digit: string) => {
    const call = callRef.current;
    if (!call) return;
    call.dtmf(digit);
    dispatch({ type: 'dtmf', digit });
  }, []);
  const setMic = useCallback((deviceId: string) => {
    store(MIC_KEY, deviceId);
    setDevices((d) => ({ ...d, micId: deviceId }));
    void clientRef.current?.setAudioSettings({ micId: deviceId }).catch(() => undefined);
    withCall((call) => call.setAudioInDevice(deviceId));
  }, []);
  const setSpeaker = useCallback(
    (deviceId: string) => {
      store(SPEAKER_KEY, deviceId);
      setDevices((d) => ({ ...d, speakerId: deviceId }));
      if (clientRef.current) clientRef.current.speaker = deviceId;
      // The element plays the call already in progress: move it to the new output too.
      const audio = audioRef.current as (HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }) | null;
      void audio?.setSinkId?.(deviceId).catch(() => undefined);
    },
    [audioRef],
  );
  const reconnect = useCallback(() => setGeneration((g) => g + 1), []);
  const clearEnded = useCallback(() => dispatch({ type: 'clear_ended' }), []);

  return {
    status: softphoneStatus(state),
    state,
    duration: callDurationSeconds(state.call, state.call?.endedAt ?? now),
    devices,
    answer,
    hangup,
    toggleMute,
    toggleHold,
    sendDigit,
    setMic,
    setSpeaker,
    reconnect,
    clearEnded,
  };
}
