import { describe, expect, it } from 'vitest';
import {
  INITIAL_SOFTPHONE_STATE,
  callDurationSeconds,
  callPhaseOf,
  formatClock,
  reconnectDelayMs,
  shouldAutoAnswer,
  softphoneReducer,
  softphoneStatus,
  type CallUpdate,
  type SoftphoneEvent,
  type SoftphoneState,
} from './softphone-state';

const T0 = Date.UTC(2026, 11, 7, 14, 0, 0);

function invite(overrides: Partial<CallUpdate> = {}): CallUpdate {
  return { id: 'call-1', sdkState: 'ringing', direction: 'inbound', remoteNumber: '+14155550100', callControlId: 'v3:leg-1', ...overrides };
}

const run = (events: SoftphoneEvent[], from: SoftphoneState = INITIAL_SOFTPHONE_STATE) => events.reduce(softphoneReducer, from);
const ready = () => run([{ type: 'connect' }, { type: 'ready' }]);
const update = (u: Partial<CallUpdate>, at = T0): SoftphoneEvent => ({ type: 'call_update', update: invite(u), at });

describe('the softphone line', () => {
  it('goes connecting → ready when the SDK logs in', () => {
    const connecting = softphoneReducer(INITIAL_SOFTPHONE_STATE, { type: 'connect' });
    expect(softphoneStatus(connecting)).toBe('connecting');
    expect(softphoneStatus(softphoneReducer(connecting, { type: 'ready' }))).toBe('ready');
  });

  it('follows a dialer call through ringing, active, held, active and ended', () => {
    const ringing = run([update({ sdkState: 'ringing' }, T0)], ready());
    expect(softphoneStatus(ringing)).toBe('ringing');
    expect(ringing.call?.answeredAt).toBeNull();

    const active = run([update({ sdkState: 'answering' }, T0 + 100), update({ sdkState: 'active' }, T0 + 300)], ringing);
    expect(softphoneStatus(active)).toBe('active');
    expect(active.call?.answeredAt).toBe(T0 + 300);

    const held = run([update({ sdkState: 'held' }, T0 + 5_000)], active);
    expect(softphoneStatus(held)).toBe('held');
    const resumed = run([update({ sdkState: 'active' }, T0 + 9_000)], held);
    expect(resumed.call?.answeredAt).toBe(T0 + 300);

    const ended = run([update({ sdkState: 'hangup', cause: 'NORMAL_CLEARING' }, T0 + 65_300)], resumed);
    expect(softphoneStatus(ended)).toBe('ended');
    expect(ended.call?.cause).toBe('NORMAL_CLEARING');
    expect(callDurationSeconds(ended.call, T0 + 999_999)).toBe(65);
  });

  it('keeps an ended call ended through the SDK’s destroy and purge', () => {
    const ended = run([update({ sdkState: 'active' }, T0), update({ sdkState: 'hangup' }, T0 + 10_000), update({ sdkState: 'destroy' }, T0 + 10_050)], ready());
    expect(ended.call?.phase).toBe('ended');
    expect(ended.call?.endedAt).toBe(T0 + 10_000);
  });

  it('does not let a second invite replace a live call, but does replace an ended one', () => {
    const live = run([update({ sdkState: 'active' })], ready());
    expect(run([update({ id: 'call-2', sdkState: 'ringing' })], live).call?.id).toBe('call-1');
    const ended = run([update({ sdkState: 'hangup' })], live);
    expect(run([update({ id: 'call-2', sdkState: 'ringing' })], ended).call?.id).toBe('call-2');
  });

  it('ignores the teardown of a call it never showed', () => {
    expect(run([update({ id: 'stray', sdkState: 'purge' })], ready()).call).toBeNull();
  });

  it('mutes only a live call and unmutes when it ends', () => {
    expect(run([{ type: 'muted', muted: true }], ready()).muted).toBe(false);
    const muted = run([update({ sdkState: 'active' }), { type: 'muted', muted: true }], ready());
    expect(muted.muted).toBe(true);
    expect(run([update({ sdkState: 'hangup' })], muted).muted).toBe(false);
  });

  it('records the digits sent on an answered call only', () => {
    expect(run([update({ sdkState: 'ringing' }), { type: 'dtmf', digit: '5' }], ready()).call?.digits).toBe('');
    expect(run([update({ sdkState: 'active' }), { type: 'dtmf', digit: '1' }, { type: 'dtmf', digit: '#' }], ready()).call?.digits).toBe('1#');
  });

  it('clears an ended call from the strip on request, never a live one', () => {
    const live = run([update({ sdkState: 'active' })], ready());
    expect(run([{ type: 'clear_ended' }], live).call).not.toBeNull();
    expect(run([update({ sdkState: 'hangup' }), { type: 'clear_ended' }], live).call).toBeNull();
  });
});

