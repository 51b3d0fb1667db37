// The Telnyx webhook against the local stack (PGlite, dynalite, s3rver) and a small Telnyx on
// loopback: a signature that does not verify changes nothing; an event is applied once however
// often and however concurrently it comes; one call's events in any order end in the same state; a
// person is put through to the reserved agent and a machine never is; the 2-second rule is kept.
import { randomUUID } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../../../test/support/invoke';
import { queryRows } from '../../../db/rows';
import { calls, dialerQueueItems } from '../../../db/schema';
import { createHttpHandler } from '../../../http/create-http-handler';
import { createTelephonyModule, noTelephonyHooks } from '../index';
import { getPresence } from '../presence';
import { abandonUnbridged } from './abandon';
import { decodeClientState } from './call-keys';
import { TELNYX_WEBHOOK_PATH } from './routes';
import {
  agentFixture,
  BUCKET,
  campaignFixture,
  createCallsTestContext,
  dialledCall,
  queuedContact,
  telnyxBody,
  WAV_BYTES,
  type CallsTestContext,
  type CampaignFixture,
} from './test-fixtures';

describe('the Telnyx webhook', () => {
  let t: CallsTestContext;
  let campaign: CampaignFixture;

  beforeAll(async () => {
    t = await createCallsTestContext();
    campaign = await campaignFixture(t, { maxAttempts: 2 });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const send = (body: string, headers: Record<string, string> = t.signer.sign(body)) =>
    invoke<{ outcome?: string; type?: string; status?: number }>(t.handler, { method: 'POST', path: TELNYX_WEBHOOK_PATH, body, headers });

  const callRow = async (id: string) => (await t.deps.db.select().from(calls).where(eq(calls.id, id)))[0]!;
  const queueItem = async (contactId: string) =>
    (await t.deps.db.select().from(dialerQueueItems).where(and(eq(dialerQueueItems.campaignId, campaign.campaignId), eq(dialerQueueItems.contactId, contactId))))[0]!;
  const eventsOf = (callId: string) => queryRows<{ event_type: string }>(t.deps.db, sql`select event_type from call_events where call_id = ${callId}::uuid`);
  const touchKinds = async (contactId: string) =>
    (await queryRows<{ kind: string }>(t.deps.db, sql`select kind from touches where contact_id = ${contactId}::uuid order by kind`)).map((r) => r.kind);
  const agentDialsFor = (callId: string) => t.telnyx.dials('agent').filter((d) => decodeClientState(String(d.body.client_state))?.callId === callId);

  /** A fresh agent, contact and dialled call of the campaign. */
  async function scene() {
    const agent = await agentFixture(t, campaign.campaignId);
    const contact = await queuedContact(t, campaign.campaignId);
    const call = await dialledCall(t, { campaignId: campaign.campaignId, ...contact, agentId: agent.id });
    return { agent, contact, ...call };
  }

  /** The SDK may percent-encode the call control id in the action's path. */
  const onLeg = (path: string, callControlId: string) => path.includes(callControlId) || path.includes(encodeURIComponent(callControlId));

  const at = (ms: number) => new Date(t.clock.now().getTime() + ms);

  it('refuses a flipped byte, a re-serialized body, a bad signature and a timestamp more than 300 s off with 401 (no signature: 400), and changes nothing', async () => {
    const { callId, callControlId } = await scene();
    const eventId = randomUUID();
    const body = telnyxBody({ id: eventId, type: 'call.answered', at: at(0), callId, callControlId });
    const headers = t.signer.sign(body);

    const flipAt = body.indexOf('call.answered') + 5;
    const flipped = body.slice(0, flipAt) + String.fromCharCode(body.charCodeAt(flipAt) ^ 1) + body.slice(flipAt + 1);
    const reserialized = JSON.stringify(JSON.parse(body), null, 2);
    const signature = Buffer.from(headers['telnyx-signature-ed25519']!, 'base64');
    signature[10] = signature[10]! ^ 0x40;
    const now = Math.floor(Date.now() / 1000);
    const refusals = [
      await send(flipped, headers),
      await send(reserialized, headers),
      await send(body, { ...headers, 'telnyx-signature-ed25519': signature.toString('base64') }),
      await send(body, t.signer.sign(body, now - 301)),
      // Ahead by more than the window even after the requests before it took their time on a busy machine.
      await send(body, t.signer.sign(body, now + 360)),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // Without the signature headers it is no webhook at all.
    expect((await send(body, { 'content-type': 'application/json' })).status).toBe(400);
    expect((await callRow(callId)).answeredAt).toBeNull();
    expect(await eventsOf(callId)).toEqual([]);
    const { Item } = await t.deps.aws.doc.send(new GetCommand({ TableName: t.deps.config.TABLE_NAME, Key: { pk: `TELNYX#${eventId}`, sk: 'EVENT' } }));
    expect(Item).toBeUndefined();

    // The same bytes, signed now, are accepted.
    expect((await send(body, headers)).json).toEqual({ outcome: 'applied' });
    expect((await callRow(callId)).answeredAt).not.toBeNull();
  });

  it('refuses every webhook while no Telnyx public key is configured', async () => {
    const { callId, callControlId } = await scene();
    const config = { ...t.deps.config, TELNYX_PUBLIC_KEY: undefined };
    const handler = createHttpHandler(createTelephonyModule(noTelephonyHooks), { deps: async () => ({ ...t.deps, config }) });
    const body = telnyxBody({ type: 'call.answered', at: at(0), callId, callControlId });
    const res = await invoke(handler, { method: 'POST', path: TELNYX_WEBHOOK_PATH, body, headers: t.signer.sign(body) });
    expect(res.status).toBe(401);
    expect(await eventsOf(callId)).toEqual([]);
  });

  it('applies an event once when it arrives five times at once', async () => {
    const { callId, callControlId } = await scene();
    const body = telnyxBody({ type: 'call.machine.detection.ended', at: at(0), callId, callControlId, amd: true, payload: { result: 'human' } });
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.json.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await eventsOf(callId)).toEqual([{ event_type: 'call.machine.detection.ended' }]);
    expect(agentDialsFor(callId)).toHaveLength(1);
    // Later redeliveries too.
    expect((await send(body)).json.outcome).toBe('duplicate');
    expect(agentDialsFor(callId)).toHaveLength(1);
  });

  it('puts a person through to the reserved agent: the browser leg is linked to the call and bridged on answer', async () => {
    const { agent, callId, callControlId } = await scene();
    await send(telnyxBody({ type: 'call.initiated', at: at(0), callId, callControlId, amd: true }));
    await send(telnyxBody({ type: 'call.answered', at: at(15_000), callId, callControlId, amd: true }));
    expect(agentDialsFor(callId)).toHaveLength(0);
    await send(telnyxBody({ type: 'call.machine.detection.ended', at: at(17_000), callId, callControlId, amd: true, payload: { result: 'human' } }));

    const [dial] = agentDialsFor(callId);
    expect(dial!.body).toMatchObject({ to: `sip:${agent.sipUsername}@sip.telnyx.com`, link_to: callControlId, bridge_on_answer: true, connection_id: 'conn-1' });
    expect(decodeClientState(String(dial!.body.client_state))).toEqual({ callId, leg: 'agent' });
    const row = await callRow(callId);
    expect(row).toMatchObject({ state: 'answered', amdResult: 'human', abandoned: false });
    expect(row.humanAt!.toISOString()).toBe(at(17_000).toISOString());
    expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'busy', callId });
  });

  it('without machine detection the answer itself rings the agent', async () => {
    const { callId, callControlId } = await scene();
    await send(telnyxBody({ type: 'call.answered', at: at(0), callId, callControlId, amd: false }));
    expect(agentDialsFor(callId)).toHaveLength(1);
    expect((await callRow(callId)).humanAt).not.toBeNull();
  });

  it('hangs up on an answering machine, releases the agent and never rings them', async () => {
    const { agent, contact, callId, callControlId } = await scene();
    await send(telnyxBody({ type: 'call.answered', at: at(0), callId, callControlId, amd: true }));
    await send(telnyxBody({ type: 'call.machine.detection.ended', at: at(3_000), callId, callControlId, amd: true, payload: { result: 'machine' } }));
    expect(agentDialsFor(callId)).toEqual([]);
    expect(t.telnyx.actions('hangup').some((r) => onLeg(r.path, callControlId))).toBe(true);
    expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'available' });

    const ended = at(5_000);
    await send(telnyxBody({ type: 'call.hangup', at: ended, callId, callControlId, amd: true, payload: { hangup_cause: 'normal_clearing' } }));
    expect(agentDialsFor(callId)).toEqual([]);
    const item = await queueItem(contact.contactId);
    expect(item).toMatchObject({ status: 'queued', attempts: 1, lastOutcome: 'machine' });
    expect(item.nextAttemptAt.toISOString()).toBe(new Date(ended.getTime() + 1440 * 60_000).toISOString());
    expect(await touchKinds(contact.contactId)).toEqual(['attempted']);
  });

  it('counts a call bridged more than 2 s after the person answered as abandoned', async () => {
    const { callId, callControlId } = await scene();
    await send(telnyxBody({ type: 'call.machine.detection.ended', at: at(0), callId, callControlId, amd: true, payload: { result: 'human' } }));
    await send(telnyxBody({ type: 'call.bridged', at: at(2_500), callId, callControlId: 'v3:agent-late', leg: 'agent' }));
    expect(await callRow(callId)).toMatchObject({ state: 'bridged', abandoned: true });

    const onTime = await scene();
    await send(telnyxBody({ type: 'call.machine.detection.ended', at: at(0), callId: onTime.callId, callControlId: onTime.callControlId, amd: true, payload: { result: 'human' } }));
    await send(telnyxBody({ type: 'call.bridged', at: at(1_900), callId: onTime.callId, callControlId: 'v3:agent-quick', leg: 'agent' }));
    expect(await callRow(onTime.callId)).toMatchObject({ state: 'bridged', abandoned: false });
  });

  it('abandonUnbridged speaks the safe-harbour message once 2 s have passed, marks the call abandoned and releases the agent', async () => {
    const { agent, contact, callId, callControlId } = await scene();
    await send(telnyxBody({ type: 'call.machine.detection.ended', at: t.clock.now(), callId, callControlId, amd: true, payload: { result: 'human' } }));
    const humanAt = t.clock.now().getTime();

    expect(await abandonUnbridged(t.deps, new Date(humanAt + 1_500))).not.toContain(callId);
    const taken = await abandonUnbridged(t.deps, new Date(humanAt + 2_100));
    expect(taken).toContain(callId);
    expect(await abandonUnbridged(t.deps, new Date(humanAt + 3_000))).not.toContain(callId);

    const speak = t.telnyx.actions('speak').filter((r) => onLeg(r.path, callControlId));
    expect(speak).toHaveLength(1);
    expect(String(speak[0]!.body.payload)).toContain('Acme Analytics');
    expect(String(speak[0]!.body.payload)).toContain('1 4 1 5 5 5 5 0 1 9 9');
    expect(await callRow(callId)).toMatchObject({ abandoned: true });
    expect((await eventsOf(callId)).map((e) => e.event_type)).toContain('safe_harbour.requested');
    expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'available' });

    // Telnyx reports the message, then the call ends after it: abandoned stays, the contact is retried later.
    await send(telnyxBody({ type: 'call.speak.started', at: new Date(humanAt + 2_300), callId, callControlId }));
    await send(telnyxBody({ type: 'call.speak.ended', at: new Date(humanAt + 9_000), callId, callControlId }));
    await send(telnyxBody({ type: 'call.hangup', at: new Date(humanAt + 9_500), callId, callControlId, payload: { hangup_cause: 'normal_clearing' } }));
    expect(await callRow(callId)).toMatchObject({ state: 'ended', abandoned: true });
    expect((await eventsOf(callId)).map((e) => e.event_type)).toContain('call.speak.started');
    expect(await queueItem(contact.contactId)).toMatchObject({ status: 'queued', lastOutcome: 'abandoned' });
  });

  it('plays the safe-harbour message at once when the agent leg hangs up before the bridge', async () => {
    const { agent, callId, callControlId } = await scene();
    await send(telnyxBody({ type: 'call.machine.detection.ended', at: at(0), callId, callControlId, amd: true, payload: { result: 'human' } }));
    await send(telnyxBody({ type: 'call.hangup', at: at(800), callId, callControlId: 'v3:agent-gone', leg: 'agent', payload: { hangup_cause: 'call_rejected' } }));
    expect(t.telnyx.actions('speak').filter((r) => onLeg(r.path, callControlId))).toHaveLength(1);
    expect(await callRow(callId)).toMatchObject({ abandoned: true, endedAt: null });
    expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'available' });
  });

  it('speaks the safe-harbour message at once when a person answers a call no agent was reserved for', async () => {
    const contact = await queuedContact(t, campaign.campaignId);
    const { callId, callControlId } = await dialledCall(t, { campaignId: campaign.campaignId, ...contact, agentId: null });
    await send(telnyxBody({ type: 'call.machine.detection.ended', at: at(0), callId, callControlId, amd: true, payload: { result: 'human' } }));
    expect(agentDialsFor(callId)).toEqual([]);
    expect(t.telnyx.actions('speak').filter((r) => onLeg(r.path, callControlId))).toHaveLength(1);
    expect(await callRow(callId)).toMatchObject({ abandoned: true });
  });

  it('speaks the safe-harbour message at once when the agent leg cannot be placed', async () => {
    const { agent, callId, callControlId } = await scene();
    t.telnyx.failDials = true;
    try {
      await send(telnyxBody({ type: 'call.machine.detection.ended', at: at(0), callId, callControlId, amd: true, payload: { result: 'human' } }));
    } finally {
      t.telnyx.failDials = false;
    }
    expect(t.telnyx.actions('speak').filter((r) => onLeg(r.path, callControlId))).toHaveLength(1);
    expect(await callRow(callId)).toMatchObject({ abandoned: true, agentCallControlId: null });
    expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'available' });
  });

  it('hangs up a manual call whose agent leg ends before the bridge, and never counts it abandoned', async () => {
    const agent = await agentFixture(t, campaign.campaignId);
    const contact = await queuedContact(t, campaign.campaignId);
    const { callId, callControlId } = await dialledCall(t, { campaignId: campaign.campaignId, ...contact, agentId: agent.id });
    await t.deps.db.update(calls).set({ origin: 'manual' }).where(eq(calls.id, callId));
    await send(telnyxBody({ type: 'call.answered', at: at(0), callId, callControlId, amd: false }));
    expect(agentDialsFor(callId)).toHaveLength(1);
    await send(telnyxBody({ type: 'call.hangup', at: at(6_000), callId, callControlId: 'v3:agent-manual', leg: 'agent', payload: { hangup_cause: 'call_rejected' } }));
    expect(t.telnyx.actions('speak').filter((r) => onLeg(r.path, callControlId))).toEqual([]);
    expect(t.telnyx.actions('hangup').some((r) => onLeg(r.path, callControlId))).toBe(true);
    await send(telnyxBody({ type: 'call.hangup', at: at(6_500), callId, callControlId, payload: { hangup_cause: 'normal_clearing' } }));
    expect(await callRow(callId)).toMatchObject({ state: 'ended', abandoned: false });
    expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'available' });
  });

  it('ignores a signed event that belongs to no call of ours, once', async () => {
    const body = telnyxBody({ type: 'call.initiated', at: at(0), callId: randomUUID(), callControlId: `v3:${randomUUID()}` });
    expect((await send(body)).json.outcome).toBe('unknown_call');
    expect((await send(body)).json.outcome).toBe('duplicate');
  });

  it('copies the recording from its short-lived URL to S3 at once', async () => {
    const { callId, callControlId } = await scene();
    await send(
      telnyxBody({
        type: 'call.recording.saved',
        at: at(60_000),
        callId,
        callControlId,
        payload: {
          recording_urls: { wav: t.telnyx.recordingUrl },
          recording_started_at: at(10_000).toISOString(),
          recording_ended_at: at(52_000).toISOString(),
          channels: 'dual',
        },
      }),
    );
    const row = await callRow(callId);
    expect(row.recordingKey).toBe(`recordings/${campaign.campaignId}/${callId}.wav`);
    expect(row.recordingSeconds).toBe(42);
    const object = await t.deps.aws.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: row.recordingKey! }));
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(WAV_BYTES);
  });

  it('retries an unanswered contact after the queue’s minutes and exhausts it at maxAttempts', async () => {
    const agent = await agentFixture(t, campaign.campaignId);
    const contact = await queuedContact(t, campaign.campaignId);
    for (const attempt of [1, 2]) {
      const { callId, callControlId } = await dialledCall(t, { campaignId: campaign.campaignId, ...contact, agentId: agent.id });
      await send(telnyxBody({ type: 'call.initiated', at: at(0), callId, callControlId }));
      await send(telnyxBody({ type: 'call.hangup', at: at(20_000), callId, callControlId, payload: { hangup_cause: 'timeout' } }));
      const item = await queueItem(contact.contactId);
      if (attempt === 1) {
        expect(item).toMatchObject({ status: 'queued', attempts: 1, lastOutcome: 'no_answer' });
        expect(item.nextAttemptAt.toISOString()).toBe(new Date(at(20_000).getTime() + 240 * 60_000).toISOString());
      } else {
        expect(item).toMatchObject({ status: 'exhausted', attempts: 2, lastOutcome: 'no_answer' });
      }
      expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'available' });
    }
  });

  it('reaches the same final state whatever order one call’s events arrive in', async () => {
    const human = [
      { type: 'call.initiated', ms: 0 },
      { type: 'call.answered', ms: 12_000 },
      { type: 'call.machine.detection.ended', ms: 13_500, payload: { result: 'human' } },
      { type: 'call.bridged', ms: 14_500, leg: 'agent' as const },
      { type: 'call.bridged', ms: 14_600 },
      { type: 'call.hangup', ms: 80_000, payload: { hangup_cause: 'normal_clearing' } },
    ];
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(human.map((_, i) => i), { minLength: human.length, maxLength: human.length }), async (order) => {
        const { agent, contact, callId, callControlId } = await scene();
        const base = t.clock.now().getTime();
        for (const i of order) {
          const e = human[i]!;
          const res = await send(
            telnyxBody({
              type: e.type,
              at: new Date(base + e.ms),
              callId,
              callControlId: e.leg === 'agent' ? `v3:agent-${callId}` : callControlId,
              leg: e.leg ?? 'contact',
              amd: true,
              payload: e.payload ?? {},
            }),
          );
          expect(res.json.outcome).toBe('applied');
        }
        const row = await callRow(callId);
        expect({
          state: row.state,
          answeredAt: row.answeredAt?.getTime(),
          humanAt: row.humanAt?.getTime(),
          bridgedAt: row.bridgedAt?.getTime(),
          endedAt: row.endedAt?.getTime(),
          hangupCause: row.hangupCause,
          amdResult: row.amdResult,
          abandoned: row.abandoned,
        }).toEqual({
          state: 'ended',
          answeredAt: base + 12_000,
          humanAt: base + 13_500,
          bridgedAt: base + 14_500,
          endedAt: base + 80_000,
          hangupCause: 'normal_clearing',
          amdResult: 'human',
          abandoned: false,
        });
        // Bridged: the queue item waits for the disposition; the agent is in after-call work.
        expect(await queueItem(contact.contactId)).toMatchObject({ status: 'dialing', attempts: 1, lastOutcome: 'connected' });
        expect(await touchKinds(contact.contactId)).toEqual(['attempted', 'connected']);
        expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'after_call_work', callId });
        expect(await eventsOf(callId)).toHaveLength(human.length);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('never rings the agent for a machine, in any order of its events', async () => {
    const machine = [
      { type: 'call.initiated', ms: 0 },
      { type: 'call.answered', ms: 9_000 },
      { type: 'call.machine.detection.ended', ms: 12_000, payload: { result: 'machine' } },
      { type: 'call.hangup', ms: 13_000, payload: { hangup_cause: 'normal_clearing' } },
    ];
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(machine.map((_, i) => i), { minLength: machine.length, maxLength: machine.length }), async (order) => {
        const { agent, contact, callId, callControlId } = await scene();
        const base = t.clock.now().getTime();
        for (const i of order) {
          const e = machine[i]!;
          await send(telnyxBody({ type: e.type, at: new Date(base + e.ms), callId, callControlId, amd: true, payload: e.payload ?? {} }));
        }
        expect(agentDialsFor(callId)).toEqual([]);
        expect(await callRow(callId)).toMatchObject({ state: 'ended', amdResult: 'machine', abandoned: false, humanAt: null });
        const item = await queueItem(contact.contactId);
        expect(item).toMatchObject({ status: 'queued', attempts: 1, lastOutcome: 'machine' });
        expect(item.nextAttemptAt.getTime()).toBe(base + 13_000 + 1440 * 60_000);
        expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'available' });
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
