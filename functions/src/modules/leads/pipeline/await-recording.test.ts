// A lead made at wrap-up can be ahead of its call's recording (saved just after the hang-up): the
// intake waits for it while the call is recent, takes it onto the lead when it is there, and goes
// on without it once the call is minutes old.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fileContext } from '../../../../test/support/file-context';
import { calls, leads, leadStageRuns } from '../../../db/schema';
import { callCampaignFixture, contactFixture, createLeadsTestContext, endedCall, userWithToken } from '../leads/test-fixtures';
import { prepareIntake, RECORDING_WAIT_MS } from './transcribe';

const t = fileContext(createLeadsTestContext);

async function leadOfCall(callId: string, campaignId: string, contactId: string) {
  const runStartedAt = t.deps.now();
  const [lead] = await t.deps.db
    .insert(leads)
    .values({ source: 'call', callId, campaignId, campaignKind: 'call', contactId, pipelineStatus: 'pending', pipelineStartedAt: runStartedAt })
    .returning({ id: leads.id });
  return { leadId: lead!.id, runStartedAt: runStartedAt.toISOString() };
}

describe("the intake and the call's recording", () => {
  it('waits while the call is recent, takes the recording onto the lead once it is saved, and gives up on an old call', async () => {
    const campaign = await callCampaignFixture(t);
    const person = await contactFixture(t);
    const agent = await userWithToken(t, ['agent']);
    const callId = await endedCall(t, { campaignId: campaign.campaignId, contactId: person.contactId, agentId: agent.id, recordingKey: null });
    await t.deps.db.update(calls).set({ endedAt: t.deps.now() }).where(eq(calls.id, callId));
    const run = await leadOfCall(callId, campaign.campaignId, person.contactId);

    expect(await prepareIntake(t.deps, run)).toEqual({ transcribe: false, wait: true });
    expect(await t.deps.db.select().from(leadStageRuns).where(eq(leadStageRuns.leadId, run.leadId))).toEqual([]);

    await t.deps.db.update(calls).set({ recordingKey: 'recordings/late.wav' }).where(eq(calls.id, callId));
    expect((await prepareIntake(t.deps, run)).wait).toBe(false);
    const [lead] = await t.deps.db.select({ recordingKey: leads.recordingKey }).from(leads).where(eq(leads.id, run.leadId));
    expect(lead!.recordingKey).toBe('recordings/late.wav');

    // A call ended long ago without a recording: scored without one, the skip says why.
    const oldCall = await endedCall(t, { campaignId: campaign.campaignId, contactId: person.contactId, agentId: agent.id, recordingKey: null });
    await t.deps.db.update(calls).set({ endedAt: new Date(t.deps.now().getTime() - RECORDING_WAIT_MS - 60_000) }).where(eq(calls.id, oldCall));
    const oldRun = await leadOfCall(oldCall, campaign.campaignId, person.contactId);
    expect(await prepareIntake(t.deps, oldRun)).toEqual({ transcribe: false, wait: false });
    const stages = await t.deps.db.select({ outcome: leadStageRuns.outcome, error: leadStageRuns.error }).from(leadStageRuns).where(eq(leadStageRuns.leadId, oldRun.leadId));
    expect(stages).toEqual([{ outcome: 'skipped', error: 'The lead has no recording.' }]);
  });
});
