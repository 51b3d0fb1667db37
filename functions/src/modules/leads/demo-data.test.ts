// The leads demo on top of the telephony demo: leads in every state from the positive calls first,
// each with a transcript, a score whose quotes point into it, an account check, stage runs with AI
// cost and a history the state table allows; the client's campaign settings, an inactive delivery
// configuration and deliveries with receipts, one dead; the report reads it; and nothing the
// second time.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_STATES, LEAD_TRANSITIONS, leadScoreSchema, utteranceSchema } from '@shared/contracts/leads';
import { createTestDeps, type TestContext } from '../../../test/support/test-deps';
import { FAST_AUTH_ENV, makeUser } from '../../../test/support/identity-fixtures';
import { telephonyHooks } from '../../composition';
import { queryOne, queryRows } from '../../db/rows';
import { insertContacts } from '../compliance/testing';
import { seedTelephonyDemo } from '../telephony';
import { seedDemoDeliveryWebhook, seedLeadsDemo } from './demo-data';
import { leadReport } from './reports/lead-report';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, TELEPHONY_SECRET_KEY: randomBytes(32).toString('base64'), DELIVERY_ALLOW_PRIVATE_TARGETS: 'true' } });
}, 60_000);
afterAll(async () => ctx?.close());

describe('the leads demo', () => {
  it('is nothing without call campaigns', async () => {
    expect(await seedLeadsDemo(ctx.deps)).toBeNull();
  });

  it('loads leads in every state from the demo calls, with the pipeline’s work, the history, the client settings and deliveries, once', async () => {
    await insertContacts(
      ctx.deps.db,
      Array.from({ length: 24 }, (_, i) => ({ fullName: `Prospect ${i}`, email: `prospect${i}@example.com`, directPhone: `+1415555${String(2000 + i)}`, country: 'US' })),
    );
    await makeUser(ctx.deps, { roles: ['agent'] });
    const analyst = await makeUser(ctx.deps, { roles: ['quality_analyst'] });
    const telephony = await seedTelephonyDemo(ctx.deps, telephonyHooks);
    expect(telephony).not.toBeNull();

    const report = await seedLeadsDemo(ctx.deps);
    expect(report).toMatchObject({ leads: 12, deliveries: 5 });

    // Every state, and the pipeline's needs-review flag with its reason.
    const states = await queryRows<{ state: string; pipeline_status: string; pipeline_reason: string | null }>(
      ctx.deps.db,
      sql`select state, pipeline_status, pipeline_reason from leads`,
    );
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(LEAD_STATES));
    expect(states.find((s) => s.pipeline_status === 'needs_review')?.pipeline_reason).toMatch(/503/);

    // The positive calls became leads before any other call or contact did.
    const positives = await queryOne<{ calls: number; leads: number; others: number }>(
      ctx.deps.db,
      sql`select (select count(*)::int from calls c join call_dispositions d on d.id = c.disposition_id where d.outcome_class = 'positive') as calls,
        (select count(*)::int from leads l join calls c on c.id = l.call_id join call_dispositions d on d.id = c.disposition_id where d.outcome_class = 'positive') as leads,
        (select count(*)::int from leads where call_id is null or call_id not in (select c.id from calls c join call_dispositions d on d.id = c.disposition_id where d.outcome_class = 'positive')) as others`,
    );
    expect(positives!.leads).toBe(Math.min(positives!.calls, 12));
    expect(positives!.leads + positives!.others).toBe(12);
    expect(positives!.leads).toBeGreaterThan(0);

    // Each lead past transcription has a transcript, a valid score whose quotes are its words at its times, an account check and paid stage runs.
    const work = await queryRows<{ id: string; state: string; utterances: unknown; result: unknown; checked: boolean; cost: number; suggested: string | null; score: number | null }>(
      ctx.deps.db,
      sql`select l.id, l.state, t.utterances, s.result, (ac.lead_id is not null) as checked, l.suggested_verdict as suggested, l.score,
          (select coalesce(sum(r.cost_micros), 0)::int from lead_stage_runs r where r.lead_id = l.id) as cost
        from leads l left join lead_transcripts t on t.lead_id = l.id left join lead_scores s on s.lead_id = l.id
        left join lead_account_checks ac on ac.lead_id = l.id
        where l.pipeline_status <> 'transcribing'`,
    );
    expect(work).toHaveLength(11);
    for (const lead of work) {
      const utterances = utteranceSchema.array().parse(lead.utterances);
      expect(new Set(utterances.map((u) => u.speaker))).toEqual(new Set(['agent', 'prospect']));
      const score = leadScoreSchema.parse(lead.result);
      expect(score.factors).toHaveLength(8);
      expect(score.suggestedVerdict).toBe(lead.suggested);
      expect(score.overall).toBe(lead.score);
      for (const evidence of score.factors.flatMap((f) => f.evidence).filter((e) => e.kind === 'quote')) {
        const said = utterances.find((u) => u.startMs === evidence.startMs && u.endMs === evidence.endMs && u.speaker === evidence.speaker);
        expect(said?.text).toContain(evidence.text);
      }
      expect(lead.checked).toBe(true);
      expect(Number(lead.cost)).toBeGreaterThan(0);
    }

    // Every move is one the state table allows, the history ends in the lead's state, and verdicts name the analyst.
    const moves = await queryRows<{ lead_id: string; from_state: string | null; to_state: string; actor_id: string | null; reason_code: string | null; state: string }>(
      ctx.deps.db,
      sql`select t.lead_id, t.from_state, t.to_state, t.actor_id, t.reason_code, l.state from lead_transitions t join leads l on l.id = t.lead_id order by t.lead_id, t.at`,
    );
    for (const m of moves) {
      if (m.from_state === null) expect(m.to_state).toBe('new');
      else expect(LEAD_TRANSITIONS.some((t) => t.from === m.from_state && t.to === m.to_state), `${m.from_state} → ${m.to_state}`).toBe(true);
      if (m.to_state === 'approved' || m.to_state === 'rejected') expect(m.actor_id).toBe(analyst.id);
      if (m.to_state === 'rejected' || m.to_state === 'returned') expect(m.reason_code).toBeTruthy();
    }
    const last = new Map(moves.map((m) => [m.lead_id, m]));
    for (const m of last.values()) expect(m.to_state).toBe(m.state);

    // The client's QA settings for every demo campaign, and a delivery configuration that sends nowhere yet.
    const settings = await queryRows<{ checklist: unknown[]; client_org_id: string }>(ctx.deps.db, sql`select checklist, client_org_id from lead_campaign_settings`);
    expect(settings).toHaveLength(telephony!.campaignIds.length);
    for (const s of settings) expect(s).toMatchObject({ client_org_id: report!.clientOrgId, checklist: expect.arrayContaining([expect.objectContaining({ id: 'consent', required: true })]) });
    const config = await queryOne<{ kind: string; url: string; active: boolean }>(ctx.deps.db, sql`select kind, url, active from delivery_configs`);
    expect(config).toEqual({ kind: 'form_post', url: expect.stringMatching(/^https:\/\//), active: false });

    // Deliveries: the delivered ones end in a 200 receipt, the dead one in six failures.
    const deliveries = await queryRows<{ status: string; attempts: number; receipts: number; last_status: number | null; state: string }>(
      ctx.deps.db,
      sql`select d.status, d.attempts, l.state,
          (select count(*)::int from delivery_attempts a where a.delivery_id = d.id) as receipts,
          (select a.http_status from delivery_attempts a where a.delivery_id = d.id order by a.attempt desc limit 1) as last_status
        from lead_deliveries d join leads l on l.id = d.lead_id`,
    );
    expect(deliveries.filter((d) => d.status === 'dead')).toEqual([{ status: 'dead', attempts: 6, receipts: 6, last_status: 502, state: 'approved' }]);
    for (const d of deliveries.filter((d) => d.status === 'delivered')) {
      expect(d.last_status).toBe(200);
      expect(d.receipts).toBe(d.attempts);
      expect(['published', 'returned', 'replaced']).toContain(d.state);
    }
    expect(deliveries.some((d) => d.status === 'delivered' && d.attempts === 2)).toBe(true);

    // The report has something to show.
    const figures = await leadReport(ctx.deps, {});
    expect(figures.total).toBe(12);
    expect(figures.byState.every((s) => s.count > 0)).toBe(true);
    expect(figures.agreement.compared).toBeGreaterThan(0);
    expect(figures.aiCost.costMicros).toBeGreaterThan(0);
    expect(figures.rejectionReasons.map((r) => r.code).sort()).toEqual(['bad_email', 'no_consent']);

    expect(await seedLeadsDemo(ctx.deps)).toBeNull();
  });

  it('points an active signed webhook of the demo client at the given endpoint, once', async () => {
    expect(await seedDemoDeliveryWebhook(ctx.deps, 'http://127.0.0.1:4000/__fake-client/hooks/leads')).toBe(true);
    const hooks = await queryRows<{ url: string; active: boolean; secret_ref: string | null }>(
      ctx.deps.db,
      sql`select url, active, secret_ref from delivery_configs where kind = 'webhook' and deleted_at is null`,
    );
    expect(hooks).toEqual([{ url: 'http://127.0.0.1:4000/__fake-client/hooks/leads', active: true, secret_ref: expect.any(String) }]);
    expect(await seedDemoDeliveryWebhook(ctx.deps, 'http://127.0.0.1:4000/__fake-client/hooks/leads')).toBe(false);
  });
});
