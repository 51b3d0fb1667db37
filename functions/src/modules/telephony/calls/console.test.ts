// The console and call routes with real tokens on the local stack: who may read which call, the
// wrap-up's validation and its effects (do-not-call suppresses at once, a callback becomes a task,
// the queue item is settled, the agent is free again), presence rules, the WebRTC token, a manual
// call through the contact gate, the recording link and the call on the contact's timeline.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineResponse } from '@shared/contracts/activity';
import type { Call, ConsoleState, ContactCalls, WebrtcToken } from '@shared/contracts/telephony';
import { invoke, type InvokeRequest } from '../../../../test/support/invoke';
import { activityHooks } from '../../../composition';
import { queryOne, queryRows } from '../../../db/rows';
import { calls, dialerQueueItems } from '../../../db/schema';
import { createHttpHandler } from '../../../http/create-http-handler';
import { createActivityModule } from '../../activity';
import { insertSuppressions } from '../../compliance/testing';
import { createTelephonyModule, noTelephonyHooks } from '../index';
import { getPresence, setPresence } from '../presence';
import { decodeClientState } from './call-keys';
import {
  agentFixture,
  BUCKET,
  campaignFixture,
  createCallsTestContext,
  dialledCall,
  queuedContact,
  userWithToken,
  WAV_BYTES,
  type CallsTestContext,
  type CampaignFixture,
} from './test-fixtures';

interface Problem {
  status: number;
  detail?: string;
  reason?: string;
  errors?: Array<{ field: string; message: string }>;
}

