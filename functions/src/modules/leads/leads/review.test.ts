// Reviewing a lead through the API: corrections (each change one audited row, nothing for no
// change, none once published), the checklist, transitions (out of order 409, approval needs the
// required ticks, rejection a reason of the catalogue, two approvals at once: one wins), bulk
// approval of rule-perfect leads only, rescore, the recording link, the reason-code catalogue and
// campaign settings.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { BulkApproveResult, LeadCampaignSettings, LeadDetail, LeadRecordingLink, ReasonCodeCatalogue } from '@shared/contracts/leads';
import { fileContext } from '../../../../test/support/file-context';
import { leadCorrections, leadReasonCodes, leads, leadTransitions } from '../../../db/schema';
import { createOrganisation } from '../../identity';
import {
  BUCKET,
  callCampaignFixture,
  campaignSettingsFixture,
  contactFixture,
  createLeadsTestContext,
  endedCall,
  leadFixture,
  scoreOf,
  userWithToken,
  type UserWithToken,
} from './test-fixtures';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const t = fileContext(createLeadsTestContext);

const CHECKLIST = [
  { id: 'consent', label: 'Consent heard on the call', required: true },
  { id: 'title', label: 'Title qualifies', required: true },
  { id: 'notes', label: 'Notes read', required: false },
];

