// The lead QA report over leads written straight into the tables: states, verdicts (the latest
// move out of review, not while back in review), rejection reasons with their labels, time in QA
// from the transitions, per agent and campaign, suggested against human verdicts, the AI cost of
// the stage runs; the range and the campaign and client filters; bad ranges refused.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { leadReportQuerySchema } from '@shared/contracts/lead-reports';
import { fileContext } from '../../../../test/support/file-context';
import { createTestDeps } from '../../../../test/support/test-deps';
import { leadReport } from './lead-report';

const clock = { now: new Date('2026-06-15T12:00:00Z') };
const t = fileContext(() => createTestDeps({ now: () => clock.now }));

interface LeadSpec {
  campaign: 'a' | 'b';
  agent: 'ann' | 'bob';
  state: string;
  suggested?: 'approve' | 'reject' | 'review';
  created?: string;
  deleted?: boolean;
  /** [to state, minutes after 10:00, reason code?]; the first move new → under review is at 10:00. */
  moves?: [string, number, string?][];
}

const world = { campaignA: randomUUID(), campaignB: randomUUID(), clientX: randomUUID(), clientY: randomUUID(), ann: randomUUID(), bob: randomUUID(), leads: [] as string[] };

async function insertLead(spec: LeadSpec): Promise<string> {
  const db = t.deps.db;
  const id = randomUUID();
  const created = spec.created ?? '2026-06-10T09:00:00Z';
  const campaignId = spec.campaign === 'a' ? world.campaignA : world.campaignB;
  const clientId = spec.campaign === 'a' ? world.clientX : world.clientY;
  await db.execute(sql`insert into leads (id, state, source, campaign_id, campaign_kind, client_org_id, agent_id, suggested_verdict, created_at, deleted_at)
    values (${id}::uuid, ${spec.state}, 'call', ${campaignId}::uuid, 'call', ${clientId}::uuid, ${world[spec.agent]}::uuid, ${spec.suggested ?? null},
      ${created}::timestamptz, ${spec.deleted ? created : null}::timestamptz)`);
  const day = created.slice(0, 10);
  await db.execute(sql`insert into lead_transitions (lead_id, from_state, to_state, at) values (${id}::uuid, null, 'new', ${created}::timestamptz)`);
  let from = 'new';
  for (const [to, minutes, reason] of [['under_review', 0] as [string, number], ...(spec.moves ?? [])]) {
    const at = new Date(new Date(`${day}T10:00:00Z`).getTime() + minutes * 60_000).toISOString();
    await db.execute(sql`insert into lead_transitions (lead_id, from_state, to_state, actor_id, reason_code, at)
      values (${id}::uuid, ${from}, ${to}, ${world.ann}::uuid, ${reason ?? null}, ${at}::timestamptz)`);
    from = to;
  }
  return id;
}

async function insertRun(leadId: string, run: { stage: string; attempt?: number; outcome?: string; vendor?: string; model?: string; audio?: number; input?: number; output?: number; cost?: number }) {
  await t.deps.db.execute(sql`insert into lead_stage_runs (lead_id, stage, attempt, outcome, started_at, ended_at, vendor, model, audio_seconds, input_tokens, output_tokens, cost_micros)
    values (${leadId}::uuid, ${run.stage}, ${run.attempt ?? 1}, ${run.outcome ?? 'ok'}, '2026-06-10T09:01:00Z', '2026-06-10T09:02:00Z', ${run.vendor ?? null}, ${run.model ?? null},
      ${run.audio ?? null}, ${run.input ?? null}, ${run.output ?? null}, ${run.cost ?? null})`);
}

