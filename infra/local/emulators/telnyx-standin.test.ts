// The Telnyx stand-in as the application meets it: the real `telnyx` SDK through our adapter for
// dials, actions and agents' credentials; webhooks signed so the adapter's verification accepts
// them; each outcome's sequence of events; recordings that are dual-channel WAVs; and a browser
// (a raw WebSocket speaking the Verto messages @telnyx/webrtc sends) that logs in, is offered the
// agent's leg of a dialler call, answers it and is bridged to the person called.
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelnyxClient, type DialRequest, type TelnyxClient } from '../../../functions/src/adapters/telnyx';
import { parseConfig } from '../../../functions/src/config/config';
import { startLocalStack, type LocalStack } from '../stack';
import { outcomeByLastDigit, startTelnyxStandin, type Outcome, type TelnyxStandin, type WebhookDelivery } from './telnyx-standin';
import { readWavFormat } from './wav';
import { VertoClient } from './verto-test-client';

interface Received {
  raw: string;
  headers: Record<string, string>;
  event: { data: { event_type: string; payload: Record<string, unknown> } };
}

const API_KEY = 'KEY_local_standin_test';
const CONNECTION = '2203401234567890123';

/** A receiver standing in for the application's webhook route: keeps each raw body and its headers. */
async function startReceiver(): Promise<{ url: string; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ raw, headers: req.headers as Record<string, string>, event: JSON.parse(raw) as Received['event'] });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/telephony/webhooks/telnyx`,
    received,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('the local Telnyx stand-in', () => {
  let dataDir: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let standin: TelnyxStandin;
  let telnyx: TelnyxClient;

  const dialRequest = (to: string, extra: Partial<DialRequest> = {}): DialRequest => ({
    to,
    from: '+12125550100',
    connectionId: CONNECTION,
    clientState: JSON.stringify({ queueItem: 'qi-1' }),
    amd: true,
    timeoutSecs: 30,
    record: false,
    ...extra,
  });

  const of = (callControlId: string) => (d: WebhookDelivery) => d.event.data.payload.call_control_id === callControlId;
  const event = (callControlId: string, type: string) => standin.waitForWebhook((d) => of(callControlId)(d) && d.event.data.event_type === type);
  const eventsOf = (callControlId: string) => standin.webhooks().filter(of(callControlId)).map((d) => d.event.data.event_type);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'telnyx-standin-'));
    receiver = await startReceiver();
    standin = await startTelnyxStandin({
      apiKey: API_KEY,
      dataDir,
      webhookUrl: receiver.url,
      delays: { ringMs: 40, amdMs: 30, mediaMs: 30, noAnswerMs: 120 },
    });
    const config = parseConfig({ TELNYX_API_KEY: API_KEY, TELNYX_BASE_URL: standin.apiBaseUrl, TELNYX_PUBLIC_KEY: standin.publicKey });
    telnyx = createTelnyxClient(config)!;
  });
  afterAll(async () => {
    await standin?.stop();
    await receiver?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => standin.clearOutcomes());

  describe('Call Control through the SDK', () => {
    it('dials through our adapter and answers ids the SDK hands back', async () => {
      standin.setOutcome({ number: '+12125550001', outcome: 'human' });
      const dialled = await telnyx.calls.dial(dialRequest('+12125550001'));

      expect(dialled.callControlId).toMatch(/^v3:/);
      expect(dialled.callLegId).toMatch(/^[0-9a-f-]{36}$/);
      const call = standin.call(dialled.callControlId)!;
      expect(call).toMatchObject({ to: '+12125550001', from: '+12125550100', connectionId: CONNECTION, direction: 'outgoing' });
      expect(Buffer.from(call.clientState!, 'base64').toString('utf8')).toBe('{"queueItem":"qi-1"}');
      await telnyx.calls.hangup(dialled.callControlId);
    });

    it('refuses a wrong API key as Telnyx does (401)', async () => {
      const stranger = createTelnyxClient(parseConfig({ TELNYX_API_KEY: 'KEY_wrong', TELNYX_BASE_URL: standin.apiBaseUrl }))!;
      await expect(stranger.calls.dial(dialRequest('+12125550001'))).rejects.toMatchObject({ status: 401 });
    });

    it('refuses commands to a call that has ended (422)', async () => {
      standin.setOutcome({ number: '+12125550018', outcome: 'busy', ringMs: 0 });
      const { callControlId } = await telnyx.calls.dial(dialRequest('+12125550018'));
      await event(callControlId, 'call.hangup');
      await expect(telnyx.calls.speak(callControlId, 'Hello')).rejects.toMatchObject({ status: 422 });
    });

    it('mints a telephony credential and a login token for an agent', async () => {
      const credential = await telnyx.credentials.create(CONNECTION, 'agent-dana');
      const token = await telnyx.credentials.token(credential.id);

      expect(credential.sipUsername).toMatch(/^gencred/);
      expect(token.split('.')).toHaveLength(3);
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string; exp: number };
      expect(claims.sub).toBe(credential.id);
      expect(claims.exp - Date.now() / 1000).toBeGreaterThan(23 * 3600);
    });
  });

  describe('webhooks', () => {
    it('are signed so that our adapter verifies them, and a flipped byte fails verification', async () => {
      standin.setOutcome({ number: '+12125550002', outcome: 'human' });
      const { callControlId } = await telnyx.calls.dial(dialRequest('+12125550002'));
      await event(callControlId, 'call.answered');
      const answered = receiver.received.find((r) => r.event.data.event_type === 'call.answered' && r.event.data.payload.call_control_id === callControlId)!;

      const verified = (await telnyx.verify(answered.raw, answered.headers)) as Received['event'];
      expect(verified.data).toMatchObject({ event_type: 'call.answered', record_type: 'event', payload: { call_control_id: callControlId, state: 'answered' } });
      expect(Number(answered.headers['telnyx-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);

      const flipped = answered.raw.replace('"call.answered"', '"call.answerec"');
      await expect(telnyx.verify(flipped, answered.headers)).rejects.toThrow(/signature/i);
      const signature = Buffer.from(answered.headers['telnyx-signature-ed25519']!, 'base64');
      signature[0]! ^= 1;
      await expect(telnyx.verify(answered.raw, { ...answered.headers, 'telnyx-signature-ed25519': signature.toString('base64') })).rejects.toThrow(/signature/i);
      await telnyx.calls.hangup(callControlId);
    });

    it('can be signed by hand, so tests can make stale ones the verification refuses', async () => {
      const body = JSON.stringify({ data: { event_type: 'call.hangup', id: 'e-1', payload: {} } });
      await expect(telnyx.verify(body, standin.signWebhook(body))).resolves.toMatchObject({ data: { id: 'e-1' } });
      const stale = standin.signWebhook(body, Math.floor(Date.now() / 1000) - 301);
      await expect(telnyx.verify(body, stale)).rejects.toThrow(/too old/);
    });

    it('carry Telnyx’s v2 envelope: event id, time, payload with the call’s ids and client state', async () => {
      standin.setOutcome({ number: '+12125550003', outcome: 'human' });
      const { callControlId, callLegId, callSessionId } = await telnyx.calls.dial(dialRequest('+12125550003'));
      const initiated = await event(callControlId, 'call.initiated');

      expect(initiated.status).toBe(200);
      expect(initiated.event).toMatchObject({
        data: {
          event_type: 'call.initiated',
          record_type: 'event',
          payload: { call_leg_id: callLegId, call_session_id: callSessionId, connection_id: CONNECTION, direction: 'outgoing', from: '+12125550100', to: '+12125550003' },
        },
        meta: { attempt: 1, delivered_to: receiver.url },
      });
      expect(initiated.event.data.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(initiated.event.data.occurred_at)).not.toBeNaN();
      expect(initiated.event.data.payload.client_state).toBe(Buffer.from('{"queueItem":"qi-1"}').toString('base64'));
      await telnyx.calls.hangup(callControlId);
    });
  });

  describe('outcomes', () => {
    const cases: { outcome: Outcome; number: string; events: string[]; cause: string }[] = [
      { outcome: 'human', number: '+13125550100', events: ['call.initiated', 'call.answered', 'call.machine.detection.ended', 'call.hangup'], cause: 'normal_clearing' },
      { outcome: 'machine', number: '+13125550101', events: ['call.initiated', 'call.answered', 'call.machine.detection.ended', 'call.hangup'], cause: 'normal_clearing' },
      { outcome: 'no_answer', number: '+13125550102', events: ['call.initiated', 'call.hangup'], cause: 'timeout' },
      { outcome: 'busy', number: '+13125550103', events: ['call.initiated', 'call.hangup'], cause: 'user_busy' },
      { outcome: 'failed', number: '+13125550104', events: ['call.initiated', 'call.hangup'], cause: 'call_rejected' },
    ];

    it.each(cases)('$outcome: $events → hangup $cause', async ({ outcome, number, events, cause }) => {
      standin.setOutcome({ number, outcome, hangupAfterMs: 150 });
      const { callControlId } = await telnyx.calls.dial(dialRequest(number));
      const hangup = await event(callControlId, 'call.hangup');

      expect(eventsOf(callControlId)).toEqual(events);
      expect(hangup.event.data.payload).toMatchObject({ hangup_cause: cause, state: 'hangup' });
      if (outcome === 'human' || outcome === 'machine') {
        const amd = standin.webhooks().find((d) => of(callControlId)(d) && d.event.data.event_type === 'call.machine.detection.ended')!;
        expect(amd.event.data.payload.result).toBe(outcome);
      }
    });

    it('without machine detection no detection event comes', async () => {
      standin.setOutcome({ number: '+13125550105', outcome: 'human' });
      const { callControlId } = await telnyx.calls.dial(dialRequest('+13125550105', { amd: false }));
      await event(callControlId, 'call.answered');
      await telnyx.calls.hangup(callControlId);
      const hangup = await event(callControlId, 'call.hangup');

      expect(eventsOf(callControlId)).toEqual(['call.initiated', 'call.answered', 'call.hangup']);
      expect(hangup.event.data.payload).toMatchObject({ hangup_cause: 'normal_clearing', hangup_source: 'caller' });
    });

    it('a prefix rule covers a range of numbers; otherwise the last digit decides', async () => {
      standin.setOutcome({ prefix: '+1415', outcome: 'busy', ringMs: 0 });
      const { callControlId } = await telnyx.calls.dial(dialRequest('+14155550100'));
      expect((await event(callControlId, 'call.hangup')).event.data.payload.hangup_cause).toBe('user_busy');

      expect(['+15550000', '+15550004', '+15550005', '+15550006', '+15550007', '+15550008', '+15550009'].map(outcomeByLastDigit)).toEqual([
        'human',
        'human',
        'machine',
        'machine',
        'no_answer',
        'busy',
        'failed',
      ]);
    });

    it('speaks and plays audio with started and ended events', async () => {
      standin.setOutcome({ number: '+13125550106', outcome: 'human' });
      const { callControlId } = await telnyx.calls.dial(dialRequest('+13125550106', { amd: false }));
      await event(callControlId, 'call.answered');
      await telnyx.calls.speak(callControlId, 'This is Acme Growth calling; our number is 212 555 0100.');
      await event(callControlId, 'call.speak.ended');
      await telnyx.calls.playback(callControlId, 'https://cdn.example.com/safe-harbour.wav');
      const ended = await event(callControlId, 'call.playback.ended');
      await telnyx.calls.hangup(callControlId);

      expect(ended.event.data.payload).toMatchObject({ media_url: 'https://cdn.example.com/safe-harbour.wav', status: 'completed' });
      expect(eventsOf(callControlId).slice(0, 6)).toEqual([
        'call.initiated',
        'call.answered',
        'call.speak.started',
        'call.speak.ended',
        'call.playback.started',
        'call.playback.ended',
      ]);
    });

    it('keeps what each speak said and to which legs, and refuses target_legs Telnyx does not know (422)', async () => {
      standin.setOutcome({ number: '+13125550113', outcome: 'human' });
      const { callControlId } = await telnyx.calls.dial(dialRequest('+13125550113', { amd: false }));
      await event(callControlId, 'call.answered');
      await telnyx.calls.speak(callControlId, 'This call may be recorded.', undefined, { targetLegs: 'both' });
      await telnyx.calls.speak(callControlId, 'Please hold.');
      const refused = await fetch(`${standin.apiBaseUrl}/calls/${encodeURIComponent(callControlId)}/actions/speak`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ payload: 'Hello', voice: 'female', language: 'en-US', target_legs: 'everyone' }),
      });
      await telnyx.calls.hangup(callControlId);

      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ errors: [{ code: '10015', source: { pointer: '/target_legs' } }] });
      expect(standin.call(callControlId)!.spoken.map(({ text, targetLegs }) => ({ text, targetLegs }))).toEqual([
        { text: 'This call may be recorded.', targetLegs: 'both' },
        { text: 'Please hold.', targetLegs: 'self' },
      ]);
    });

    it('bridges two answered calls, and ending one ends the other', async () => {
      standin.setOutcome({ prefix: '+1646555', outcome: 'human' });
      const a = await telnyx.calls.dial(dialRequest('+16465550101', { amd: false }));
      const b = await telnyx.calls.dial(dialRequest('+16465550102', { amd: false }));
      await Promise.all([event(a.callControlId, 'call.answered'), event(b.callControlId, 'call.answered')]);
      await telnyx.calls.bridge(a.callControlId, b.callControlId);
      await Promise.all([event(a.callControlId, 'call.bridged'), event(b.callControlId, 'call.bridged')]);

      await telnyx.calls.hangup(a.callControlId);
      const [hangupA, hangupB] = await Promise.all([event(a.callControlId, 'call.hangup'), event(b.callControlId, 'call.hangup')]);
      expect(hangupA.event.data.payload.hangup_source).toBe('caller');
      expect(hangupB.event.data.payload.hangup_cause).toBe('normal_clearing');
      expect(standin.call(b.callControlId)!.state).toBe('ended');
    });
  });

  describe('the control API and the rest of Call Control', () => {
    const control = async (method: string, route: string, body?: unknown) => {
      const response = await fetch(`${standin.url}/__standin/${route}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as { data: unknown } };
    };

    it('takes outcomes over HTTP, including what machine detection reports, and lists the calls', async () => {
      expect((await control('POST', 'outcomes', { number: '+13125550111', outcome: 'human', detection: 'not_sure' })).status).toBe(200);
      expect((await control('POST', 'outcomes', { number: '+13125550111', outcome: 'maybe' })).status).toBe(422);
      const { callControlId } = await telnyx.calls.dial(dialRequest('+13125550111'));
      const amd = await event(callControlId, 'call.machine.detection.ended');

      expect(amd.event.data.payload.result).toBe('not_sure');
      const calls = (await control('GET', 'calls')).body.data as { callControlId: string; outcome: string; events: string[] }[];
      expect(calls.find((c) => c.callControlId === callControlId)).toMatchObject({ outcome: 'human', events: expect.arrayContaining(['call.answered']) });
      await telnyx.calls.hangup(callControlId);
    });

    it('parks an inbound call until the application answers it', async () => {
      const created = await control('POST', 'inbound', { from: '+17185550142', to: '+12125550100', connection_id: CONNECTION });
      const { callControlId } = created.body.data as { callControlId: string };
      const initiated = await event(callControlId, 'call.initiated');
      expect(initiated.event.data.payload).toMatchObject({ direction: 'incoming', state: 'parked', from: '+17185550142' });

      await telnyx.calls.answer(callControlId, 'inbound-1');
      const answered = await event(callControlId, 'call.answered');
      expect(answered.event.data.payload.client_state).toBe(Buffer.from('inbound-1').toString('base64'));
      await telnyx.calls.hangup(callControlId);
    });

    it('transfers an answered call to a new leg bridged on answer', async () => {
      standin.setOutcome({ prefix: '+1773555', outcome: 'human' });
      const { callControlId } = await telnyx.calls.dial(dialRequest('+17735550101', { amd: false }));
      await event(callControlId, 'call.answered');
      await telnyx.calls.transfer(callControlId, '+17735550102', '+12125550100');
      await event(callControlId, 'call.bridged');

      const leg = standin.calls().find((c) => c.to === '+17735550102')!;
      expect(leg).toMatchObject({ state: 'bridged', bridgedWith: callControlId, from: '+12125550100' });
      expect(eventsOf(leg.callControlId)).toEqual(['call.initiated', 'call.answered', 'call.bridged']);
      await telnyx.calls.hangup(leg.callControlId);
      await event(callControlId, 'call.hangup');
    });
  });

  describe('recordings', () => {
    it('a recorded call yields call.recording.saved with a dual-channel 8 kHz WAV to fetch', async () => {
      standin.setOutcome({ number: '+13125550107', outcome: 'human' });
      const { callControlId } = await telnyx.calls.dial(dialRequest('+13125550107', { record: true, amd: false }));
      await event(callControlId, 'call.answered');
      await telnyx.calls.hangup(callControlId);
      const saved = await event(callControlId, 'call.recording.saved');

      expect(eventsOf(callControlId)).toEqual(['call.initiated', 'call.answered', 'call.hangup', 'call.recording.saved']);
      const payload = saved.event.data.payload as { channels: string; recording_urls: { wav: string } };
      expect(payload.channels).toBe('dual');
      const response = await fetch(payload.recording_urls.wav);
      expect(response.headers.get('content-type')).toBe('audio/wav');
      const wav = Buffer.from(await response.arrayBuffer());
      expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
      expect(readWavFormat(wav)).toMatchObject({ channels: 2, sampleRate: 8000, bitsPerSample: 16 });
      expect(readWavFormat(wav)!.frames).toBeGreaterThanOrEqual(8000);
    });

    it('record_start and record_stop save a recording while the call goes on', async () => {
      standin.setOutcome({ number: '+13125550108', outcome: 'human' });
      const { callControlId } = await telnyx.calls.dial(dialRequest('+13125550108', { amd: false }));
      await event(callControlId, 'call.answered');
      await telnyx.calls.recordStart(callControlId);
      await telnyx.calls.recordStop(callControlId);
      const saved = await event(callControlId, 'call.recording.saved');

      expect(standin.call(callControlId)!.state).toBe('answered');
      expect((saved.event.data.payload as { channels: string }).channels).toBe('dual');
      await telnyx.calls.hangup(callControlId);
    });
  });

  describe('the browser (Verto over WebSocket)', () => {
    async function loggedInAgent(): Promise<{ browser: VertoClient; sipUsername: string; sessid: string }> {
      const credential = await telnyx.credentials.create(CONNECTION, 'agent-sam');
      const token = await telnyx.credentials.token(credential.id);
      const browser = await VertoClient.connect(standin.webrtcHost);
      const login = await browser.request('login', { login_token: token, userVariables: {}, loginParams: { early_sdp_answer: false } });
      const sessid = (login.result as { sessid: string }).sessid;
      await browser.method('telnyx_rtc.clientReady');
      const gateway = await browser.request('telnyx_rtc.gatewayState', {});
      expect(gateway.result).toMatchObject({ params: { state: 'REGED' } });
      return { browser, sipUsername: credential.sipUsername, sessid };
    }

    it('refuses a login token it did not sign', async () => {
      const browser = await VertoClient.connect(standin.webrtcHost);
      const login = await browser.request('login', { login_token: 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln' });
      expect(login.error).toMatchObject({ code: -32001 });
      browser.socket.close();
    });

    it('offers the agent leg of a dialler call to the agent’s browser, and bridges it to the person on answer', async () => {
      const { browser, sipUsername, sessid } = await loggedInAgent();
      expect(standin.agents().map((a) => a.sipUsername)).toContain(sipUsername);
      standin.setOutcome({ number: '+13125550109', outcome: 'human' });

      const customer = await telnyx.calls.dial(dialRequest('+13125550109'));
      const amd = await event(customer.callControlId, 'call.machine.detection.ended');
      expect(amd.event.data.payload.result).toBe('human');
      const agent = await telnyx.calls.dial(
        dialRequest(`sip:${sipUsername}@sip.telnyx.com`, { amd: false, linkTo: customer.callControlId, bridgeOnAnswer: true }),
      );

      const invite = await browser.method('telnyx_rtc.invite');
      const offer = invite.params as Record<string, string>;
      expect(offer.telnyx_call_control_id).toBe(agent.callControlId);
      expect(offer.caller_id_number).toBe('+12125550100');
      expect(offer.sdp).toMatch(/^v=0\r\n[\s\S]*m=audio 9 UDP\/TLS\/RTP\/SAVPF 0 8 101\r\n[\s\S]*a=fingerprint:sha-256 /);
      browser.ack(invite);
      const answered = await browser.request('telnyx_rtc.answer', { sessid, sdp: 'v=0\r\n', dialogParams: { callID: offer.callID } });
      expect(answered.result).toMatchObject({ callID: offer.callID });

      await event(agent.callControlId, 'call.answered');
      const [bridgedCustomer, bridgedAgent] = await Promise.all([event(customer.callControlId, 'call.bridged'), event(agent.callControlId, 'call.bridged')]);
      expect(bridgedCustomer.event.data.payload.call_session_id).toBe(bridgedAgent.event.data.payload.call_session_id);
      expect(standin.call(customer.callControlId)).toMatchObject({ state: 'bridged', bridgedWith: agent.callControlId });

      const hold = await browser.request('telnyx_rtc.modify', { sessid, action: 'hold', dialogParams: { callID: offer.callID } });
      expect(hold.result).toMatchObject({ holdState: 'held' });
      expect(standin.call(agent.callControlId)!.held).toBe(true);

      await browser.request('telnyx_rtc.bye', { sessid, cause: 'NORMAL_CLEARING', causeCode: 16, dialogParams: { callID: offer.callID } });
      const [agentHangup, customerHangup] = await Promise.all([event(agent.callControlId, 'call.hangup'), event(customer.callControlId, 'call.hangup')]);
      expect(agentHangup.event.data.payload).toMatchObject({ hangup_cause: 'normal_clearing', hangup_source: 'callee' });
      expect(customerHangup.event.data.payload.hangup_cause).toBe('normal_clearing');
      browser.socket.close();
    });

    it('sends the browser a bye when the call ends on the other side', async () => {
      const { browser, sipUsername, sessid } = await loggedInAgent();
      const agent = await telnyx.calls.dial(dialRequest(`sip:${sipUsername}@sip.telnyx.com`, { amd: false }));
      const invite = await browser.method('telnyx_rtc.invite');
      const callID = (invite.params as { callID: string }).callID;
      await browser.request('telnyx_rtc.answer', { sessid, sdp: 'v=0\r\n', dialogParams: { callID } });
      await event(agent.callControlId, 'call.answered');

      await telnyx.calls.hangup(agent.callControlId);
      const bye = await browser.method('telnyx_rtc.bye');
      expect(bye.params).toMatchObject({ callID, cause: 'NORMAL_CLEARING' });
      browser.socket.close();
    });

    it('cancels the agent leg ringing in the browser when the person called hangs up first', async () => {
      const { browser, sipUsername } = await loggedInAgent();
      standin.setOutcome({ number: '+13125550112', outcome: 'human', hangupAfterMs: 100 });
      const customer = await telnyx.calls.dial(dialRequest('+13125550112', { amd: false }));
      await event(customer.callControlId, 'call.answered');
      const agent = await telnyx.calls.dial(dialRequest(`sip:${sipUsername}@sip.telnyx.com`, { amd: false, linkTo: customer.callControlId, bridgeOnAnswer: true }));
      const invite = await browser.method('telnyx_rtc.invite');

      const hangup = await event(agent.callControlId, 'call.hangup');
      expect(hangup.event.data.payload.hangup_cause).toBe('originator_cancel');
      const bye = await browser.method('telnyx_rtc.bye');
      expect(bye.params).toMatchObject({ callID: (invite.params as { callID: string }).callID, cause: 'ORIGINATOR_CANCEL' });
      browser.socket.close();
    });

    it('hangs up an agent leg when no browser of that user is logged in', async () => {
      const { callControlId } = await telnyx.calls.dial(dialRequest('sip:gencredNobody@sip.telnyx.com', { amd: false }));
      const hangup = await event(callControlId, 'call.hangup');
      expect(hangup.event.data.payload).toMatchObject({ hangup_cause: 'not_found', sip_hangup_cause: '404' });
    });

    it('lets the browser place a call, which plays the outcome of the number dialled', async () => {
      const { browser, sessid } = await loggedInAgent();
      standin.setOutcome({ number: '+13125550110', outcome: 'human' });
      const offer = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111 0', 'a=mid:0', 'a=rtpmap:111 opus/48000/2', 'a=rtpmap:0 PCMU/8000', ''].join('\r\n');

      const created = await browser.request('telnyx_rtc.invite', { sessid, sdp: offer, dialogParams: { callID: 'browser-call-1', destination_number: '+13125550110' } });
      expect(created.result).toMatchObject({ callID: 'browser-call-1', message: 'CALL CREATED' });
      await browser.method('telnyx_rtc.ringing');
      const answer = await browser.method('telnyx_rtc.answer');
      const sdp = (answer.params as { sdp: string }).sdp;
      expect(sdp).toContain('m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n');
      expect(sdp).toContain('a=mid:0\r\n');
      expect(sdp).toContain('a=setup:active\r\n');
      const call = standin.calls().find((c) => c.to === '+13125550110' && c.sipUsername)!;
      expect(call.state).toBe('answered');

      browser.socket.close();
      await event(call.callControlId, 'call.hangup');
    });
  });

  it('keeps its signing key and the agents’ credentials in the data folder across restarts', async () => {
    const credential = await telnyx.credentials.create(CONNECTION, 'agent-kept');
    const again = await startTelnyxStandin({ apiKey: API_KEY, dataDir });
    try {
      expect(again.publicKey).toBe(standin.publicKey);
      const client = createTelnyxClient(parseConfig({ TELNYX_API_KEY: API_KEY, TELNYX_BASE_URL: again.apiBaseUrl }))!;
      expect((await client.credentials.token(credential.id)).split('.')).toHaveLength(3);
    } finally {
      await again.stop();
    }
  });
});