describe('reviewing a lead', () => {
  let analyst: UserWithToken;
  let manager: UserWithToken;
  const people = async () => {
    analyst ??= await userWithToken(t, ['quality_analyst']);
    manager ??= await userWithToken(t, ['campaign_manager']);
    return { analyst, manager };
  };
  const transition = (token: string, id: string, body: Record<string, unknown>) => t.api<LeadDetail & Problem>(token, { method: 'POST', path: `/api/leads/${id}/transition`, body });
  const stateOf = async (id: string) => (await t.deps.db.select({ state: leads.state }).from(leads).where(eq(leads.id, id)))[0]!.state;

  it('audits each changed field with before, after and who; writes nothing for an unchanged value; refuses edits once published', async () => {
    const { analyst } = await people();
    const campaign = await callCampaignFixture(t);
    const id = await leadFixture(t, { campaignId: campaign.campaignId, fields: { firstName: 'Dana', lastName: 'Buyer', email: 'dana@northwind.com', country: 'US' } });
    const patch = (body: Record<string, unknown>) => t.api<LeadDetail & Problem>(analyst.token, { method: 'PATCH', path: `/api/leads/${id}`, body });

    const res = await patch({ fields: { firstName: 'Dana', lastName: 'Byer-Smith', email: ' DANA.SMITH@Northwind.com ', title: 'COO' }, answers: { budget: 5000 }, notes: 'Asked for pricing' });
    expect(res.status, res.text).toBe(200);
    expect(res.json.fields).toMatchObject({ firstName: 'Dana', lastName: 'Byer-Smith', email: 'dana.smith@northwind.com', title: 'COO', country: 'US' });
    expect(res.json.answers).toEqual({ budget: 5000 });
    expect(res.json.notes).toBe('Asked for pricing');
    expect(res.json.corrections.map((c) => [c.field, c.before, c.after]).sort()).toEqual(
      [
        ['fields.lastName', 'Buyer', 'Byer-Smith'],
        ['fields.email', 'dana@northwind.com', 'dana.smith@northwind.com'],
        ['fields.title', null, 'COO'],
        ['answers.budget', null, 5000],
        ['notes', null, 'Asked for pricing'],
      ].sort(),
    );
    expect(res.json.corrections.every((c) => c.actorName?.startsWith('Test User'))).toBe(true);
    const rows = await t.deps.db.select().from(leadCorrections).where(eq(leadCorrections.leadId, id));
    expect(rows.every((r) => r.actorId === analyst.id)).toBe(true);

    // The same values again: nothing new.
    expect((await patch({ fields: { lastName: 'Byer-Smith', email: 'dana.smith@northwind.com' }, answers: { budget: 5000 }, notes: 'Asked for pricing' })).status).toBe(200);
    expect(await t.deps.db.select().from(leadCorrections).where(eq(leadCorrections.leadId, id))).toHaveLength(5);

    expect((await patch({ fields: { email: 'not an email' } })).json.errors).toEqual([{ field: 'body.fields.email', message: 'is not an email address' }]);
    expect((await patch({ state: 'approved' })).status).toBe(400);

    await t.deps.db.update(leads).set({ state: 'published' }).where(eq(leads.id, id));
    const late = await patch({ fields: { lastName: 'Other' } });
    expect(late.status).toBe(409);
    expect(await t.deps.db.select().from(leadCorrections).where(eq(leadCorrections.leadId, id))).toHaveLength(5);
  });

  it("ticks the campaign's checklist items with who and when, and names unknown items (422)", async () => {
    const { analyst } = await people();
    const campaign = await callCampaignFixture(t);
    await campaignSettingsFixture(t, campaign.campaignId, { checklist: CHECKLIST });
    const id = await leadFixture(t, { campaignId: campaign.campaignId });
    const res = await t.api<LeadDetail>(analyst.token, { method: 'PUT', path: `/api/leads/${id}/checklist`, body: { consent: true, notes: false } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.checklist).toEqual({
      consent: { checked: true, by: analyst.id, at: t.clock.now().toISOString() },
      notes: { checked: false, by: analyst.id, at: t.clock.now().toISOString() },
    });
    const bad = await t.api<Problem>(analyst.token, { method: 'PUT', path: `/api/leads/${id}/checklist`, body: { consent: true, signed_nda: true } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([{ field: 'body.signed_nda', message: "is not an item of this campaign's checklist" }]);
    expect((await t.api(analyst.token, { method: 'PUT', path: `/api/leads/${id}/checklist`, body: { 'Bad Id': true } })).status).toBe(400);
  });

  it('approves only with every required item ticked, records the reviewer, and refuses moves out of order (409)', async () => {
    const { analyst } = await people();
    const campaign = await callCampaignFixture(t);
    await campaignSettingsFixture(t, campaign.campaignId, { checklist: CHECKLIST });
    const id = await leadFixture(t, { campaignId: campaign.campaignId });

    const early = await transition(analyst.token, id, { to: 'approved' });
    expect(early.status).toBe(422);
    expect(early.json.errors!.map((e) => e.field)).toEqual(['checklist.consent', 'checklist.title']);
    expect(early.json.detail).toContain('Consent heard on the call');
    expect(await stateOf(id)).toBe('under_review');

    await t.api(analyst.token, { method: 'PUT', path: `/api/leads/${id}/checklist`, body: { consent: true, title: true } });
    const ok = await transition(analyst.token, id, { to: 'approved', note: 'All good' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ state: 'approved', reviewedAt: t.clock.now().toISOString() });
    expect(ok.json.history.at(-1)).toMatchObject({ fromState: 'under_review', toState: 'approved', actorId: analyst.id, note: 'All good' });
    expect(ok.json.nextStates).toEqual(['under_review']);
    const [row] = await t.deps.db.select().from(leads).where(eq(leads.id, id));
    expect(row!.reviewerId).toBe(analyst.id);

    // Out of order: approved cannot be rejected, nor approved again; published is delivery's move (403 to a person).
    expect((await transition(analyst.token, id, { to: 'rejected', reasonCode: 'wrong_title' })).status).toBe(409);
    expect((await transition(analyst.token, id, { to: 'approved' })).status).toBe(409);
    expect((await transition(analyst.token, id, { to: 'published' })).status).toBe(403);
    const fresh = await leadFixture(t, { campaignId: campaign.campaignId, state: 'new', pipelineStatus: 'scoring' });
    expect((await transition(analyst.token, fresh, { to: 'approved' })).status).toBe(409);
    expect((await transition(analyst.token, fresh, { to: 'under_review' })).status).toBe(403);
    expect((await transition(analyst.token, id, { to: 'nonsense' })).status).toBe(400);

    // Second thoughts: back under review clears the reviewer.
    const back = await transition(analyst.token, id, { to: 'under_review', note: 'Recheck the title' });
    expect(back.status, back.text).toBe(200);
    expect(back.json.reviewedAt).toBeNull();
  });

  it('rejects only with an active reject reason of the catalogue', async () => {
    const { analyst } = await people();
    const campaign = await callCampaignFixture(t);
    const id = await leadFixture(t, { campaignId: campaign.campaignId });
    expect((await transition(analyst.token, id, { to: 'rejected' })).json.errors).toEqual([{ field: 'body.reasonCode', message: 'is required for this change' }]);
    expect((await transition(analyst.token, id, { to: 'rejected', reasonCode: 'not_in_target_list' })).status).toBe(400);
    expect((await transition(analyst.token, id, { to: 'rejected', reasonCode: 'made_up' })).status).toBe(400);
    await t.deps.db.insert(leadReasonCodes).values({ code: 'retired_reason', label: 'Retired', kind: 'reject', active: false });
    expect((await transition(analyst.token, id, { to: 'rejected', reasonCode: 'retired_reason' })).status).toBe(400);
    const ok = await transition(analyst.token, id, { to: 'rejected', reasonCode: 'wrong_title', note: 'Intern' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ state: 'rejected', reasonCode: 'wrong_title', reasonNote: 'Intern' });
  });

  it('lets one of two simultaneous approvals win; the other answers 409 and the history has one approval', async () => {
    const { analyst, manager } = await people();
    const campaign = await callCampaignFixture(t);
    const id = await leadFixture(t, { campaignId: campaign.campaignId });
    const results = await Promise.all([transition(analyst.token, id, { to: 'approved' }), transition(manager.token, id, { to: 'approved' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const approvals = await t.deps.db.select().from(leadTransitions).where(eq(leadTransitions.leadId, id));
    expect(approvals.filter((a) => a.toState === 'approved')).toHaveLength(1);
  });

  it('keeps an approval of a campaign that delivers at once, whatever delivery does', async () => {
    const { analyst } = await people();
    const campaign = await callCampaignFixture(t);
    await campaignSettingsFixture(t, campaign.campaignId, { autoDeliver: true });
    const id = await leadFixture(t, { campaignId: campaign.campaignId });
    const res = await transition(analyst.token, id, { to: 'approved' });
    expect(res.status, res.text).toBe(200);
    expect(['approved', 'published']).toContain(await stateOf(id));
    expect((await t.deps.db.select().from(leadTransitions).where(eq(leadTransitions.leadId, id))).some((r) => r.toState === 'approved' && r.actorId === analyst.id)).toBe(true);
  });

  it('bulk-approves rule-perfect leads only, ticking the required items as the approver, and says why it skipped the others', async () => {
    const { analyst } = await people();
    const campaign = await callCampaignFixture(t);
    await campaignSettingsFixture(t, campaign.campaignId, { checklist: CHECKLIST });
    const perfect = await leadFixture(t, { campaignId: campaign.campaignId });
    const failing = await leadFixture(t, { campaignId: campaign.campaignId, score: scoreOf(['permission_to_contact', 'phone_validity']) });
    const mismatch = await leadFixture(t, { campaignId: campaign.campaignId, accountMatched: false });
    const unchecked = await leadFixture(t, { campaignId: campaign.campaignId, accountMatched: null });
    const flagged = await leadFixture(t, { campaignId: campaign.campaignId, pipelineStatus: 'needs_review' });
    const unscored = await leadFixture(t, { campaignId: campaign.campaignId, score: null });
    const rejected = await leadFixture(t, { campaignId: campaign.campaignId, state: 'rejected' });
    const missing = '0190c6c4-7b1e-7000-8000-00000000abcd';

    const res = await t.api<BulkApproveResult>(analyst.token, {
      method: 'POST',
      path: '/api/leads/bulk-approve',
      body: { ids: [perfect, failing, mismatch, unchecked, flagged, unscored, rejected, missing, perfect] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.approved).toEqual([perfect]);
    expect(res.json.skipped).toEqual([
      { id: failing, reason: 'Not every factor passed: permission_to_contact, phone_validity' },
      { id: mismatch, reason: "The account does not match the campaign's criteria" },
      { id: unchecked, reason: 'The account has not been checked' },
      { id: flagged, reason: 'The pipeline flagged it for manual review' },
      { id: unscored, reason: 'It has no score yet' },
      { id: rejected, reason: 'It is rejected, not under review' },
      { id: missing, reason: 'No such lead' },
    ]);
    const [row] = await t.deps.db.select().from(leads).where(eq(leads.id, perfect));
    expect(row).toMatchObject({ state: 'approved', reviewerId: analyst.id });
    const at = t.clock.now().toISOString();
    expect(row!.checklist).toEqual({ consent: { checked: true, by: analyst.id, at }, title: { checked: true, by: analyst.id, at } });
    const [audit] = await t.deps.db.select().from(leadTransitions).where(sql`${leadTransitions.leadId} = ${perfect} and ${leadTransitions.toState} = 'approved'`);
    expect(audit).toMatchObject({ actorId: analyst.id, note: expect.stringContaining('Bulk approval') });
    for (const id of [failing, mismatch, unchecked, flagged, unscored]) expect(await stateOf(id)).toBe('under_review');
    expect((await t.api(analyst.token, { method: 'POST', path: '/api/leads/bulk-approve', body: { ids: [] } })).status).toBe(400);
  });

  it('rescores only a lead not yet decided', async () => {
    const { analyst } = await people();
    const campaign = await callCampaignFixture(t);
    const id = await leadFixture(t, { campaignId: campaign.campaignId, state: 'approved' });
    const res = await t.api<Problem>(analyst.token, { method: 'POST', path: `/api/leads/${id}/rescore` });
    expect(res.status).toBe(409);
    expect((await t.api(analyst.token, { method: 'POST', path: '/api/leads/0190c6c4-7b1e-7000-8000-00000000abcd/rescore' })).status).toBe(404);
  });

  it("signs a short-lived link to the call's recording for an analyst, and answers 404 without one", async () => {
    const { analyst } = await people();
    const campaign = await callCampaignFixture(t);
    const agent = await userWithToken(t, ['agent']);
    const person = await contactFixture(t);
    const key = `recordings/${campaign.campaignId}/call.wav`;
    const audio = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(36, 7)]);
    await t.deps.aws.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: audio, ContentType: 'audio/wav' }));
    // The recording was saved after the wrap-up: the lead finds it through its call.
    const callId = await endedCall(t, { campaignId: campaign.campaignId, contactId: person.contactId, agentId: agent.id, recordingKey: key });
    const id = await leadFixture(t, { campaignId: campaign.campaignId, contactId: person.contactId });
    await t.deps.db.update(leads).set({ callId }).where(eq(leads.id, id));

    const link = await t.api<LeadRecordingLink>(analyst.token, { method: 'GET', path: `/api/leads/${id}/recording` });
    expect(link.status, link.text).toBe(200);
    expect(Buffer.from(await (await fetch(link.json.url)).arrayBuffer())).toEqual(audio);
    expect(new Date(link.json.expiresAt).getTime() - t.clock.now().getTime()).toBe(300_000);
    expect((await t.api<LeadDetail>(analyst.token, { method: 'GET', path: `/api/leads/${id}` })).json).toMatchObject({ hasRecording: true, recordingSeconds: 90, callId });

    const silent = await leadFixture(t, { campaignId: campaign.campaignId });
    expect((await t.api(analyst.token, { method: 'GET', path: `/api/leads/${silent}/recording` })).status).toBe(404);
    expect((await t.api(agent.token, { method: 'GET', path: `/api/leads/${id}/recording` })).status).toBe(403);
  });

  it('saves the reason-code catalogue whole: codes in use are deactivated, unused ones deleted, new ones added', async () => {
    const { analyst, manager } = await people();
    const before = await t.api<ReasonCodeCatalogue>(analyst.token, { method: 'GET', path: '/api/leads/reason-codes' });
    expect(before.json.codes).toContainEqual({ code: 'wrong_title', label: 'Job title does not qualify', kind: 'reject', active: true });
    const campaign = await callCampaignFixture(t);
    const used = await leadFixture(t, { campaignId: campaign.campaignId });
    await transition(analyst.token, used, { to: 'rejected', reasonCode: 'bad_phone' });

    const res = await t.api<ReasonCodeCatalogue>(manager.token, {
      method: 'PUT',
      path: '/api/leads/reason-codes',
      body: {
        codes: [
          { code: 'wrong_title', label: 'Title outside the persona', kind: 'reject' },
          { code: 'no_budget', label: 'No budget this year', kind: 'reject' },
          { code: 'not_in_target_list', label: 'Not in the target account list', kind: 'return' },
        ],
      },
    });
    expect(res.status, res.text).toBe(200);
    const byCode = new Map(res.json.codes.map((c) => [`${c.kind}:${c.code}`, c]));
    expect(byCode.get('reject:wrong_title')).toEqual({ code: 'wrong_title', label: 'Title outside the persona', kind: 'reject', active: true });
    expect(byCode.get('reject:no_budget')).toMatchObject({ active: true });
    expect(byCode.get('reject:bad_phone')).toMatchObject({ active: false });
    expect(byCode.has('reject:poor_call')).toBe(false);
    expect(byCode.has('return:already_delivered')).toBe(false);
    expect(res.json.codes).toHaveLength(4);

    const twice = await t.api<Problem>(manager.token, {
      method: 'PUT',
      path: '/api/leads/reason-codes',
      body: { codes: [{ code: 'dup', label: 'A', kind: 'reject' }, { code: 'dup', label: 'B', kind: 'reject' }] },
    });
    expect(twice.json.errors).toEqual([{ field: 'body.codes.1.code', message: 'repeats the reject reason dup' }]);
    expect((await t.api(manager.token, { method: 'PUT', path: '/api/leads/reason-codes', body: { codes: [{ code: 'Bad Code', label: 'x', kind: 'reject' }] } })).status).toBe(400);
  });

  it("reads and saves a campaign's QA settings; the client must exist, the campaign must be a call or email campaign", async () => {
    const { analyst, manager } = await people();
    const campaign = await callCampaignFixture(t);
    const path = `/api/leads/campaigns/${campaign.campaignId}/settings`;
    const initial = await t.api<LeadCampaignSettings>(analyst.token, { method: 'GET', path });
    expect(initial.status, initial.text).toBe(200);
    expect(initial.json).toMatchObject({ campaignKind: 'call', clientOrgId: null, checklist: [], autoDeliver: false, criteria: { industries: [], countries: [] } });

    const lead = await leadFixture(t, { campaignId: campaign.campaignId });
    const org = await createOrganisation(t.deps, { request: { name: `Contoso QA ${Date.now()}` }, context: { userId: null, requestId: null } });
    const settings = { campaignKind: 'call', clientOrgId: org.id, checklist: CHECKLIST, criteria: { industries: ['Software'], countries: ['US'], employeeMin: 50 }, autoDeliver: true };
    expect((await t.api(analyst.token, { method: 'PUT', path, body: settings })).status).toBe(403);
    const saved = await t.api<LeadCampaignSettings>(manager.token, { method: 'PUT', path, body: settings });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ clientOrgId: org.id, checklist: CHECKLIST, autoDeliver: true, criteria: { industries: ['Software'], countries: ['US'], employeeMin: 50, technologies: [] } });
    expect((await t.api<LeadCampaignSettings>(analyst.token, { method: 'GET', path })).json).toEqual(saved.json);
    // The campaign's leads not yet with a client follow the new client.
    expect((await t.deps.db.select({ clientOrgId: leads.clientOrgId }).from(leads).where(eq(leads.id, lead)))[0]!.clientOrgId).toBe(org.id);
    expect((await t.api<LeadDetail>(analyst.token, { method: 'GET', path: `/api/leads/${lead}` })).json.clientName).toMatch(/^Contoso QA/);

    const put = (body: Record<string, unknown>, where = path) => t.api<Problem>(manager.token, { method: 'PUT', path: where, body: { ...settings, ...body } });
    expect((await put({ clientOrgId: campaign.campaignId })).json.errors).toEqual([{ field: 'body.clientOrgId', message: 'is not an organisation' }]);
    expect((await put({ campaignKind: 'email' })).json.errors![0]!.field).toBe('body.campaignKind');
    expect((await put({ checklist: [CHECKLIST[0], CHECKLIST[0]] })).json.errors).toEqual([{ field: 'body.checklist.1.id', message: 'repeats the item consent' }]);
    expect((await put({}, `/api/leads/campaigns/${org.id}/settings`)).status).toBe(404);
    expect((await t.api(analyst.token, { method: 'GET', path: `/api/leads/campaigns/${org.id}/settings` })).status).toBe(404);
  });
});
