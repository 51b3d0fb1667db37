// A positive wrap-up makes the call's lead in the wrap-up's own transaction, wired as the root
// wires telephony to leads: exactly one lead per call however often the wrap-up is sent, with the
// call's contact, account, agent, recording and answers, the person's details snapshotted and the
// campaign's client; a negative wrap-up makes none; the wrap-up stands when the pipeline cannot start.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fileContext } from '../../../../test/support/file-context';
import { invoke } from '../../../../test/support/invoke';
import { queryRows } from '../../../db/rows';
import { calls, leads, leadTransitions } from '../../../db/schema';
import type { Database } from '../../../db/connection';
import { createOrganisation } from '../../identity';
import { createLeadFromCall } from '../index';
import { callCampaignFixture, campaignSettingsFixture, contactFixture, createLeadsTestContext, endedCall, userWithToken } from './test-fixtures';

const t = fileContext(createLeadsTestContext);

describe('leads from positive calls', () => {
  async function wrapUp(agentToken: string, callId: string, dispositionId: string) {
    return invoke(t.telephonyApi, {
      method: 'POST',
      path: `/api/telephony/calls/${callId}/wrap-up`,
      token: agentToken,
      body: { dispositionId, notes: 'Wants the whitepaper', answers: {} },
    });
  }

  it('makes one lead with the call, its recording, the snapshot of the person and the campaign client, and its first history row', async () => {
    const campaign = await callCampaignFixture(t);
    const org = await createOrganisation(t.deps, { request: { name: `Contoso ${Date.now()}` }, context: { userId: null, requestId: null } });
    await campaignSettingsFixture(t, campaign.campaignId, { clientOrgId: org.id });
    const agent = await userWithToken(t, ['agent']);
    const person = await contactFixture(t);
    const callId = await endedCall(t, { campaignId: campaign.campaignId, contactId: person.contactId, agentId: agent.id, recordingKey: 'recordings/c1.wav' });
    await t.deps.db.update(calls).set({ answers: { budget: 25000 } }).where(eq(calls.id, callId));

    const res = await wrapUp(agent.token, callId, campaign.positive);
    expect(res.status, res.text).toBe(200);

    const made = await t.deps.db.select().from(leads).where(eq(leads.callId, callId));
    expect(made).toHaveLength(1);
    const lead = made[0]!;
    expect(lead).toMatchObject({
      state: 'new',
      source: 'call',
      contactId: person.contactId,
      accountId: person.accountId,
      campaignId: campaign.campaignId,
      campaignKind: 'call',
      clientOrgId: org.id,
      agentId: agent.id,
      recordingKey: 'recordings/c1.wav',
      // The wrap-up's answers replace what the call held.
      answers: {},
      pipelineStatus: 'pending',
    });
    expect(lead.fields).toEqual({
      firstName: expect.stringMatching(/^Dana$/),
      lastName: expect.stringMatching(/^Buyer\d+$/),
      email: person.email,
      phone: '+12125559876',
      title: 'VP Operations',
      company: expect.stringMatching(/^Northwind \d+ Ltd$/),
      domain: person.email.split('@')[1],
      country: 'US',
    });
    const history = await t.deps.db.select().from(leadTransitions).where(eq(leadTransitions.leadId, lead.id));
    expect(history).toEqual([expect.objectContaining({ fromState: null, toState: 'new', actorId: agent.id })]);

    // The wrap-up sent again is refused by telephony, and the call still has exactly one lead.
    expect((await wrapUp(agent.token, callId, campaign.positive)).status).toBe(409);
    expect(await t.deps.db.select({ id: leads.id }).from(leads).where(eq(leads.callId, callId))).toHaveLength(1);
  });

  it('carries the qualification answers of the wrap-up', async () => {
    const campaign = await callCampaignFixture(t);
    const agent = await userWithToken(t, ['agent']);
    const person = await contactFixture(t);
    const callId = await endedCall(t, { campaignId: campaign.campaignId, contactId: person.contactId, agentId: agent.id, recordingKey: null });
    await t.deps.db.execute(sql`update call_campaigns set form = ${JSON.stringify([{ id: 'budget', label: 'Budget', type: 'number', required: true, min: 0 }])}::jsonb where id = ${campaign.campaignId}::uuid`);
    const res = await invoke(t.telephonyApi, {
      method: 'POST',
      path: `/api/telephony/calls/${callId}/wrap-up`,
      token: agent.token,
      body: { dispositionId: campaign.positive, answers: { budget: 40000 } },
    });
    expect(res.status, res.text).toBe(200);
    const [lead] = await t.deps.db.select().from(leads).where(eq(leads.callId, callId));
    expect(lead).toMatchObject({ answers: { budget: 40000 }, recordingKey: null, clientOrgId: null });
  });

  it('makes no lead for a negative disposition', async () => {
    const campaign = await callCampaignFixture(t);
    const agent = await userWithToken(t, ['agent']);
    const person = await contactFixture(t);
    const callId = await endedCall(t, { campaignId: campaign.campaignId, contactId: person.contactId, agentId: agent.id });
    expect((await wrapUp(agent.token, callId, campaign.negative)).status).toBe(200);
    expect(await t.deps.db.select({ id: leads.id }).from(leads).where(eq(leads.callId, callId))).toEqual([]);
  });

  it('makes the lead once when the hook runs again for the same call (a retried transaction)', async () => {
    const campaign = await callCampaignFixture(t);
    const agent = await userWithToken(t, ['agent']);
    const person = await contactFixture(t);
    const callId = await endedCall(t, { campaignId: campaign.campaignId, contactId: person.contactId, agentId: agent.id });
    const at = t.deps.now();
    const inTx = (fn: (tx: Database) => Promise<string | null>) => t.deps.db.transaction((raw) => fn(raw as unknown as Database));
    const results = await Promise.all([inTx((tx) => createLeadFromCall(tx, callId, at)), inTx((tx) => createLeadFromCall(tx, callId, at))]);
    expect(results.filter((id) => id !== null)).toHaveLength(1);
    expect(await t.deps.db.select({ id: leads.id }).from(leads).where(eq(leads.callId, callId))).toHaveLength(1);
    const rows = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from lead_transitions t join leads l on l.id = t.lead_id where l.call_id = ${callId}::uuid`);
    expect(rows[0]!.n).toBe(1);
  });
});
