// The consent announcement end to end with the local Telnyx stand-in: calls dialled by the dialer
// and by an agent, the stand-in's signed webhooks delivered to our webhook route, an agent's
// browser logged in over Verto that answers its leg. A campaign with an announcement has it said
// to both parties once the call is bridged, once however often the bridge is reported, and records
// only after it; without one the call records from the answer; a call that heard the safe-harbour
// message never hears it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineResponse } from '@shared/contracts/activity';
import type { Call } from '@shared/contracts/telephony';
import { startTelnyxStandin, type TelnyxStandin, type WebhookDelivery } from '../../../../../infra/local/emulators/telnyx-standin';
import { VertoClient } from '../../../../../infra/local/emulators/verto-test-client';
import { invoke } from '../../../../test/support/invoke';
import { createTelnyxClient, type TelnyxClient } from '../../../adapters/telnyx';
import { activityHooks } from '../../../composition';
import { queryRows } from '../../../db/rows';
import { agentCredentials, callCampaigns, calls, campaignAgents } from '../../../db/schema';
import { createHttpHandler } from '../../../http/create-http-handler';
import { createActivityModule } from '../../activity';
import { dialerTick } from '../dialer/tick';
import { setPresence } from '../presence';
import { decodeClientState } from './call-keys';
import { TELNYX_WEBHOOK_PATH } from './routes';
import { campaignFixture, createCallsTestContext, queuedContact, userWithToken, type CallsTestContext } from './test-fixtures';

const ANNOUNCEMENT = 'This call may be recorded for quality and training.';