beforeAll(async () => {
  const db = t.deps.db;
  await db.execute(sql`insert into organisations (id, name) values (${world.clientX}::uuid, 'Client X'), (${world.clientY}::uuid, 'Client Y')`);
  await db.execute(sql`insert into users (id, username, email, first_name, last_name)
    values (${world.ann}::uuid, 'ann', 'ann@example.com', 'Ann', 'Agent'), (${world.bob}::uuid, 'bob', 'bob@example.com', 'Bob', 'Caller')`);
  await db.execute(sql`insert into call_campaigns (id, name, seller_name, seller_phone)
    values (${world.campaignA}::uuid, 'Discovery calls', 'Acme', '+14155550100'), (${world.campaignB}::uuid, 'Webinar invitations', 'Acme', '+14155550100')`);
  const specs: LeadSpec[] = [
    // 0: approved in an hour, as suggested.
    { campaign: 'a', agent: 'ann', state: 'approved', suggested: 'approve', moves: [['approved', 60]] },
    // 1: suggested approve, rejected after two hours.
    { campaign: 'a', agent: 'ann', state: 'rejected', suggested: 'approve', moves: [['rejected', 120, 'no_consent']] },
    // 2: approved in half an hour, then delivered: still an approval.
    { campaign: 'a', agent: 'bob', state: 'published', suggested: 'approve', moves: [['approved', 30], ['published', 40]] },
    // 3: approved at 10 min, reopened, rejected: the verdict is the rejection, the time the first verdict's.
    { campaign: 'b', agent: 'bob', state: 'rejected', suggested: 'reject', moves: [['approved', 10], ['under_review', 20], ['rejected', 40, 'bad_email']] },
    // 4: waiting in the queue.
    { campaign: 'b', agent: 'bob', state: 'under_review', suggested: 'review' },
    // 5: not queued yet.
    { campaign: 'a', agent: 'ann', state: 'new' },
    // 6: approved, then back in review: no verdict now.
    { campaign: 'a', agent: 'bob', state: 'under_review', suggested: 'approve', moves: [['approved', 15], ['under_review', 25]] },
    // 7: before the range.
    { campaign: 'a', agent: 'ann', state: 'approved', suggested: 'reject', created: '2026-05-01T09:00:00Z', moves: [['approved', 5]] },
    // 8: deleted.
    { campaign: 'b', agent: 'ann', state: 'rejected', suggested: 'approve', deleted: true, moves: [['rejected', 5, 'duplicate']] },
  ];
  for (const spec of specs) world.leads.push(await insertLead(spec));
  const [l0, , , l3, , , , l7] = world.leads;
  await insertRun(l0!, { stage: 'transcribe', vendor: 'assemblyai', model: 'universal', audio: 120, cost: 7_500 });
  await insertRun(l0!, { stage: 'score', vendor: 'openai', model: 'gpt-4.1-mini', input: 1_000, output: 200, cost: 720 });
  await insertRun(l3!, { stage: 'score', vendor: 'openai', model: 'gpt-4.1-mini', outcome: 'failed', input: 900, output: 0, cost: 360 });
  await insertRun(l3!, { stage: 'score', attempt: 2, vendor: 'openai', model: 'gpt-4.1-mini', input: 1_100, output: 250, cost: 840 });
  await insertRun(l3!, { stage: 'queue' });
  await insertRun(l7!, { stage: 'transcribe', vendor: 'assemblyai', model: 'universal', audio: 300, cost: 18_000 });
});

const RANGE = { from: '2026-06-01T00:00:00Z', to: '2026-06-16T00:00:00Z' };