describe('network loss and reconnects', () => {
  it('reconnects after the socket closes, counting attempts until it is ready again', () => {
    const lost = run([{ type: 'socket_closed' }, { type: 'reconnect_started' }, { type: 'reconnect_started' }], ready());
    expect(softphoneStatus(lost)).toBe('reconnecting');
    expect(lost.attempts).toBe(2);
    const back = softphoneReducer(lost, { type: 'ready' });
    expect(softphoneStatus(back)).toBe('ready');
    expect(back.attempts).toBe(0);
  });

  it('keeps saying reconnecting, and keeps counting, while the client is rebuilt and a login attempt fails', () => {
    const lost = run([{ type: 'socket_closed' }, { type: 'reconnect_started' }], ready());
    const rebuilt = run([{ type: 'disconnect' }, { type: 'connect' }], lost);
    expect(softphoneStatus(rebuilt)).toBe('reconnecting');
    expect(rebuilt.attempts).toBe(1);
    const failed = softphoneReducer(rebuilt, { type: 'failed', message: 'The server could not be reached' });
    expect(softphoneStatus(failed)).toBe('reconnecting');
    expect(failed.error).toBe('The server could not be reached');
  });

  it('goes reconnecting when the browser goes offline, and remembers it is offline', () => {
    const offline = run([{ type: 'network', online: false }], ready());
    expect(offline.online).toBe(false);
    expect(softphoneStatus(offline)).toBe('reconnecting');
    expect(run([{ type: 'network', online: true }], offline).online).toBe(true);
  });

  it('shows a live call through a reconnect (the SDK recovers it)', () => {
    const state = run([update({ sdkState: 'active' }), { type: 'socket_closed' }], ready());
    expect(state.connection).toBe('reconnecting');
    expect(softphoneStatus(state)).toBe('active');
  });

  it('stays off after a disconnect it asked for', () => {
    const off = run([{ type: 'disconnect' }, { type: 'socket_closed' }], ready());
    expect(softphoneStatus(off)).toBe('idle');
  });

  it('keeps reconnecting when the SDK reports the loss as an error', () => {
    const state = run([{ type: 'network', online: false }, { type: 'failed', message: 'Socket closed' }], ready());
    expect(softphoneStatus(state)).toBe('reconnecting');
  });

  it('says why the phone failed', () => {
    const failed = run([{ type: 'connect' }, { type: 'failed', message: 'Login refused' }]);
    expect(softphoneStatus(failed)).toBe('error');
    expect(failed.error).toBe('Login refused');
  });

  it('backs off 1 s, 2 s, 4 s … up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(reconnectDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});

describe('auto-answer of the dialer’s agent leg', () => {
  it('answers a ringing inbound invite at once while the console expects a call', () => {
    expect(shouldAutoAnswer({ direction: 'inbound', sdkState: 'ringing' }, true)).toBe(true);
    expect(shouldAutoAnswer({ direction: 'inbound', sdkState: 'new' }, true)).toBe(true);
  });

  it('leaves invites alone while the agent is not taking calls, and never answers its own outbound call', () => {
    expect(shouldAutoAnswer({ direction: 'inbound', sdkState: 'ringing' }, false)).toBe(false);
    expect(shouldAutoAnswer({ direction: 'outbound', sdkState: 'ringing' }, true)).toBe(false);
    expect(shouldAutoAnswer({ direction: 'inbound', sdkState: 'active' }, true)).toBe(false);
  });
});

describe('a failed answer', () => {
  it('keeps the call ringing with the reason, so the agent can answer by hand', () => {
    const state = run([update({ sdkState: 'ringing' }), { type: 'call_error', message: 'Permission denied' }], ready());
    expect(softphoneStatus(state)).toBe('ringing');
    expect(state.error).toBe('Permission denied');
  });
});

describe('time on the call', () => {
  it('counts from the answer, not the ring', () => {
    const state = run([update({ sdkState: 'ringing' }, T0), update({ sdkState: 'active' }, T0 + 4_000)], ready());
    expect(callDurationSeconds(state.call, T0 + 3_000)).toBe(0);
    expect(callDurationSeconds(state.call, T0 + 16_500)).toBe(12);
  });

  it('reads as a clock', () => {
    expect([0, 7, 754, 3723].map(formatClock)).toEqual(['0:00', '0:07', '12:34', '1:02:03']);
  });

  it('maps every SDK state it knows and ignores others', () => {
    expect(['new', 'trying', 'early', 'active', 'held', 'hangup', 'purge', 'weird'].map(callPhaseOf)).toEqual([
      'ringing',
      'ringing',
      'ringing',
      'active',
      'held',
      'ended',
      'ended',
      null,
    ]);
  });
});
