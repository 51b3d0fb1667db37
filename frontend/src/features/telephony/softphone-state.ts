// The softphone's state as plain data: the signalling connection (connecting, ready,
// reconnecting, error) and the one call on the line (ringing, active, held, ended), driven by
// events the hook translates from the Telnyx SDK and the browser. No SDK types here, so the
// rules (what a call update means, when to answer by itself, how long to wait before a
// reconnect) are tested without a browser.

export type ConnectionPhase = 'idle' | 'connecting' | 'ready' | 'reconnecting' | 'error';
export type CallPhase = 'ringing' | 'active' | 'held' | 'ended';
/** What the agent sees: the connection's phase until it is ready, then the call's (or ready). */
export type SoftphoneStatus = 'idle' | 'connecting' | 'ready' | 'ringing' | 'active' | 'held' | 'ended' | 'reconnecting' | 'error';

export const SOFTPHONE_STATUS_LABELS: Record<SoftphoneStatus, string> = {
  idle: 'Phone off',
  connecting: 'Connecting…',
  ready: 'Ready',
  ringing: 'Ringing',
  active: 'On the call',
  held: 'On hold',
  ended: 'Call ended',
  reconnecting: 'Reconnecting…',
  error: 'Phone unavailable',
};

export interface SoftphoneCall {
  /** The SDK's call id. */
  id: string;
  direction: 'inbound' | 'outbound';
  phase: CallPhase;
  remoteNumber: string | null;
  /** The Call Control id of the leg (matches the API's call when the dialer bridged it). */
  callControlId: string | null;
  /** Epoch ms. */
  ringingAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  /** Why it ended, as the SDK said (e.g. NORMAL_CLEARING). */
  cause: string | null;
  /** Digits sent on this call, for the keypad's display. */
  digits: string;
}

export interface SoftphoneState {
  connection: ConnectionPhase;
  /** Failed reconnects in a row; reset once the connection is ready. */
  attempts: number;
  online: boolean;
  error: string | null;
  call: SoftphoneCall | null;
  muted: boolean;
}

export const INITIAL_SOFTPHONE_STATE: SoftphoneState = { connection: 'idle', attempts: 0, online: true, error: null, call: null, muted: false };

/** A call update from the SDK, reduced to what the softphone needs. */
export interface CallUpdate {
  id: string;
  /** The SDK's state name: new, requesting, trying, recovering, ringing, answering, early, active, held, hangup, destroy, purge. */
  sdkState: string;
  direction: 'inbound' | 'outbound';
  remoteNumber: string | null;
  callControlId: string | null;
  cause?: string | null;
}

export type SoftphoneEvent =
  | { type: 'connect' }
  | { type: 'ready' }
  | { type: 'socket_closed' }
  | { type: 'network'; online: boolean }
  | { type: 'reconnect_started' }
  | { type: 'failed'; message: string }
  | { type: 'disconnect' }
  | { type: 'call_update'; update: CallUpdate; at: number }
  | { type: 'muted'; muted: boolean }
  | { type: 'dtmf'; digit: string }
  | { type: 'call_error'; message: string }
  | { type: 'clear_ended' };

/** The SDK's call state names mapped onto the line's phases; null: not a change the agent sees. */
export function callPhaseOf(sdkState: string): CallPhase | null {
  switch (sdkState) {
    case 'new':
    case 'requesting':
    case 'trying':
    case 'early':
    case 'ringing':
    case 'answering':
      return 'ringing';
    case 'active':
    case 'recovering':
      return 'active';
    case 'held':
      return 'held';
    case 'hangup':
    case 'destroy':
    case 'purge':
      return 'ended';
    default:
      return null;
  }
}

