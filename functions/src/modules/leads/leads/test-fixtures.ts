// Fixtures of the leads tests: the local stack's pieces (a fresh database, dynalite for the agents'
// presence, s3rver as the data bucket), the leads and telephony APIs wired as the root wires them,
// users of each role with real tokens, and builders for an account with a contact, a call campaign
// with a positive disposition, a connected call, a lead in any state with a score and an account check.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { LEAD_FACTORS, type AccountCheck, type LeadScore, type LeadState, type PipelineStatus } from '@shared/contracts/leads';
import type { Role } from '@shared/roles';
import { createEmulatedStack, type EmulatedStack } from '../../../../test/support/emulated-stack';
import type { TestContext } from '../../../../test/support/test-deps';
import { makeUser } from '../../../../test/support/identity-fixtures';
import { invoke, type InvokeRequest, type InvokeResponse } from '../../../../test/support/invoke';
import { leadsHooks, telephonyHooks } from '../../../composition';
import {
  accounts,
  callCampaigns,
  callDispositions,
  calls,
  contacts,
  leadAccountChecks,
  leadCampaignSettings,
  leads,
  leadScores,
  leadTransitions,
} from '../../../db/schema';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { issueAccessToken } from '../../identity';
import { createTelephonyModule } from '../../telephony';
import { createLeadsModule } from '../index';

export const BUCKET = 'pivotal-leads-test';

export interface LeadsTestContext extends EmulatedStack {
  leadsApi: HttpHandler;
  telephonyApi: HttpHandler;
  api<T = unknown>(token: string, request: Omit<InvokeRequest, 'token'>): Promise<InvokeResponse<T>>;
}

export async function createLeadsTestContext(): Promise<LeadsTestContext> {
  const ctx = await createEmulatedStack('leads');
  const leadsApi = createHttpHandler(createLeadsModule(leadsHooks), { deps: async () => ctx.deps });
  const telephonyApi = createHttpHandler(createTelephonyModule(telephonyHooks), { deps: async () => ctx.deps });
  return { ...ctx, leadsApi, telephonyApi, api: (token, request) => invoke(leadsApi, { ...request, token }) };
}

export interface UserWithToken {
  id: string;
  token: string;
}

export async function userWithToken(t: TestContext, roles: Role[]): Promise<UserWithToken> {
  const user = await makeUser(t.deps, { roles });
  const { accessToken } = await issueAccessToken(t.deps, { id: user.id, roles, orgId: null, tokenVersion: 0, sessionId: null });
  return { id: user.id, token: accessToken };
}

let seq = 0;

/** An account (Acme-like, in the US) with one contact who has only a full name, an email and a direct line. */
export async function contactFixture(t: TestContext, input: { email?: string; country?: string } = {}): Promise<{ contactId: string; accountId: string; email: string }> {
  const n = ++seq;
  const [account] = await t.deps.db
    .insert(accounts)
    .values({ name: `Northwind ${n} Ltd`, domain: `northwind${n}-${randomUUID().slice(0, 6)}.com`, country: 'US', industry: 'Software' })
    .returning({ id: accounts.id, domain: accounts.domain });
  const email = input.email ?? `dana.buyer${n}@${account!.domain}`;
  const [contact] = await t.deps.db
    .insert(contacts)
    .values({ accountId: account!.id, fullName: `Dana Buyer${n}`, email, jobTitle: 'VP Operations', directPhone: `+1212555${String(2000 + n).padStart(4, '0')}`, country: input.country ?? 'US' })
    .returning({ id: contacts.id });
  return { contactId: contact!.id, accountId: account!.id, email };
}

/** An active call campaign with a positive and a negative disposition. */
export async function callCampaignFixture(t: TestContext): Promise<{ campaignId: string; positive: string; negative: string }> {
  const [campaign] = await t.deps.db
    .insert(callCampaigns)
    .values({ name: `Q3 outreach ${randomUUID().slice(0, 6)}`, status: 'active', sellerName: 'Acme Analytics', sellerPhone: '+14155550199', callerId: '+14155550100', form: [] })
    .returning({ id: callCampaigns.id });
  const id = campaign!.id;
  const rows = await t.deps.db
    .insert(callDispositions)
    .values([
      { campaignId: id, code: 'interested', label: 'Interested', outcomeClass: 'positive', position: 1, retryAfterMinutes: null },
      { campaignId: id, code: 'not_interested', label: 'Not interested', outcomeClass: 'negative', position: 2, retryAfterMinutes: 60 },
    ])
    .returning({ id: callDispositions.id, code: callDispositions.code });
  return { campaignId: id, positive: rows.find((r) => r.code === 'interested')!.id, negative: rows.find((r) => r.code === 'not_interested')!.id };
}