describe('the lead QA report', () => {
  it('counts states, verdicts, reasons, time in QA, agents, campaigns, agreement and AI cost over the leads of the range', async () => {
    const report = await leadReport(t.deps, RANGE);

    expect(report).toMatchObject({ from: '2026-06-01T00:00:00.000Z', to: '2026-06-16T00:00:00.000Z', total: 7, campaignId: null, clientOrgId: null });
    expect(report.byState).toEqual([
      { state: 'new', count: 1 },
      { state: 'under_review', count: 2 },
      { state: 'approved', count: 1 },
      { state: 'rejected', count: 2 },
      { state: 'published', count: 1 },
      { state: 'returned', count: 0 },
      { state: 'replaced', count: 0 },
    ]);
    // Time in QA: 60, 120, 30 and 10 minutes (the reopened lead's first verdict) → p50 45 min, p95 111 min.
    expect(report.verdicts).toEqual({ leads: 7, approved: 2, rejected: 2, approvalRate: 0.5, timeInQa: { count: 4, p50Seconds: 2_700, p95Seconds: 6_660 } });
    expect(report.rejectionReasons).toEqual([
      { code: 'bad_email', label: 'Email undeliverable or not confirmed', count: 1 },
      { code: 'no_consent', label: 'No permission to contact or consent not recorded', count: 1 },
    ]);
    expect(report.byAgent).toEqual([
      { agentId: world.bob, agentName: 'Bob Caller', leads: 4, approved: 1, rejected: 1, approvalRate: 0.5, timeInQa: { count: 2, p50Seconds: 1_200, p95Seconds: 1_740 } },
      { agentId: world.ann, agentName: 'Ann Agent', leads: 3, approved: 1, rejected: 1, approvalRate: 0.5, timeInQa: { count: 2, p50Seconds: 5_400, p95Seconds: 7_020 } },
    ]);
    expect(report.byCampaign).toEqual([
      { campaignId: world.campaignA, campaignName: 'Discovery calls', campaignKind: 'call', leads: 5, approved: 2, rejected: 1, approvalRate: 2 / 3, timeInQa: { count: 3, p50Seconds: 3_600, p95Seconds: 6_840 } },
      { campaignId: world.campaignB, campaignName: 'Webinar invitations', campaignKind: 'call', leads: 2, approved: 0, rejected: 1, approvalRate: 0, timeInQa: { count: 1, p50Seconds: 600, p95Seconds: 600 } },
    ]);
    // Suggested approve: 2 approved, 1 rejected; suggested reject: 1 rejected. The queued 'review' lead has no verdict.
    expect(report.agreement).toEqual({
      compared: 4,
      agreed: 3,
      rate: 0.75,
      matrix: [
        { suggested: 'approve', verdict: 'approved', count: 2 },
        { suggested: 'approve', verdict: 'rejected', count: 1 },
        { suggested: 'reject', verdict: 'approved', count: 0 },
        { suggested: 'reject', verdict: 'rejected', count: 1 },
        { suggested: 'review', verdict: 'approved', count: 0 },
        { suggested: 'review', verdict: 'rejected', count: 0 },
      ],
    });
    // The failed attempt cost too; the lead before the range and the vendor-less queue run do not count.
    expect(report.aiCost).toEqual({
      leads: 2,
      audioSeconds: 120,
      inputTokens: 3_000,
      outputTokens: 450,
      costMicros: 9_420,
      byStage: [
        { stage: 'score', vendor: 'openai', model: 'gpt-4.1-mini', runs: 3, audioSeconds: 0, inputTokens: 3_000, outputTokens: 450, costMicros: 1_920 },
        { stage: 'transcribe', vendor: 'assemblyai', model: 'universal', runs: 1, audioSeconds: 120, inputTokens: 0, outputTokens: 0, costMicros: 7_500 },
      ],
    });
  });

  it('narrows to one campaign or one client', async () => {
    const webinar = await leadReport(t.deps, { ...RANGE, campaignId: world.campaignB });
    expect(webinar).toMatchObject({ total: 2, campaignId: world.campaignB, verdicts: { approved: 0, rejected: 1 } });
    expect(webinar.byCampaign.map((c) => c.campaignId)).toEqual([world.campaignB]);
    expect(webinar.rejectionReasons.map((r) => r.code)).toEqual(['bad_email']);

    const clientX = await leadReport(t.deps, { ...RANGE, clientOrgId: world.clientX });
    expect(clientX).toMatchObject({ total: 5, clientOrgId: world.clientX, verdicts: { approved: 2, rejected: 1 } });
    expect(clientX.aiCost.costMicros).toBe(8_220);
  });

  it('answers zeros and no rates for a range without leads, and defaults to the last 30 days', async () => {
    const empty = await leadReport(t.deps, { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' });
    expect(empty).toMatchObject({ total: 0, byAgent: [], byCampaign: [], rejectionReasons: [] });
    expect(empty.verdicts).toEqual({ leads: 0, approved: 0, rejected: 0, approvalRate: null, timeInQa: { count: 0, p50Seconds: null, p95Seconds: null } });
    expect(empty.agreement).toMatchObject({ compared: 0, agreed: 0, rate: null });
    expect(empty.agreement.matrix.every((c) => c.count === 0)).toBe(true);
    expect(empty.aiCost).toEqual({ leads: 0, audioSeconds: 0, inputTokens: 0, outputTokens: 0, costMicros: 0, byStage: [] });
    expect(empty.byState.every((s) => s.count === 0)).toBe(true);

    const recent = await leadReport(t.deps, {});
    expect(recent).toMatchObject({ from: '2026-05-16T12:00:00.000Z', to: '2026-06-15T12:00:00.000Z', total: 7 });
  });

  it('refuses a backwards or too long range and ids that are not uuids', async () => {
    await expect(leadReport(t.deps, { from: RANGE.to, to: RANGE.from })).rejects.toMatchObject({ code: 'invalid' });
    await expect(leadReport(t.deps, { from: '2024-01-01T00:00:00Z', to: RANGE.to })).rejects.toMatchObject({ code: 'invalid' });
    expect(leadReportQuerySchema.safeParse({ campaignId: 'discovery' }).success).toBe(false);
    expect(leadReportQuerySchema.safeParse({ from: 'yesterday' }).success).toBe(false);
    expect(leadReportQuerySchema.safeParse({ state: 'new' }).success).toBe(false);
  });
});
