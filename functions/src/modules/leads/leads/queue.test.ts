// Leads by hand and by import, the QA queue and the review page, through the leads API with real
// tokens: who may call it, what a lead carries, an import's skipped rows (nothing half-written,
// nothing made twice), filters, sorts and cursor pages, the age and SLA, and the detail's parts.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { LeadDetail, LeadImportResult, LeadListPage } from '@shared/contracts/leads';
import { QA_SLA_SECONDS } from '@shared/contracts/leads';
import { fileContext } from '../../../../test/support/file-context';
import { invoke } from '../../../../test/support/invoke';
import { emailCampaigns, leads, organisations, leadStageRuns, leadTranscripts, leadTransitions } from '../../../db/schema';
import { callCampaignFixture, campaignSettingsFixture, contactFixture, createLeadsTestContext, leadFixture, scoreOf, userWithToken, type UserWithToken } from './test-fixtures';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const t = fileContext(createLeadsTestContext);

describe('the leads API', () => {
  let analyst: UserWithToken;
  const analystOnce = async () => (analyst ??= await userWithToken(t, ['quality_analyst']));

  it('answers 401 without a token and 403 to roles without leads.review, on reads and writes alike', async () => {
    const campaign = await callCampaignFixture(t);
    const id = await leadFixture(t, { campaignId: campaign.campaignId });
    for (const roles of [['agent'], ['content_creator'], ['client_user']] as const) {
      const user = await userWithToken(t, [...roles]);
      expect((await t.api(user.token, { method: 'GET', path: '/api/leads' })).status, roles[0]).toBe(403);
      expect((await t.api(user.token, { method: 'GET', path: `/api/leads/${id}` })).status, roles[0]).toBe(403);
      expect((await t.api(user.token, { method: 'POST', path: `/api/leads/${id}/transition`, body: { to: 'approved' } })).status, roles[0]).toBe(403);
    }
    expect((await invoke(t.leadsApi, { method: 'GET', path: '/api/leads' })).status).toBe(401);
    // Reviewers read the catalogue and settings; only configurers change them.
    const qa = await analystOnce();
    expect((await t.api(qa.token, { method: 'PUT', path: '/api/leads/reason-codes', body: { codes: [] } })).status).toBe(403);
    expect((await t.api(qa.token, { method: 'GET', path: '/api/leads/reason-codes' })).status).toBe(200);
    // Clients by name, for the settings screens, to reviewers and not to agents.
    await t.deps.db.insert(organisations).values({ name: 'Zenith Analytics' }).onConflictDoNothing();
    const clients = await t.api<{ items: { id: string; name: string }[] }>(qa.token, { method: 'GET', path: '/api/leads/clients' });
    expect(clients.json.items).toContainEqual({ id: expect.any(String), name: 'Zenith Analytics' });
    expect((await t.api((await userWithToken(t, ['agent'])).token, { method: 'GET', path: '/api/leads/clients' })).status).toBe(403);
    const [row] = await t.deps.db.select({ state: leads.state }).from(leads).where(eq(leads.id, id));
    expect(row!.state).toBe('under_review');
  });

  it('makes a lead by hand with the contact snapshot and its history, and refuses an unknown contact or a campaign of another kind', async () => {
    const qa = await analystOnce();
    const campaign = await callCampaignFixture(t);
    const person = await contactFixture(t);
    const res = await t.api<LeadDetail>(qa.token, {
      method: 'POST',
      path: '/api/leads',
      body: { contactId: person.contactId, campaignId: campaign.campaignId, campaignKind: 'call', answers: { interest: 'Data platform' }, notes: 'Met at the fair' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      state: 'new',
      source: 'manual',
      contactId: person.contactId,
      accountId: person.accountId,
      campaignKind: 'call',
      campaignName: expect.stringMatching(/^Q3 outreach/),
      answers: { interest: 'Data platform' },
      notes: 'Met at the fair',
      fields: expect.objectContaining({ email: person.email, firstName: 'Dana', title: 'VP Operations', country: 'US', phone: expect.stringMatching(/^\+1212555/) }),
      hasRecording: false,
      history: [expect.objectContaining({ fromState: null, toState: 'new', actorId: qa.id, actorName: expect.stringMatching(/^Test User/) })],
      // A new lead waits for the pipeline: nobody moves it by hand.
      nextStates: [],
    });

    const unknown = await t.api<Problem>(qa.token, { method: 'POST', path: '/api/leads', body: { contactId: campaign.campaignId, campaignId: campaign.campaignId, campaignKind: 'call' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([{ field: 'body.contactId', message: 'is not a contact' }]);
    const wrongKind = await t.api<Problem>(qa.token, { method: 'POST', path: '/api/leads', body: { contactId: person.contactId, campaignId: campaign.campaignId, campaignKind: 'email' } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.errors![0]!.field).toBe('body.campaignId');
    const extra = await t.api(qa.token, { method: 'POST', path: '/api/leads', body: { contactId: person.contactId, campaignId: campaign.campaignId, campaignKind: 'call', state: 'approved' } });
    expect(extra.status).toBe(400);
  });

  it("makes a lead for an email campaign, and reads that campaign's settings as an email campaign's", async () => {
    const qa = await analystOnce();
    const [campaign] = await t.deps.db.insert(emailCampaigns).values({ name: 'Nurture: data platform' }).returning({ id: emailCampaigns.id });
    const person = await contactFixture(t);
    const res = await t.api<LeadDetail>(qa.token, { method: 'POST', path: '/api/leads', body: { contactId: person.contactId, campaignId: campaign!.id, campaignKind: 'email' } });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ campaignKind: 'email', campaignName: 'Nurture: data platform', source: 'manual' });
    const settings = await t.api<{ campaignKind: string }>(qa.token, { method: 'GET', path: `/api/leads/campaigns/${campaign!.id}/settings` });
    expect(settings.json.campaignKind).toBe('email');
    expect((await t.api(qa.token, { method: 'POST', path: '/api/leads', body: { contactId: person.contactId, campaignId: campaign!.id, campaignKind: 'call' } })).status).toBe(400);
  });

  it('imports a lead CSV: known contacts become leads with the other columns as answers; bad rows are skipped with why; a second import makes nothing', async () => {
    const qa = await analystOnce();
    const campaign = await callCampaignFixture(t);
    const [a, b] = [await contactFixture(t), await contactFixture(t)];
    const csv = [
      '\ufeffFirst name,E-mail,Budget,Timeline',
      `Dana,${a.email.toUpperCase()},25000,this quarter`,
      'Ravi,ravi@nowhere.example,10000,later',
      'Lee,not-an-email,1,now',
      `"Bee, Jr.",  ${b.email}  ,"50,000",`,
      ',,,',
      `Dana again,${a.email},1,now`,
      'Nobody,,5,later',
    ].join('\r\n');
    const res = await t.api<LeadImportResult>(qa.token, { method: 'POST', path: '/api/leads/import', body: { campaignId: campaign.campaignId, campaignKind: 'call', csv } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.created).toBe(2);
    expect(res.json.skipped).toEqual([
      { row: 3, reason: 'No contact with the email ravi@nowhere.example' },
      { row: 4, reason: '"not-an-email" is not an email address' },
      // Row 6 is blank: passed over in silence.
      { row: 7, reason: 'Duplicate of row 2' },
      { row: 8, reason: 'No email' },
    ]);
    const made = await t.deps.db.select().from(leads).where(eq(leads.campaignId, campaign.campaignId));
    expect(made.map((l) => [l.contactId, l.source, l.state, l.answers]).sort()).toEqual(
      [
        [a.contactId, 'import', 'new', { 'First name': 'Dana', Budget: '25000', Timeline: 'this quarter' }],
        [b.contactId, 'import', 'new', { 'First name': 'Bee, Jr.', Budget: '50,000' }],
      ].sort(),
    );
    const history = await t.deps.db.select().from(leadTransitions).where(eq(leadTransitions.leadId, made[0]!.id));
    expect(history).toEqual([expect.objectContaining({ toState: 'new', actorId: qa.id, note: 'Imported' })]);

    const again = await t.api<LeadImportResult>(qa.token, { method: 'POST', path: '/api/leads/import', body: { campaignId: campaign.campaignId, campaignKind: 'call', csv } });
    expect(again.json.created).toBe(0);
    expect(again.json.skipped.filter((s) => s.reason === 'This contact already has a lead in this campaign').map((s) => s.row)).toEqual([2, 5, 7]);
    expect(await t.deps.db.select({ id: leads.id }).from(leads).where(eq(leads.campaignId, campaign.campaignId))).toHaveLength(2);
  });

  it('makes each lead once when the same file is imported twice at once, and keeps any column name as an answer', async () => {
    const qa = await analystOnce();
    const campaign = await callCampaignFixture(t);
    const people = [await contactFixture(t), await contactFixture(t), await contactFixture(t)];
    const csv = ['Email,__proto__,constructor', ...people.map((p, i) => `${p.email},yes ${i},x`)].join('\n');
    const post = () => t.api<LeadImportResult>(qa.token, { method: 'POST', path: '/api/leads/import', body: { campaignId: campaign.campaignId, campaignKind: 'call', csv } });
    const [one, two] = await Promise.all([post(), post()]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(one.json.created + two.json.created).toBe(3);
    const made = await t.deps.db.select().from(leads).where(eq(leads.campaignId, campaign.campaignId));
    expect(made.map((l) => l.contactId).sort()).toEqual(people.map((p) => p.contactId).sort());
    const answers = made.find((l) => l.contactId === people[0]!.contactId)!.answers as Record<string, unknown>;
    expect(Object.hasOwn(answers, '__proto__')).toBe(true);
    expect(answers['__proto__']).toBe('yes 0');
    expect(answers.constructor).toBe('x');
  });

  it('refuses a file without an Email column, without rows, or for a campaign that is not there, and writes nothing', async () => {
    const qa = await analystOnce();
    const campaign = await callCampaignFixture(t);
    const person = await contactFixture(t);
    const post = (body: Record<string, unknown>) => t.api<Problem>(qa.token, { method: 'POST', path: '/api/leads/import', body: { campaignId: campaign.campaignId, campaignKind: 'call', ...body } });
    expect((await post({ csv: 'Name,Phone\nDana,1' })).json.errors).toEqual([{ field: 'body.csv', message: 'needs an Email column' }]);
    expect((await post({ csv: 'Email\n' })).json.errors).toEqual([{ field: 'body.csv', message: 'has no rows under its header' }]);
    expect((await post({ csv: 'Email,Note\n"unterminated,1\n' })).json.errors![0]!.field).toBe('body.csv');
    expect((await post({ csv: `Email\n${person.email}`, campaignKind: 'email' })).json.errors![0]!.field).toBe('body.campaignId');
    expect((await post({ csv: '' })).status).toBe(400);
    expect(await t.deps.db.select({ id: leads.id }).from(leads).where(eq(leads.contactId, person.contactId))).toEqual([]);
  });

  it('lists the queue with filters, sorts and cursor pages; age, SLA and rule-perfect on each item', async () => {
    const qa = await analystOnce();
    const campaign = await callCampaignFixture(t);
    const agent = await userWithToken(t, ['agent']);
    const start = t.clock.now();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await leadFixture(t, { campaignId: campaign.campaignId, agentId: i === 0 ? agent.id : null, score: i === 3 ? scoreOf(['phone_validity']) : scoreOf() }));
      t.clock.advance(60_000);
    }
    const mismatched = await leadFixture(t, { campaignId: campaign.campaignId, accountMatched: false });
    const pending = await leadFixture(t, { campaignId: campaign.campaignId, state: 'new', pipelineStatus: 'scoring', score: null, accountMatched: null, queuedAt: null });
    const list = (query: Record<string, string>) => t.api<LeadListPage>(qa.token, { method: 'GET', path: '/api/leads', query: { campaignId: campaign.campaignId, ...query } });

    const all = await list({});
    expect(all.status, all.text).toBe(200);
    expect(all.json.items.map((i) => i.id)).toEqual([...ids, mismatched, pending]);
    const first = all.json.items[0]!;
    expect(first).toMatchObject({ agentId: agent.id, agentName: expect.stringMatching(/^Test User/), campaignName: expect.stringMatching(/^Q3/), score: 95, scorer: 'rules', suggestedVerdict: 'approve' });
    expect(first.ageSeconds).toBe(5 * 60);
    expect(first.overdue).toBe(false);
    expect(all.json.items.map((i) => i.rulePerfect)).toEqual([true, true, true, false, true, false, false]);

    expect((await list({ state: 'new' })).json.items.map((i) => i.id)).toEqual([pending]);
    expect((await list({ agentId: agent.id })).json.items.map((i) => i.id)).toEqual([ids[0]]);
    expect((await list({ suggestedVerdict: 'review' })).json.items.map((i) => i.id)).toEqual([ids[3]]);

    // Pages of two, highest score first, ties by id: every lead once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ sort: '-score', limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.status, page.text).toBe(200);
      seen.push(...page.json.items.map((i) => i.id));
      cursor = page.json.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen[seen.length - 1]).toBe(pending);
    const byScore = (await list({ sort: '-score' })).json.items.map((i) => i.score ?? -1);
    expect(byScore).toEqual([...byScore].sort((x, y) => y - x));

    const timePage = await list({ sort: '-created_at', limit: '3' });
    const next = await list({ sort: '-created_at', limit: '3', cursor: timePage.json.nextCursor! });
    expect(next.status, next.text).toBe(200);
    expect([...timePage.json.items, ...next.json.items].map((i) => i.id)).toEqual([pending, mismatched, ...ids.slice().reverse()].slice(0, 6));
    expect((await t.api<Problem>(qa.token, { method: 'GET', path: '/api/leads', query: { sort: 'score', cursor: timePage.json.nextCursor! } })).status).toBe(400);
    expect((await t.api<Problem>(qa.token, { method: 'GET', path: '/api/leads', query: { cursor: 'garbage' } })).status).toBe(400);
    expect((await t.api<Problem>(qa.token, { method: 'GET', path: '/api/leads', query: { sort: 'name' } })).status).toBe(400);

    // A day later, every lead still waiting is past the SLA.
    t.clock.advance(QA_SLA_SECONDS * 1000 + 1000);
    const late = await list({ overdue: 'true' });
    expect(late.json.items).toHaveLength(7);
    expect(late.json.items[0]!.ageSeconds).toBe(Math.floor((t.clock.now().getTime() - start.getTime()) / 1000));
    expect((await list({ overdue: 'false' })).json.items).toEqual([]);
    await t.deps.db.update(leads).set({ fields: { firstName: 'Ana', lastName: 'Ruiz', email: 'ana@fabrikam.example', company: 'Fabrikam 100%' } }).where(eq(leads.id, pending));
    expect((await list({ q: 'FABRIKAM' })).json.items.map((i) => i.id)).toEqual([pending]);
    expect((await list({ q: 'kam 100%' })).json.items.map((i) => i.id)).toEqual([pending]);
    expect((await list({ q: '%' })).json.items.map((i) => i.id)).toEqual([pending]);
    expect((await list({ q: 'northwind ltd' })).json.items).toHaveLength(6);
  });

  it('shows a lead with its transcript, newest score, account check, checklist, stage runs and what the viewer may do next', async () => {
    const qa = await analystOnce();
    const campaign = await callCampaignFixture(t);
    await campaignSettingsFixture(t, campaign.campaignId, { checklist: [{ id: 'consent', label: 'Consent heard', required: true }] });
    const id = await leadFixture(t, { campaignId: campaign.campaignId, score: scoreOf(['email_confirmation']) });
    const newer = scoreOf();
    t.clock.advance(1000);
    const { leadScores } = await import('../../../db/schema');
    await t.deps.db.insert(leadScores).values({ leadId: id, scorer: 'ai', overall: 97, verdict: 'approve', result: { ...newer, scorer: 'ai' }, createdAt: t.clock.now() });
    await t.deps.db.insert(leadTranscripts).values({
      leadId: id,
      vendor: 'assemblyai',
      audioSeconds: 90,
      utterances: [{ speaker: 'prospect', startMs: 1200, endMs: 2400, text: 'Yes, send it to my work email.' }],
    });
    await t.deps.db.insert(leadStageRuns).values({ leadId: id, stage: 'score', outcome: 'ok', startedAt: t.clock.now(), endedAt: t.clock.now(), vendor: 'openai', inputTokens: 1200 });

    const res = await t.api<LeadDetail>(qa.token, { method: 'GET', path: `/api/leads/${id}` });
    expect(res.status, res.text).toBe(200);
    expect(res.json.scoring).toMatchObject({ scorer: 'ai', overall: 95 });
    expect(res.json.transcript).toEqual({ vendor: 'assemblyai', audioSeconds: 90, utterances: [{ speaker: 'prospect', startMs: 1200, endMs: 2400, text: 'Yes, send it to my work email.' }] });
    expect(res.json.accountCheck).toMatchObject({ matched: true });
    expect(res.json.checklistItems).toEqual([{ id: 'consent', label: 'Consent heard', required: true }]);
    expect(res.json.stages).toEqual([expect.objectContaining({ stage: 'score', outcome: 'ok', vendor: 'openai', inputTokens: 1200 })]);
    expect(res.json.nextStates.sort()).toEqual(['approved', 'rejected']);
    expect(res.json.deliveries).toEqual([]);

    expect((await t.api(qa.token, { method: 'GET', path: `/api/leads/${campaign.campaignId}` })).status).toBe(404);
    expect((await t.api(qa.token, { method: 'GET', path: '/api/leads/not-a-uuid' })).status).toBe(400);
  });
});