/** Milliseconds from `now` to the next 16:00 UTC (late morning in New York, whatever the season). */
function untilMorningInNewYork(now: Date): number {
  const next = new Date(now);
  next.setUTCHours(16, 0, 0, 0);
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

// A whole call (dial, answer, bridge, the announcement, the recording) is many webhooks: room for a busy machine.
describe('the consent announcement', { timeout: 120_000 }, () => {
  let t: CallsTestContext;
  let standin: TelnyxStandin;
  let telnyx: TelnyxClient;
  let receiver: http.Server;
  const browsers: VertoClient[] = [];
  let closing = false;

  beforeAll(async () => {
    standin = await startTelnyxStandin({ apiKey: 'KEY_consent_test', delays: { ringMs: 20, amdMs: 20, mediaMs: 200, noAnswerMs: 60_000 } });
    // Our webhook route as the stand-in reaches it: each signed body handed to the handler as API Gateway would.
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'));
        invoke(t.handler, { method: 'POST', path: TELNYX_WEBHOOK_PATH, body: Buffer.concat(chunks).toString('utf8'), headers })
          .then((answer) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text))
          .catch((error: unknown) => res.writeHead(500).end(String(error)));
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    t = await createCallsTestContext({
      env: {
        TELNYX_API_KEY: standin.apiKey,
        TELNYX_BASE_URL: standin.apiBaseUrl,
        TELNYX_PUBLIC_KEY: standin.publicKey,
        TELNYX_WEBRTC_HOST: standin.webrtcHost,
        TELNYX_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${TELNYX_WEBHOOK_PATH}`,
      },
    });
    // Calls are placed in the contacts' daytime: the gate's calling window holds.
    t.clock.advance(untilMorningInNewYork(t.clock.now()));
    telnyx = createTelnyxClient(t.deps.config)!;
  }, 60_000);
  afterAll(async () => {
    closing = true;
    // The last webhooks are handled before the database and the stand-in go.
    for (let i = 0; i < 100 && standin?.webhooks().some((d) => !d.settled); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    await standin?.stop();
    for (const browser of browsers) browser.socket.close();
    receiver?.closeAllConnections();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    await t?.close();
  });
  beforeEach(async () => {
    // Each test dials its own campaign: the others' queues stay out of its ticks.
    await t.deps.db.execute(sql`update dialer_queues set status = 'paused'`);
  });

  /** An active campaign whose calls are recorded, with or without an announcement. */
  async function campaignWith(announcement: string | null) {
    const campaign = await campaignFixture(t, { amd: true });
    await t.deps.db.update(callCampaigns).set({ record: true, consentAnnouncement: announcement }).where(eq(callCampaigns.id, campaign.campaignId));
    return campaign;
  }

  /** An agent of the campaign with a Telnyx credential; when `online`, their browser is logged in and answers every call offered. */
  async function agentOf(campaignId: string, online: boolean) {
    const agent = await userWithToken(t, ['agent']);
    const credential = await telnyx.credentials.create('conn-1', `agent-${agent.id}`);
    await t.deps.db.insert(campaignAgents).values({ campaignId, userId: agent.id });
    await t.deps.db.insert(agentCredentials).values({ userId: agent.id, credentialId: credential.id, sipUsername: credential.sipUsername });
    await setPresence(t.deps, agent.id, 'available');
    if (online) {
      const browser = await VertoClient.connect(standin.webrtcHost);
      browsers.push(browser);
      const login = await browser.request('login', { login_token: await telnyx.credentials.token(credential.id), userVariables: {}, loginParams: {} });
      const sessid = (login.result as { sessid: string }).sessid;
      await browser.method('telnyx_rtc.clientReady');
      void (async function answerEveryCall() {
        while (!closing) {
          const invite = await browser.next((m) => m.method === 'telnyx_rtc.invite', 2000).catch(() => null);
          if (!invite) continue;
          browser.ack(invite);
          await browser.request('telnyx_rtc.answer', { sessid, sdp: 'v=0\r\n', dialogParams: { callID: (invite.params as { callID: string }).callID } });
        }
      })();
    }
    return agent;
  }

  const ofCall = (callId: string) => (d: WebhookDelivery) => decodeClientState(String(d.event.data.payload.client_state ?? ''))?.callId === callId;
  const onLeg = (callControlId: string) => (d: WebhookDelivery) => d.event.data.payload.call_control_id === callControlId;
  // Generous: on a busy machine every webhook waits for the database.
  const webhook = (match: (d: WebhookDelivery) => boolean, type: string) => standin.waitForWebhook((d) => match(d) && d.event.data.event_type === type, 60_000);
  const callRow = async (id: string) => (await t.deps.db.select().from(calls).where(eq(calls.id, id)))[0]!;
  const consentClaims = async (callId: string) =>
    (await queryRows<{ event_id: string; payload: { text: string } }>(t.deps.db, sql`select event_id, payload from call_events where call_id = ${callId}::uuid and event_type = 'consent_announcement.requested'`));

  /** Re-sends a webhook the stand-in delivered (Telnyx's redelivery of the same event), signed now. */
  const redeliver = (delivery: WebhookDelivery) => {
    const body = JSON.stringify(delivery.event);
    return invoke<{ outcome: string }>(t.handler, { method: 'POST', path: TELNYX_WEBHOOK_PATH, body, headers: { 'content-type': 'application/json', ...standin.signWebhook(body) } });
  };

  /** One tick of the dialer for this campaign: its one queued contact is dialled with its agent reserved. */
  async function dialOne(campaignId: string): Promise<{ callId: string; callControlId: string }> {
    await t.deps.db.execute(sql`update dialer_queues set status = 'active' where campaign_id = ${campaignId}::uuid`);
    const tick = await dialerTick(t.deps);
    expect(tick.queues.find((q) => q.campaignId === campaignId)).toMatchObject({ dialled: 1 });
    const [call] = await t.deps.db.select().from(calls).where(eq(calls.campaignId, campaignId));
    return { callId: call!.id, callControlId: call!.callControlId! };
  }

  it('is said to both parties once the dialler call is bridged, and the recording starts only after it', async () => {
    const campaign = await campaignWith(ANNOUNCEMENT);
    await agentOf(campaign.campaignId, true);
    const contact = await queuedContact(t, campaign.campaignId);
    const { callId, callControlId } = await dialOne(campaign.campaignId);

    const started = await webhook(onLeg(callControlId), 'call.speak.started');
    const ended = await webhook(onLeg(callControlId), 'call.speak.ended');
    const leg = standin.call(callControlId)!;
    expect(leg.spoken.map(({ text, targetLegs }) => ({ text, targetLegs }))).toEqual([{ text: ANNOUNCEMENT, targetLegs: 'both' }]);
    expect(decodeClientState(String(started.event.data.payload.client_state))).toEqual({ callId, leg: 'contact', purpose: 'consent' });
    // Dialled without recording: nothing was recorded before the announcement ended, then it was.
    expect(leg.recording).toBe(true);

    // Telnyx redelivers both legs' bridge, and a late report of it comes with a new id: said once all the same.
    const bridges = standin.webhooks().filter((d) => ofCall(callId)(d) && d.event.data.event_type === 'call.bridged');
    expect(bridges).toHaveLength(2);
    await Promise.all(bridges.map((b) => standin.waitForWebhook((d) => d.event.data.id === b.event.data.id)));
    for (const bridge of bridges) expect((await redeliver(bridge)).json.outcome).toBe('duplicate');
    const late = structuredClone(bridges[0]!.event);
    late.data.id = randomUUID();
    late.data.occurred_at = new Date().toISOString();
    expect((await redeliver({ ...bridges[0]!, event: late })).json.outcome).toBe('applied');
    expect(standin.call(callControlId)!.spoken).toHaveLength(1);
    expect(await consentClaims(callId)).toEqual([{ event_id: `ours:consent:${callId}`, payload: { text: ANNOUNCEMENT } }]);

    await telnyx.calls.hangup(callControlId);
    const saved = await webhook(onLeg(callControlId), 'call.recording.saved');
    expect(Date.parse(String(saved.event.data.payload.recording_started_at))).toBeGreaterThanOrEqual(Date.parse(ended.event.data.occurred_at));

    const row = await callRow(callId);
    expect(row.consentAnnouncedAt!.toISOString()).toBe(new Date(started.event.data.occurred_at).toISOString());
    expect(row).toMatchObject({ state: 'ended', recordingKey: expect.stringContaining(callId) });

    // The evidence in the call's view and on the contact's timeline.
    const manager = await userWithToken(t, ['campaign_manager']);
    const view = await invoke<Call>(t.handler, { method: 'GET', path: `/api/telephony/calls/${callId}`, token: manager.token });
    expect(view.json.consentAnnouncedAt).toBe(row.consentAnnouncedAt!.toISOString());
    const activity = createHttpHandler(createActivityModule(activityHooks), { deps: async () => t.deps });
    const timeline = await invoke<TimelineResponse>(activity, { method: 'GET', path: `/api/contacts/${contact.contactId}/timeline`, query: { kinds: 'call' }, token: manager.token });
    expect(timeline.status, timeline.text).toBe(200);
    const item = timeline.json.items.find((i) => i.kind === 'call')!;
    expect(Date.parse(String(item.detail!.consentAnnouncedAt))).toBe(row.consentAnnouncedAt!.getTime());
  });

  it('is said on a manual call too, which is dialled without recording and recorded after it', async () => {
    const campaign = await campaignWith(ANNOUNCEMENT);
    const agent = await agentOf(campaign.campaignId, true);
    const contact = await queuedContact(t, campaign.campaignId);
    const placed = await invoke<Call>(t.handler, { method: 'POST', path: '/api/telephony/calls', token: agent.token, body: { campaignId: campaign.campaignId, contactId: contact.contactId } });
    expect(placed.status, placed.text).toBe(201);
    const { callControlId } = await callRow(placed.json.id);

    const answered = await webhook(onLeg(callControlId!), 'call.answered');
    const ended = await webhook(onLeg(callControlId!), 'call.speak.ended');
    expect(standin.call(callControlId!)!.spoken.map((s) => s.targetLegs)).toEqual(['both']);
    await telnyx.calls.hangup(callControlId!);
    const saved = await webhook(onLeg(callControlId!), 'call.recording.saved');

    expect(Date.parse(String(saved.event.data.payload.recording_started_at))).toBeGreaterThan(Date.parse(answered.event.data.occurred_at));
    expect(Date.parse(String(saved.event.data.payload.recording_started_at))).toBeGreaterThanOrEqual(Date.parse(ended.event.data.occurred_at));
    expect((await callRow(placed.json.id)).consentAnnouncedAt).not.toBeNull();
  });

  it('without an announcement nothing is said and the call records from the answer, as before', async () => {
    const campaign = await campaignWith(null);
    await agentOf(campaign.campaignId, true);
    await queuedContact(t, campaign.campaignId);
    const { callId, callControlId } = await dialOne(campaign.campaignId);

    const bridged = await webhook(onLeg(callControlId), 'call.bridged');
    await telnyx.calls.hangup(callControlId);
    const saved = await webhook(onLeg(callControlId), 'call.recording.saved');

    expect(standin.call(callControlId)!.spoken).toEqual([]);
    // Recording began with the answer, before the agent was even bridged.
    expect(Date.parse(String(saved.event.data.payload.recording_started_at))).toBeLessThanOrEqual(Date.parse(bridged.event.data.occurred_at));
    expect(await consentClaims(callId)).toEqual([]);
    expect(await callRow(callId)).toMatchObject({ consentAnnouncedAt: null, recordingKey: expect.stringContaining(callId) });
  });

  it('is never said on a call that heard the safe-harbour message, even when a bridge is reported after it', async () => {
    const campaign = await campaignWith(ANNOUNCEMENT);
    // The agent's browser is not logged in: their leg fails and the person hears the safe-harbour message.
    await agentOf(campaign.campaignId, false);
    await queuedContact(t, campaign.campaignId);
    // The message plays long enough for the late bridge to arrive while it does.
    standin.setDelays({ mediaMs: 15_000 });
    try {
      const { callId, callControlId } = await dialOne(campaign.campaignId);
      const safeHarbour = await webhook(onLeg(callControlId), 'call.speak.started');
      expect((await callRow(callId)).abandoned).toBe(true);

      // The agent's bridge reported while the message still plays (a leg that answered at the last moment).
      const body = JSON.stringify({
        data: {
          record_type: 'event',
          id: randomUUID(),
          event_type: 'call.bridged',
          occurred_at: new Date().toISOString(),
          payload: { call_control_id: 'v3:agent-at-the-last-moment', client_state: Buffer.from(JSON.stringify({ callId, leg: 'agent' })).toString('base64') },
        },
        meta: { attempt: 1 },
      });
      const late = await invoke<{ outcome: string }>(t.handler, { method: 'POST', path: TELNYX_WEBHOOK_PATH, body, headers: { 'content-type': 'application/json', ...standin.signWebhook(body) } });
      expect(late.json.outcome).toBe('applied');
      const row = await callRow(callId);
      expect(row.bridgedAt).not.toBeNull();
      expect(row.endedAt).toBeNull();

      const spoken = standin.call(callControlId)!.spoken;
      expect(spoken).toHaveLength(1);
      expect(spoken[0]!.text).toContain('We are sorry we could not connect you');
      expect(decodeClientState(String(safeHarbour.event.data.payload.client_state))?.purpose).toBeUndefined();
      expect(await consentClaims(callId)).toEqual([]);
      expect(row).toMatchObject({ consentAnnouncedAt: null, abandoned: true });
      expect(standin.call(callControlId)!.recording).toBe(false);
      await telnyx.calls.hangup(callControlId);
    } finally {
      standin.setDelays({ mediaMs: 200 });
    }
  });
});