function applyCallUpdate(state: SoftphoneState, update: CallUpdate, at: number): SoftphoneState {
  const phase = callPhaseOf(update.sdkState);
  if (phase === null) return state;
  const current = state.call;
  // Another call while one is still live: the line shows the live one (a second leg should not
  // reach an agent; if it does, it is answered or refused by the hook, not shown over the first).
  if (current && current.id !== update.id && current.phase !== 'ended') return state;
  if (!current || current.id !== update.id) {
    if (phase === 'ended') return state;
    return {
      ...state,
      muted: false,
      call: {
        id: update.id,
        direction: update.direction,
        phase,
        remoteNumber: update.remoteNumber,
        callControlId: update.callControlId,
        ringingAt: at,
        answeredAt: phase === 'active' || phase === 'held' ? at : null,
        endedAt: null,
        cause: null,
        digits: '',
      },
    };
  }
  // An ended call stays ended: the SDK sends destroy and purge after hangup.
  if (current.phase === 'ended') return state;
  return {
    ...state,
    muted: phase === 'ended' ? false : state.muted,
    call: {
      ...current,
      phase,
      remoteNumber: update.remoteNumber ?? current.remoteNumber,
      callControlId: update.callControlId ?? current.callControlId,
      answeredAt: current.answeredAt ?? (phase === 'active' || phase === 'held' ? at : null),
      endedAt: phase === 'ended' ? at : null,
      cause: phase === 'ended' ? (update.cause ?? null) : null,
    },
  };
}

export function softphoneReducer(state: SoftphoneState, event: SoftphoneEvent): SoftphoneState {
  switch (event.type) {
    case 'connect':
      // A rebuild after a loss says it is still reconnecting, not starting afresh.
      return { ...state, connection: state.attempts > 0 ? 'reconnecting' : 'connecting', error: null };
    case 'ready':
      return { ...state, connection: 'ready', attempts: 0, error: null };
    case 'socket_closed':
      // A close we asked for (disconnect) leaves the phone off; any other is a loss to recover from.
      return state.connection === 'idle' ? state : { ...state, connection: 'reconnecting' };
    case 'network':
      if (!event.online) return { ...state, online: false, connection: state.connection === 'idle' ? 'idle' : 'reconnecting' };
      return { ...state, online: true };
    case 'reconnect_started':
      return { ...state, connection: 'reconnecting', attempts: state.attempts + 1 };
    case 'failed':
      // A failure while recovering (still offline, the API not reachable, the socket dropping
      // as the network goes) is retried with back-off; only a first login's failure is final.
      return { ...state, connection: state.attempts > 0 || state.connection === 'reconnecting' || !state.online ? 'reconnecting' : 'error', error: event.message };
    case 'disconnect':
      // The client is torn down; a rebuild after a loss keeps counting its attempts.
      return { ...INITIAL_SOFTPHONE_STATE, online: state.online, attempts: state.connection === 'reconnecting' ? state.attempts : 0 };
    case 'call_update':
      return applyCallUpdate(state, event.update, event.at);
    case 'muted':
      return state.call && state.call.phase !== 'ended' ? { ...state, muted: event.muted } : state;
    case 'dtmf':
      return state.call && (state.call.phase === 'active' || state.call.phase === 'held')
        ? { ...state, call: { ...state.call, digits: (state.call.digits + event.digit).slice(-24) } }
        : state;
    case 'call_error':
      // A call's own failure (the microphone refused, the answer failed) is not the connection's:
      // the line stays up and says why; a call that could not start ends through its own update.
      return { ...state, error: event.message };
    case 'clear_ended':
      return state.call?.phase === 'ended' ? { ...state, call: null, muted: false } : state;
  }
}

export function softphoneStatus(state: SoftphoneState): SoftphoneStatus {
  if (state.connection !== 'ready') {
    // A call keeps its phase through a short reconnect (the SDK recovers it); the strip says both.
    if (state.connection === 'reconnecting' && state.call && state.call.phase !== 'ended') return state.call.phase;
    return state.connection;
  }
  return state.call?.phase ?? 'ready';
}

/** Seconds talked: from the answer to the end (or now); 0 before the answer. */
export function callDurationSeconds(call: SoftphoneCall | null, now: number): number {
  if (!call || call.answeredAt === null) return 0;
  return Math.max(0, Math.floor(((call.endedAt ?? now) - call.answeredAt) / 1000));
}

/** "0:07", "12:34", "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Whether a ringing invite is answered without the agent's click. The dialer bridges a person
 * to the agent it reserved within 2 s of the answer (CONNECT_DEADLINE_MS), so the agent's leg is
 * answered the moment it rings whenever the console expects a call: the agent is available
 * (the dialer reserves), busy (a call is reserved for them), or has just asked for a manual dial.
 */
export function shouldAutoAnswer(update: Pick<CallUpdate, 'direction' | 'sdkState'>, expecting: boolean): boolean {
  return expecting && update.direction === 'inbound' && callPhaseOf(update.sdkState) === 'ringing';
}

const RECONNECT_BASE_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/** The wait before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … at most 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, attempt));
}

export const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