/** A call the agent was connected to, ended, with its recording saved. */
export async function endedCall(t: TestContext, input: { campaignId: string; contactId: string; agentId: string; recordingKey?: string | null }): Promise<string> {
  const now = t.deps.now();
  const [call] = await t.deps.db
    .insert(calls)
    .values({
      campaignId: input.campaignId,
      contactId: input.contactId,
      agentId: input.agentId,
      origin: 'manual',
      toNumber: '+12125559876',
      fromNumber: '+14155550100',
      callControlId: `v3:${randomUUID()}`,
      state: 'ended',
      startedAt: now,
      answeredAt: now,
      bridgedAt: now,
      endedAt: new Date(now.getTime() + 90_000),
      recordingKey: input.recordingKey === undefined ? `recordings/${randomUUID()}.wav` : input.recordingKey,
      recordingSeconds: 90,
    })
    .returning({ id: calls.id });
  return call!.id;
}

/** Eight passing factors (or failing the named ones). */
export function scoreOf(failing: string[] = []): LeadScore {
  return {
    scorer: 'rules',
    factors: LEAD_FACTORS.map((factor) => ({
      factor,
      score: failing.includes(factor) ? 20 : 95,
      verdict: failing.includes(factor) ? 'fail' : 'pass',
      reason: failing.includes(factor) ? 'Not found in the data' : 'Confirmed',
      evidence: [{ kind: 'field', text: 'from the record', speaker: null, startMs: null, endMs: null, field: 'email_status' }],
    })),
    overall: failing.length ? 60 : 95,
    suggestedVerdict: failing.length ? 'review' : 'approve',
    summary: failing.length ? 'Some factors failed' : 'Every factor passed',
  };
}

export interface LeadSeed {
  campaignId: string;
  contactId?: string;
  state?: LeadState;
  pipelineStatus?: PipelineStatus;
  score?: LeadScore | null;
  accountMatched?: boolean | null;
  queuedAt?: Date | null;
  agentId?: string | null;
  fields?: Record<string, unknown>;
}

/** A lead of a call campaign as the pipeline leaves it: queued under review with a score and an account check by default. */
export async function leadFixture(t: TestContext, seed: LeadSeed): Promise<string> {
  const now = t.deps.now();
  const contactId = seed.contactId ?? (await contactFixture(t)).contactId;
  const score = seed.score === undefined ? scoreOf() : seed.score;
  const [lead] = await t.deps.db
    .insert(leads)
    .values({
      state: seed.state ?? 'under_review',
      source: 'manual',
      contactId,
      campaignId: seed.campaignId,
      campaignKind: 'call',
      agentId: seed.agentId ?? null,
      pipelineStatus: seed.pipelineStatus ?? 'queued',
      queuedAt: seed.queuedAt === undefined ? now : seed.queuedAt,
      score: score?.overall ?? null,
      scorer: score?.scorer ?? null,
      suggestedVerdict: score?.suggestedVerdict ?? null,
      fields: seed.fields ?? { firstName: 'Dana', lastName: 'Buyer', email: `dana${++seq}@northwind.com`, company: 'Northwind Ltd', country: 'US' },
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: leads.id });
  const id = lead!.id;
  await t.deps.db.insert(leadTransitions).values({ leadId: id, fromState: null, toState: 'new', at: now });
  if (score) await t.deps.db.insert(leadScores).values({ leadId: id, scorer: score.scorer, overall: score.overall, verdict: score.suggestedVerdict, result: score, createdAt: now });
  const matched = seed.accountMatched === undefined ? true : seed.accountMatched;
  if (matched !== null) {
    const check: AccountCheck = { matched, enriched: false, checks: [{ criterion: 'country', expected: 'US', actual: matched ? 'US' : 'FR', verdict: matched ? 'match' : 'mismatch', source: 'data' }] };
    await t.deps.db.insert(leadAccountChecks).values({ leadId: id, matched, result: check });
  }
  return id;
}

/** Saves a campaign's QA settings straight to the table. */
export async function campaignSettingsFixture(
  t: TestContext,
  campaignId: string,
  settings: { checklist?: { id: string; label: string; required: boolean }[]; clientOrgId?: string | null; autoDeliver?: boolean },
): Promise<void> {
  await t.deps.db.delete(leadCampaignSettings).where(eq(leadCampaignSettings.campaignId, campaignId));
  await t.deps.db.insert(leadCampaignSettings).values({
    campaignId,
    campaignKind: 'call',
    checklist: settings.checklist ?? [],
    clientOrgId: settings.clientOrgId ?? null,
    autoDeliver: settings.autoDeliver ?? false,
  });
}
