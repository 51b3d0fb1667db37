// The client_state every leg carries back: ours is read strictly (a call id that is a uuid, a leg,
// machine detection, and only our one purpose); anything else on a shared connection is not ours.
import { describe, expect, it } from 'vitest';
import { decodeClientState, encodeClientState } from './call-keys';

const CALL_ID = '0192f0c4-8b1e-7c3a-9d2e-4f5a6b7c8d9e';
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');

describe('client_state', () => {
  it('reads back what we encode, the consent announcement purpose included', () => {
    const state = { callId: CALL_ID, leg: 'contact' as const, purpose: 'consent' as const };
    expect(decodeClientState(b64(encodeClientState(state)))).toEqual(state);
    expect(decodeClientState(b64({ callId: CALL_ID, leg: 'agent', amd: false }))).toEqual({ callId: CALL_ID, leg: 'agent', amd: false });
  });

  it('drops a purpose that is not ours and an amd that is not a boolean', () => {
    expect(decodeClientState(b64({ callId: CALL_ID, leg: 'contact', purpose: 'CONSENT', amd: 'yes' }))).toEqual({ callId: CALL_ID, leg: 'contact' });
    expect(decodeClientState(b64({ callId: CALL_ID, purpose: ['consent'] }))).toEqual({ callId: CALL_ID, leg: 'contact' });
  });

  it('is null for another application’s state', () => {
    expect(decodeClientState(b64({ callId: 'not-a-uuid', purpose: 'consent' }))).toBeNull();
    expect(decodeClientState(b64('queue item 7'))).toBeNull();
    expect(decodeClientState(null)).toBeNull();
  });
});