/** Milliseconds from `now` to the next 16:00 UTC (late morning in New York, whatever the season). */
function untilMorningInNewYork(now: Date): number {
  const next = new Date(now);
  next.setUTCHours(16, 0, 0, 0);
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

describe('the agent console and its calls', () => {
  let t: CallsTestContext;
  let campaign: CampaignFixture;
  let manager: { id: string; token: string };

  beforeAll(async () => {
    t = await createCallsTestContext();
    // Calls are placed in the contacts' daytime: the gate's calling window holds.
    t.clock.advance(untilMorningInNewYork(t.clock.now()));
    campaign = await campaignFixture(t);
    manager = await userWithToken(t, ['campaign_manager']);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const api = <T = unknown>(token: string, request: Omit<InvokeRequest, 'token'>) => invoke<T>(t.handler, { ...request, token });

  /** A call the agent was connected to and that has ended, the agent in after-call work. */
  async function connectedCall() {
    const agent = await agentFixture(t, campaign.campaignId);
    const contact = await queuedContact(t, campaign.campaignId);
    const { callId } = await dialledCall(t, { campaignId: campaign.campaignId, ...contact, agentId: agent.id });
    const now = t.clock.now();
    await t.deps.db
      .update(calls)
      .set({ state: 'ended', answeredAt: now, humanAt: now, bridgedAt: now, endedAt: new Date(now.getTime() + 95_000), hangupCause: 'normal_clearing' })
      .where(eq(calls.id, callId));
    await setPresence(t.deps, agent.id, 'after_call_work', { callId });
    return { agent, contact, callId };
  }

  const goodAnswers = { budget: 25_000, timeline: 'this quarter', decision_maker: true };

  it("lets an agent read only their own calls, and a manager any; others' calls are a 404", async () => {
    const mine = await connectedCall();
    const other = await agentFixture(t, campaign.campaignId);
    expect((await api<Call>(mine.agent.token, { method: 'GET', path: `/api/telephony/calls/${mine.callId}` })).json).toMatchObject({ id: mine.callId, state: 'ended' });
    expect((await api(other.token, { method: 'GET', path: `/api/telephony/calls/${mine.callId}` })).status).toBe(404);
    expect((await api(other.token, { method: 'POST', path: `/api/telephony/calls/${mine.callId}/wrap-up`, body: { dispositionId: campaign.dispositions.interested, answers: goodAnswers } })).status).toBe(404);
    expect((await api(manager.token, { method: 'GET', path: `/api/telephony/calls/${mine.callId}` })).status).toBe(200);
    const creator = await userWithToken(t, ['content_creator']);
    expect((await api(creator.token, { method: 'GET', path: '/api/telephony/console' })).status).toBe(403);
    expect((await invoke(t.handler, { method: 'GET', path: '/api/telephony/console' })).status).toBe(401);
  });

  it('refuses a wrap-up whose answers do not fit the form, naming each field, and stores nothing', async () => {
    const { agent, callId } = await connectedCall();
    const res = await api<Problem>(agent.token, {
      method: 'POST',
      path: `/api/telephony/calls/${callId}/wrap-up`,
      body: { dispositionId: campaign.dispositions.interested, answers: { timeline: 'next decade', colour: 'blue', decision_maker: 'yes' } },
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json.errors!.map((e) => e.field).sort()).toEqual(['body.answers.budget', 'body.answers.colour', 'body.answers.decision_maker', 'body.answers.timeline']);

    const foreign = await campaignFixture(t);
    const wrong = await api<Problem>(agent.token, {
      method: 'POST',
      path: `/api/telephony/calls/${callId}/wrap-up`,
      body: { dispositionId: foreign.dispositions.interested, answers: goodAnswers },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual([{ field: 'body.dispositionId', message: "is not a disposition of this call's campaign" }]);
    expect((await t.deps.db.select().from(calls).where(eq(calls.id, callId)))[0]).toMatchObject({ dispositionId: null, answers: null });
  });

  it('keeps the agent in after-call work until the wrap-up, then makes them available and settles the queue item', async () => {
    const { agent, contact, callId } = await connectedCall();
    expect((await api<Problem>(agent.token, { method: 'PUT', path: '/api/telephony/presence', body: { status: 'busy' } })).status).toBe(400);
    expect((await api<Problem>(agent.token, { method: 'PUT', path: '/api/telephony/presence', body: { status: 'available' } })).status).toBe(409);
    const state = await api<ConsoleState>(agent.token, { method: 'GET', path: '/api/telephony/console' });
    expect(state.json.call).toMatchObject({ id: callId, dispositionId: null });
    expect(state.json.campaigns.map((c) => c.id)).toEqual([campaign.campaignId]);
    expect(state.json.presence.status).toBe('after_call_work');

    const done = await api<Call>(agent.token, {
      method: 'POST',
      path: `/api/telephony/calls/${callId}/wrap-up`,
      body: { dispositionId: campaign.dispositions.interested, notes: 'Wants a demo', answers: goodAnswers },
    });
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ dispositionLabel: 'Interested', notes: 'Wants a demo', answers: goodAnswers });
    expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'available' });
    const item = (await t.deps.db.select().from(dialerQueueItems).where(eq(dialerQueueItems.contactId, contact.contactId)))[0]!;
    expect(item).toMatchObject({ status: 'done', attempts: 1, lastOutcome: 'interested' });
    const touch = await queryOne<{ outcome: string; disposition: string }>(
      t.deps.db,
      sql`select outcome, disposition from touches where contact_id = ${contact.contactId}::uuid and kind = 'disposition'`,
    );
    expect(touch).toEqual({ outcome: 'positive', disposition: 'interested' });
    const again = await api(agent.token, { method: 'POST', path: `/api/telephony/calls/${callId}/wrap-up`, body: { dispositionId: campaign.dispositions.interested, answers: goodAnswers } });
    expect(again.status).toBe(409);
    expect((await api(agent.token, { method: 'PUT', path: '/api/telephony/presence', body: { status: 'break' } })).status).toBe(200);
  });

  it('suppresses the number at once on a do-not-call disposition, and the gate then refuses the contact', async () => {
    const { agent, contact, callId } = await connectedCall();
    const res = await api(agent.token, { method: 'POST', path: `/api/telephony/calls/${callId}/wrap-up`, body: { dispositionId: campaign.dispositions.dnc, answers: goodAnswers } });
    expect(res.status, res.text).toBe(200);
    const suppression = await queryOne<{ reason: string; source: string }>(t.deps.db, sql`select reason, source from suppressions where type = 'phone' and value = ${contact.phone}`);
    expect(suppression).toEqual({ reason: 'unsubscribe', source: `call:${callId}` });
    expect((await t.deps.db.select().from(dialerQueueItems).where(eq(dialerQueueItems.contactId, contact.contactId)))[0]).toMatchObject({ status: 'removed' });

    const dial = await api<Problem>(agent.token, { method: 'POST', path: '/api/telephony/calls', body: { campaignId: campaign.campaignId, contactId: contact.contactId } });
    expect(dial.status).toBe(422);
    expect(['suppressed_phone', 'opted_out']).toContain(dial.json.reason);
  });

  it('takes a wrong number out of every queue that would dial it for this contact', async () => {
    const { agent, contact, callId } = await connectedCall();
    const other = await campaignFixture(t);
    await t.deps.db.insert(dialerQueueItems).values({ campaignId: other.campaignId, contactId: contact.contactId, phone: contact.phone, status: 'queued' });
    const res = await api(agent.token, { method: 'POST', path: `/api/telephony/calls/${callId}/wrap-up`, body: { dispositionId: campaign.dispositions.wrong_number, answers: goodAnswers } });
    expect(res.status, res.text).toBe(200);
    const items = await t.deps.db.select().from(dialerQueueItems).where(eq(dialerQueueItems.contactId, contact.contactId));
    expect(items.map((i) => [i.campaignId === campaign.campaignId ? 'this' : 'other', i.status, i.lastOutcome]).sort()).toEqual([
      ['other', 'removed', 'wrong_number'],
      ['this', 'removed', 'wrong_number'],
    ]);
  });

  it("turns a callback disposition into the agent's task at the agreed time", async () => {
    const { agent, contact, callId } = await connectedCall();
    const missing = await api<Problem>(agent.token, { method: 'POST', path: `/api/telephony/calls/${callId}/wrap-up`, body: { dispositionId: campaign.dispositions.call_back, answers: goodAnswers } });
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual([{ field: 'body.callbackAt', message: 'is required for a call-back disposition' }]);

    const callbackAt = new Date(t.clock.now().getTime() + 26 * 3_600_000);
    callbackAt.setUTCSeconds(0, 0);
    const res = await api(agent.token, {
      method: 'POST',
      path: `/api/telephony/calls/${callId}/wrap-up`,
      body: { dispositionId: campaign.dispositions.call_back, answers: goodAnswers, callbackAt: callbackAt.toISOString() },
    });
    expect(res.status, res.text).toBe(200);
    const task = await queryOne<{ type: string; assignee_id: string; contact_id: string; due_at: Date | string; due_time_zone: string }>(
      t.deps.db,
      sql`select type, assignee_id, contact_id, due_at, due_time_zone from tasks where contact_id = ${contact.contactId}::uuid`,
    );
    expect(task).toMatchObject({ type: 'call_back', assignee_id: agent.id, contact_id: contact.contactId, due_time_zone: 'America/New_York' });
    expect(new Date(task!.due_at).toISOString()).toBe(callbackAt.toISOString());
    expect((await t.deps.db.select().from(dialerQueueItems).where(eq(dialerQueueItems.contactId, contact.contactId)))[0]).toMatchObject({ status: 'done' });

    // Due within the hour, it shows on the console.
    t.clock.advance(26 * 3_600_000 - 30 * 60_000);
    const state = await api<ConsoleState>(agent.token, { method: 'GET', path: '/api/telephony/console' });
    expect(state.json.callbacksDue).toEqual([expect.objectContaining({ contactId: contact.contactId, dueAt: callbackAt.toISOString() })]);
  });

  it('mints a WebRTC token from one credential per agent, and answers 503 when telephony is not configured', async () => {
    const agent = await userWithToken(t, ['agent']);
    const before = t.telnyx.requests.filter((r) => r.path === '/v2/telephony_credentials').length;
    const first = await api<WebrtcToken>(agent.token, { method: 'POST', path: '/api/telephony/webrtc/token' });
    const second = await api<WebrtcToken>(agent.token, { method: 'POST', path: '/api/telephony/webrtc/token' });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ token: 'eyJhbGciOiJSUzI1NiJ9.fake.token', callerId: '+14155550100', host: 'ws://127.0.0.1:9/verto' });
    expect(second.status).toBe(200);
    expect(t.telnyx.requests.filter((r) => r.path === '/v2/telephony_credentials').length - before).toBe(1);
    expect(JSON.stringify(first.json)).not.toContain('KEYtest');

    const off = createHttpHandler(createTelephonyModule(noTelephonyHooks), { deps: async () => ({ ...t.deps, config: { ...t.deps.config, TELNYX_API_KEY: undefined } }) });
    const refused = await invoke<Problem>(off, { method: 'POST', path: '/api/telephony/webrtc/token', token: agent.token });
    expect(refused.status).toBe(503);
  });

  it('places a manual call through the gate for a contact of an assigned campaign, and refuses others', async () => {
    const agent = await agentFixture(t, campaign.campaignId);
    const contact = await queuedContact(t, campaign.campaignId);
    const res = await api<Call>(agent.token, { method: 'POST', path: '/api/telephony/calls', body: { campaignId: campaign.campaignId, contactId: contact.contactId } });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ origin: 'manual', toNumber: contact.phone, agentId: agent.id, state: 'initiated' });
    const dial = t.telnyx.dials('contact').find((d) => decodeClientState(String(d.body.client_state))?.callId === res.json.id)!;
    expect(dial.body).toMatchObject({ to: contact.phone, from: '+14155550100', connection_id: 'conn-1' });
    expect(dial.body.answering_machine_detection).toBeUndefined();
    expect(await getPresence(t.deps, agent.id)).toMatchObject({ status: 'busy', callId: res.json.id });
    expect((await t.deps.db.select().from(dialerQueueItems).where(eq(dialerQueueItems.contactId, contact.contactId)))[0]).toMatchObject({ status: 'dialing', callId: res.json.id });

    // A second call while on this one, and a campaign the agent does not work, are refused.
    expect((await api(agent.token, { method: 'POST', path: '/api/telephony/calls', body: { campaignId: campaign.campaignId, contactId: contact.contactId } })).status).toBe(409);
    const elsewhere = await campaignFixture(t);
    const stranger = await agentFixture(t, elsewhere.campaignId);
    expect((await api(stranger.token, { method: 'POST', path: '/api/telephony/calls', body: { campaignId: campaign.campaignId, contactId: contact.contactId } })).status).toBe(404);

    // A suppressed number is refused with the gate's reason.
    const blocked = await queuedContact(t, elsewhere.campaignId);
    await insertSuppressions(t.deps.db, [{ type: 'phone', value: blocked.phone, reason: 'manual', source: 'test', note: null }], { createdBy: null, at: t.clock.now() });
    const refused = await api<Problem>(stranger.token, { method: 'POST', path: '/api/telephony/calls', body: { campaignId: elsewhere.campaignId, contactId: blocked.contactId } });
    expect(refused.status).toBe(422);
    expect(refused.json.reason).toBe('suppressed_phone');
  });

  it("signs a short-lived link to the recording for its agent and for lead QA, and shows the call with its disposition and recording on the contact's timeline", async () => {
    const { agent, contact, callId } = await connectedCall();
    const key = `recordings/${campaign.campaignId}/${callId}.wav`;
    await t.deps.aws.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: WAV_BYTES, ContentType: 'audio/wav' }));
    await t.deps.db.update(calls).set({ recordingKey: key, recordingSeconds: 95 }).where(eq(calls.id, callId));
    await api(agent.token, { method: 'POST', path: `/api/telephony/calls/${callId}/wrap-up`, body: { dispositionId: campaign.dispositions.interested, answers: goodAnswers } });

    const link = await api<{ url: string; expiresAt: string }>(agent.token, { method: 'GET', path: `/api/telephony/calls/${callId}/recording` });
    expect(link.status).toBe(200);
    expect(Buffer.from(await (await fetch(link.json.url)).arrayBuffer())).toEqual(WAV_BYTES);
    expect(new Date(link.json.expiresAt).getTime() - t.clock.now().getTime()).toBeLessThanOrEqual(300_000);
    // Lead QA plays it from a timeline too, though the analyst made no call; another agent's call is a 404.
    const analyst = await userWithToken(t, ['quality_analyst']);
    const heard = await api<{ url: string }>(analyst.token, { method: 'GET', path: `/api/telephony/calls/${callId}/recording` });
    expect(heard.status, heard.text).toBe(200);
    expect(Buffer.from(await (await fetch(heard.json.url)).arrayBuffer())).toEqual(WAV_BYTES);
    const colleague = await agentFixture(t, campaign.campaignId);
    expect((await api(colleague.token, { method: 'GET', path: `/api/telephony/calls/${callId}/recording` })).status).toBe(404);

    const previous = await api<ContactCalls>(agent.token, { method: 'GET', path: `/api/telephony/contacts/${contact.contactId}/calls` });
    expect(previous.json.items.map((c) => c.id)).toEqual([callId]);
    expect(previous.json.items[0]).toMatchObject({ hasRecording: true, dispositionLabel: 'Interested' });

    const activity = createHttpHandler(createActivityModule(activityHooks), { deps: async () => t.deps });
    const timeline = await invoke<TimelineResponse>(activity, { method: 'GET', path: `/api/contacts/${contact.contactId}/timeline`, query: { kinds: 'call' }, token: manager.token });
    expect(timeline.status, timeline.text).toBe(200);
    expect(timeline.json.items).toEqual([
      expect.objectContaining({
        id: `call:${callId}`,
        kind: 'call',
        channel: 'call',
        detail: expect.objectContaining({ disposition: 'Interested', outcome: 'positive', recordingUrl: `/api/telephony/calls/${callId}/recording`, talkSeconds: 95 }),
      }),
    ]);
    // The whole feed shows the call once: its touches are on its item, not listed beside it…
    const feed = await invoke<TimelineResponse>(activity, { method: 'GET', path: `/api/contacts/${contact.contactId}/timeline`, token: manager.token });
    expect(feed.json.items.filter((i) => i.kind === 'call').map((i) => i.id)).toEqual([`call:${callId}`]);
    expect(feed.json.items.filter((i) => i.kind === 'touch' && i.channel === 'call')).toEqual([]);
    // …while a feed of touches alone still lists them.
    const touchesOnly = await invoke<TimelineResponse>(activity, { method: 'GET', path: `/api/contacts/${contact.contactId}/timeline`, query: { kinds: 'touch' }, token: manager.token });
    expect(touchesOnly.json.items.map((i) => i.title)).toContain('disposition');
  });

  it('hangs up both legs of a call in progress', async () => {
    const agent = await agentFixture(t, campaign.campaignId);
    const contact = await queuedContact(t, campaign.campaignId);
    const { callId, callControlId } = await dialledCall(t, { campaignId: campaign.campaignId, ...contact, agentId: agent.id });
    await t.deps.db.update(calls).set({ agentCallControlId: 'v3:agent-leg-1' }).where(and(eq(calls.id, callId)));
    const res = await api(agent.token, { method: 'POST', path: `/api/telephony/calls/${callId}/hangup` });
    expect(res.status).toBe(204);
    const paths = t.telnyx.actions('hangup').map((r) => decodeURIComponent(r.path));
    expect(paths).toEqual(expect.arrayContaining([`/v2/calls/${callControlId}/actions/hangup`, '/v2/calls/v3:agent-leg-1/actions/hangup']));
    expect(await queryRows(t.deps.db, sql`select 1 from call_events where call_id = ${callId}::uuid`)).toEqual([]);
  });
});