describe('the Telnyx stand-in in the local stack', () => {
  let dataDir: string;
  let stack: LocalStack;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'telnyx-stack-'));
    stack = await startLocalStack({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      env: { LOG_LEVEL: 'SILENT', PASSWORD_HASH_COST: '4' },
      spa: 'none',
      ephemeral: true,
      telnyxDelays: { ringMs: 20, amdMs: 20 },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('configures telephony to use it, with the stack’s webhook route and a sealing key of its own', () => {
    const standin = stack.telnyx!;
    expect(stack.config).toMatchObject({
      TELNYX_API_KEY: standin.apiKey,
      TELNYX_BASE_URL: standin.apiBaseUrl,
      TELNYX_PUBLIC_KEY: standin.publicKey,
      TELNYX_WEBRTC_HOST: standin.webrtcHost,
      TELNYX_WEBHOOK_URL: `http://127.0.0.1:${stack.port}/api/telephony/webhooks/telnyx`,
    });
    expect(Buffer.from(stack.config.TELEPHONY_SECRET_KEY!, 'base64')).toHaveLength(32);
    expect(standin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers the application’s Telnyx client and posts call events the stack’s webhook route accepts', async () => {
    const standin = stack.telnyx!;
    standin.setOutcome({ number: '+14045550123', outcome: 'busy' });
    const client = createTelnyxClient(stack.config)!;
    const { callControlId } = await client.calls.dial({
      to: '+14045550123',
      from: '+14045550100',
      connectionId: CONNECTION,
      clientState: 'dialer',
      amd: false,
      timeoutSecs: 30,
      record: false,
    });
    const initiated = await standin.waitForWebhook((d) => d.event.data.payload.call_control_id === callControlId && d.event.data.event_type === 'call.initiated');

    expect(initiated.url).toBe(stack.config.TELNYX_WEBHOOK_URL);
    // The route verified the stand-in's signature with the configured public key (a forged one is 401).
    expect(initiated.status).toBe(200);
  });
});
