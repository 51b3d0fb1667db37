// Demo data for `npm start -- --demo`: leads of the demo call campaigns in every state, made from
// the calls with positive dispositions where there are enough (else from other connected calls,
// then from the campaign's contacts by hand), each with what the pipeline and the analysts would
// have left: a transcript by speaker, a score whose factors quote it with times, an account check,
// stage runs with their AI cost, the transition history with reviewers and reason codes; each
// campaign's QA settings for a client organisation, an (inactive) form-post delivery configuration
// and deliveries with their receipts, one of them dead. Written straight to the tables, once.
import { sql } from 'drizzle-orm';
import {
  accountCheckSchema,
  leadScoreSchema,
  type AccountCheck,
  type ChecklistItem,
  type FactorScore,
  type LeadFactor,
  type LeadScore,
  type LeadState,
  type Utterance,
} from '@shared/contracts/leads';
import type { Deps } from '../../core/deps';
import { configDepsOf, createConfig } from './delivery/configs';
import { deliveryKitOf } from './delivery/deliver';
import { queryOne, queryRows } from '../../db/rows';
import {
  deliveryAttempts,
  deliveryConfigs,
  leadAccountChecks,
  leadCampaignSettings,
  leadDeliveries,
  leadScores,
  leadStageRuns,
  leadTranscripts,
  leadTransitions,
  leads,
} from '../../db/schema';

export interface LeadsDemoReport {
  leads: number;
  clientOrgId: string;
  deliveryConfigId: string;
  deliveries: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CLIENT_NAME = 'Northwind Analytics';

export const DEMO_CHECKLIST: ChecklistItem[] = [
  { id: 'consent', label: 'Consent to be contacted is on the recording', required: true },
  { id: 'email_confirmed', label: 'Email address read back and confirmed', required: true },
  { id: 'qualified', label: 'Qualification questions asked and answered', required: true },
  { id: 'title', label: 'Job title fits the campaign', required: false },
];

const DEMO_CRITERIA = {
  industries: ['Software', 'Financial Services', 'Healthcare', 'Retail'],
  employeeMin: 50,
  employeeMax: 10000,
  revenueMin: null,
  revenueMax: null,
  countries: ['US', 'CA', 'GB'],
  technologies: [],
};

/** What each demo lead went through. */
interface Story {
  state: LeadState;
  pipeline: 'transcribing' | 'queued' | 'needs_review';
  suggested: 'approve' | 'reject' | 'review' | null;
  /** Failing factors of the score. */
  fails: LeadFactor[];
  reject?: string;
  returned?: string;
  delivery?: 'delivered' | 'retried' | 'dead';
}

const STORIES: Story[] = [
  { state: 'new', pipeline: 'transcribing', suggested: null, fails: [] },
  { state: 'under_review', pipeline: 'queued', suggested: 'approve', fails: [] },
  { state: 'under_review', pipeline: 'queued', suggested: 'review', fails: ['qualification_answers'] },
  { state: 'under_review', pipeline: 'needs_review', suggested: 'review', fails: [] },
  { state: 'approved', pipeline: 'queued', suggested: 'approve', fails: [] },
  { state: 'approved', pipeline: 'queued', suggested: 'reject', fails: ['email_deliverability'], delivery: 'dead' },
  { state: 'rejected', pipeline: 'queued', suggested: 'reject', fails: ['permission_to_contact', 'compliance_consent'], reject: 'no_consent' },
  { state: 'rejected', pipeline: 'queued', suggested: 'approve', fails: [], reject: 'bad_email' },
  { state: 'published', pipeline: 'queued', suggested: 'approve', fails: [], delivery: 'delivered' },
  { state: 'published', pipeline: 'queued', suggested: 'approve', fails: [], delivery: 'retried' },
  { state: 'returned', pipeline: 'queued', suggested: 'approve', fails: ['content_interest'], returned: 'denies_interest', delivery: 'delivered' },
  { state: 'replaced', pipeline: 'queued', suggested: 'approve', fails: [], returned: 'wrong_contact_data', delivery: 'delivered' },
];

interface Source {
  callId: string | null;
  campaignId: string;
  contactId: string;
  accountId: string | null;
  agentId: string | null;
  answers: Record<string, unknown>;
  recordingKey: string | null;
  talkSeconds: number;
  at: Date;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  company: string | null;
  domain: string | null;
  country: string | null;
  industry: string | null;
  employees: number | null;
}

/** Loads the leads demo when there are demo call campaigns and no leads yet; null otherwise. */
export async function seedLeadsDemo(deps: Pick<Deps, 'db' | 'now'>): Promise<LeadsDemoReport | null> {
  const any = await queryOne<{ n: number }>(deps.db, sql`select count(*)::int as n from ${leads}`);
  if (Number(any?.n ?? 0) > 0) return null;
  const campaigns = await queryRows<{ id: string }>(deps.db, sql`select id from call_campaigns where deleted_at is null order by created_at, id`);
  if (!campaigns.length) return null;
  const sources = await sourcesOf(deps, STORIES.length);
  if (!sources.length) return null;

  const now = deps.now();
  // The client the campaigns' leads are for.
  await deps.db.execute(sql`insert into organisations (name) values (${CLIENT_NAME}) on conflict do nothing`);
  const client = (await queryOne<{ id: string }>(deps.db, sql`select id from organisations where lower(name) = lower(${CLIENT_NAME})`))!;
  await deps.db
    .insert(leadCampaignSettings)
    .values(campaigns.map((c) => ({ campaignId: c.id, campaignKind: 'call', clientOrgId: client.id, checklist: DEMO_CHECKLIST, criteria: DEMO_CRITERIA })))
    .onConflictDoNothing();
  const reviewers = await queryRows<{ id: string }>(
    deps.db,
    sql`select distinct u.id from users u join user_roles r on r.user_id = u.id
        where r.role in ('quality_analyst', 'admin') and u.status = 'active' order by u.id`,
  );
  const reviewerOf = (i: number) => (reviewers.length ? reviewers[i % reviewers.length]!.id : null);

  // Not sending anywhere until someone points it at a real endpoint and turns it on.
  const [config] = await deps.db
    .insert(deliveryConfigs)
    .values({
      clientOrgId: client.id,
      campaignId: null,
      name: `${CLIENT_NAME} landing page`,
      kind: 'form_post',
      url: 'https://leads.northwind.example/intake',
      fieldMap: [
        { from: 'firstName', to: 'first_name' },
        { from: 'lastName', to: 'last_name' },
        { from: 'email', to: 'email' },
        { from: 'phone', to: 'phone' },
        { from: 'company', to: 'company' },
        { from: 'title', to: 'job_title' },
      ],
      active: false,
    })
    .returning({ id: deliveryConfigs.id });

  const stories = STORIES.slice(0, sources.length);
  const ids: string[] = [];
  let deliveries = 0;
  for (const [i, story] of stories.entries()) {
    const source = sources[i]!;
    const reviewer = reviewerOf(i);
    // Leads made over the last ten days, the later in the story the older (and the call's ten minutes after it ended at the latest).
    const created = new Date(Math.min(source.at.getTime() + 10 * MINUTE, now.getTime() - (i + 1) * 17 * HOUR));
    const queued = new Date(created.getTime() + 6 * MINUTE);
    const reviewed = new Date(queued.getTime() + (40 + 23 * i) * MINUTE);
    const published = new Date(reviewed.getTime() + 2 * MINUTE);
    const returned = new Date(published.getTime() + 26 * HOUR);
    const utterances = transcriptOf(source);
    const score = story.suggested ? scoreOf(story, source, utterances) : null;
    const check = story.pipeline === 'transcribing' ? null : accountCheckOf(source);
    const past = (s: LeadState) => order(story.state) >= order(s);
    const verdictState = story.reject ? 'rejected' : past('approved') ? 'approved' : null;

    const [lead] = await deps.db
      .insert(leads)
      .values({
        state: story.state,
        source: source.callId ? 'call' : 'manual',
        contactId: source.contactId,
        accountId: source.accountId,
        campaignId: source.campaignId,
        campaignKind: 'call',
        clientOrgId: client.id,
        callId: source.callId,
        agentId: source.agentId,
        recordingKey: source.recordingKey,
        answers: source.answers,
        fields: {
          firstName: source.firstName,
          lastName: source.lastName,
          email: source.email,
          phone: source.phone,
          title: source.title,
          company: source.company,
          domain: source.domain,
          country: source.country,
        },
        pipelineStatus: story.pipeline,
        pipelineReason: story.pipeline === 'needs_review' ? 'Scoring failed after 3 attempts (the AI vendor answered 503); the rule scorer’s factors are shown instead.' : null,
        pipelineStartedAt: created,
        suggestedVerdict: story.suggested,
        score: score?.overall ?? null,
        scorer: score?.scorer ?? null,
        checklist: verdictState === 'approved' ? Object.fromEntries(DEMO_CHECKLIST.map((c) => [c.id, { checked: true, by: reviewer, at: reviewed.toISOString() }])) : {},
        reasonCode: story.returned ?? story.reject ?? null,
        reasonNote: story.returned ? 'The client says the prospect does not remember the call.' : story.reject === 'no_consent' ? 'Prospect never agreed to be contacted.' : null,
        reviewerId: verdictState ? reviewer : null,
        queuedAt: story.state === 'new' ? null : queued,
        reviewedAt: verdictState ? reviewed : null,
        publishedAt: past('published') && !story.reject ? published : null,
        returnedAt: story.returned ? returned : null,
        createdAt: created,
        updatedAt: created,
      })
      .returning({ id: leads.id });
    const leadId = lead!.id;
    ids.push(leadId);

    // The history: made, queued by the pipeline, the analyst's verdict, delivery, the client's return.
    const moves: { from: LeadState | null; to: LeadState; at: Date; actor: string | null; reason?: string | null; note?: string | null }[] = [
      { from: null, to: 'new', at: created, actor: null },
    ];
    if (story.state !== 'new') moves.push({ from: 'new', to: 'under_review', at: queued, actor: null, note: story.pipeline === 'needs_review' ? 'Needs manual review' : null });
    if (verdictState) moves.push({ from: 'under_review', to: verdictState, at: reviewed, actor: reviewer, reason: story.reject ?? null });
    if (past('published') && !story.reject) moves.push({ from: 'approved', to: 'published', at: published, actor: null });
    if (story.returned) moves.push({ from: 'published', to: 'returned', at: returned, actor: reviewer, reason: story.returned });
    if (story.state === 'replaced') moves.push({ from: 'returned', to: 'replaced', at: new Date(returned.getTime() + 3 * HOUR), actor: reviewer });
    await deps.db
      .insert(leadTransitions)
      .values(moves.map((m) => ({ leadId, fromState: m.from, toState: m.to, actorId: m.actor, reasonCode: m.reason ?? null, note: m.note ?? null, at: m.at })));

    // The pipeline's work: the transcript, the score, the account check, a run per stage with its cost.
    const audioSeconds = Math.max(60, source.talkSeconds);
    const at = (minutes: number) => new Date(created.getTime() + minutes * MINUTE);
    const runs: (typeof leadStageRuns.$inferInsert)[] = [];
    if (story.pipeline === 'transcribing') {
      runs.push({ leadId, stage: 'transcribe', outcome: 'running', startedAt: at(0.1), vendor: 'assemblyai', model: 'universal' });
    } else {
      await deps.db.insert(leadTranscripts).values({ leadId, vendor: 'assemblyai', jobId: `demo-${leadId}`, audioSeconds, utterances, createdAt: at(3), updatedAt: at(3) });
      // AssemblyAI at $0.37 an audio hour; gpt-4.1-mini at $0.40 / $1.60 per million tokens in / out.
      runs.push({ leadId, stage: 'transcribe', outcome: 'ok', startedAt: at(0.1), endedAt: at(3), vendor: 'assemblyai', model: 'universal', audioSeconds, costMicros: Math.round((audioSeconds * 370_000) / 3600) });
      const input = 2_400 + 9 * utterances.length * 12;
      const output = 520 + 17 * i;
      const tokenCost = Math.round(input * 0.4 + output * 1.6);
      if (story.pipeline === 'needs_review') {
        for (const attempt of [1, 2, 3]) {
          runs.push({ leadId, stage: 'score', attempt, outcome: 'failed', error: 'OpenAI answered 503 Service Unavailable', startedAt: at(3 + attempt * 0.5), endedAt: at(3.1 + attempt * 0.5), vendor: 'openai', model: 'gpt-4.1-mini' });
        }
      } else {
        runs.push({ leadId, stage: 'score', outcome: 'ok', startedAt: at(3.1), endedAt: at(3.4), vendor: 'openai', model: 'gpt-4.1-mini', inputTokens: input, outputTokens: output, costMicros: tokenCost });
      }
      runs.push({ leadId, stage: 'verify', outcome: 'ok', startedAt: at(5), endedAt: at(5.1) });
      runs.push({ leadId, stage: 'enrich', outcome: 'skipped', startedAt: at(5.1), endedAt: at(5.1) });
      runs.push({ leadId, stage: 'queue', outcome: 'ok', startedAt: at(6), endedAt: at(6) });
    }
    await deps.db.insert(leadStageRuns).values(runs);
    if (score) {
      await deps.db.insert(leadScores).values({ leadId, scorer: score.scorer, model: score.scorer === 'ai' ? 'gpt-4.1-mini' : null, overall: score.overall, verdict: score.suggestedVerdict, result: score, createdAt: at(3.4) });
    }
    if (check) await deps.db.insert(leadAccountChecks).values({ leadId, matched: check.matched, result: check, createdAt: at(5.1), updatedAt: at(5.1) });

    // Delivery to the client, with a receipt per attempt.
    if (story.delivery) {
      deliveries += 1;
      const first = new Date(reviewed.getTime() + MINUTE);
      const attempts =
        story.delivery === 'dead'
          ? Array.from({ length: 6 }, (_, k) => ({ at: new Date(first.getTime() + 30_000 * (2 ** k - 1)), httpStatus: 502, responseExcerpt: '<html><title>502 Bad Gateway</title></html>', error: 'The client answered 502' }))
          : story.delivery === 'retried'
            ? [
                { at: first, httpStatus: null, responseExcerpt: null, error: 'Timed out after 10000 ms' },
                { at: new Date(first.getTime() + 30_000), httpStatus: 200, responseExcerpt: '{"status":"accepted","id":"NW-20931"}', error: null },
              ]
            : [{ at: first, httpStatus: 200, responseExcerpt: `{"status":"accepted","id":"NW-${20_900 + i}"}`, error: null }];
      const last = attempts[attempts.length - 1]!;
      const [delivery] = await deps.db
        .insert(leadDeliveries)
        .values({
          leadId,
          configId: config!.id,
          status: story.delivery === 'dead' ? 'dead' : 'delivered',
          attempts: attempts.length,
          lastError: story.delivery === 'dead' ? last.error : null,
          deliveredAt: story.delivery === 'dead' ? null : last.at,
          createdAt: first,
          updatedAt: last.at,
        })
        .returning({ id: leadDeliveries.id });
      await deps.db.insert(deliveryAttempts).values(attempts.map((a, k) => ({ deliveryId: delivery!.id, attempt: k + 1, durationMs: a.httpStatus ? 180 + 40 * k : 10_000, ...a })));
    }
  }
  // The replaced lead points at its replacement: the newest lead.
  const replaced = stories.findIndex((s) => s.state === 'replaced');
  if (replaced >= 0 && ids[0]) await deps.db.execute(sql`update leads set replaced_by_id = ${ids[0]}::uuid where id = ${ids[replaced]!}::uuid`);
  return { leads: ids.length, clientOrgId: client.id, deliveryConfigId: config!.id, deliveries };
}

const order = (state: LeadState) => ({ new: 0, under_review: 1, rejected: 2, approved: 2, published: 3, returned: 4, replaced: 5 })[state];

/** Positive calls first, then other connected calls, then the campaigns' contacts (a lead by hand); up to `n`. */
async function sourcesOf(deps: Pick<Deps, 'db' | 'now'>, n: number): Promise<Source[]> {
  const rows = await queryRows<{
    call_id: string | null;
    campaign_id: string;
    contact_id: string;
    account_id: string | null;
    agent_id: string | null;
    answers: Record<string, unknown> | null;
    recording_key: string | null;
    talk: number | null;
    at: Date | string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    phone: string | null;
    title: string | null;
    company: string | null;
    domain: string | null;
    country: string | null;
    industry: string | null;
    employees: number | null;
  }>(
    deps.db,
    sql`with picked as (
        select c.id as call_id, c.campaign_id, c.contact_id, c.agent_id, c.answers, c.recording_key,
          extract(epoch from c.ended_at - c.bridged_at)::int as talk, c.started_at as at,
          case when d.outcome_class = 'positive' then 0 else 1 end as rank
        from calls c left join call_dispositions d on d.id = c.disposition_id
        where c.campaign_id is not null and c.contact_id is not null and c.bridged_at is not null
        union all
        -- Contacts of the campaigns' lists nobody has reached: leads entered by hand.
        select null, cc.id, m.contact_id, null, '{}'::jsonb, null, null, ${deps.now().toISOString()}::timestamptz, 2
        from call_campaigns cc join static_list_members m on cc.audience->>'id' = m.list_id::text
        where cc.deleted_at is null
      ), one_each as (
        select distinct on (p.contact_id) p.* from picked p order by p.contact_id, p.rank, p.at desc
      )
      select o.call_id, o.campaign_id, o.contact_id, ct.account_id, o.agent_id, o.answers, o.recording_key, o.talk, o.at,
        ct.first_name, ct.last_name, ct.email, coalesce(ct.direct_phone, ct.mobile_phone) as phone, ct.job_title as title,
        a.name as company, a.domain, coalesce(ct.country, a.country) as country, a.industry, a.employee_count as employees
      from one_each o join contacts ct on ct.id = o.contact_id and ct.deleted_at is null
      left join accounts a on a.id = ct.account_id
      order by o.rank, o.at desc, o.contact_id
      limit ${n}`,
  );
  return rows.map((r) => ({
    callId: r.call_id,
    campaignId: r.campaign_id,
    contactId: r.contact_id,
    accountId: r.account_id,
    agentId: r.agent_id,
    answers: r.answers ?? {},
    recordingKey: r.recording_key,
    talkSeconds: Number(r.talk ?? 180),
    at: new Date(r.at),
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    title: r.title,
    company: r.company,
    domain: r.domain,
    country: r.country,
    industry: r.industry,
    employees: r.employees === null ? null : Number(r.employees),
  }));
}

/** A discovery call as the two channels were heard: the agent's and the prospect's. */
function transcriptOf(s: Source): Utterance[] {
  const name = s.firstName ?? 'there';
  const company = s.company ?? 'your company';
  const email = s.email ?? 'the address we have on file';
  const lines: [Utterance['speaker'], string][] = [
    ['agent', `Hi ${name}, this is Sam from Pivotal Demo Co. This call may be recorded for quality and training. Is now a good time?`],
    ['prospect', 'Sure, I have a few minutes.'],
    ['agent', `Teams like yours at ${company} often tell us their reporting is slow. What do you use for analytics today?`],
    ['prospect', 'Mostly spreadsheets and an old BI tool. The monthly reports take our analysts days.'],
    ['agent', 'How many analysts work with it, and when are you looking to change?'],
    ['prospect', 'About twelve analysts, and we want something in place this quarter.'],
    ['agent', 'Would you be interested in our guide to modern data platforms and a short walkthrough?'],
    ['prospect', 'Yes, I would be interested in that, send it over.'],
    ['agent', `May I send it to ${email}? Can you confirm that is right?`],
    ['prospect', `Yes, ${email} is correct.`],
    ['agent', 'And is it all right if a specialist from our partner contacts you about it?'],
    ['prospect', 'Yes, that is fine, they can call or email me.'],
  ];
  let t = 1_200;
  return lines.map(([speaker, text]) => {
    const startMs = t;
    const endMs = startMs + 900 + text.length * 55;
    t = endMs + 700;
    return { speaker, startMs, endMs, text };
  });
}

function quote(u: Utterance, text?: string) {
  return { kind: 'quote' as const, text: text ?? u.text, speaker: u.speaker, startMs: u.startMs, endMs: u.endMs, field: null };
}

function field(name: string, text: string) {
  return { kind: 'field' as const, text, speaker: null, startMs: null, endMs: null, field: name };
}

/** The AI scorer's answer on the demo transcript, failing the story's factors. */
function scoreOf(story: Story, s: Source, u: Utterance[]): LeadScore {
  const pass = (factor: LeadFactor, reason: string, evidence: FactorScore['evidence']): FactorScore => {
    const failed = story.fails.includes(factor);
    return { factor, score: failed ? 20 : 92, verdict: failed ? 'fail' : 'pass', reason: failed ? `Not shown: ${reason.toLowerCase()}` : reason, evidence };
  };
  const factors: FactorScore[] = [
    pass('content_interest', 'The prospect asked for the guide and the walkthrough.', [quote(u[7]!)]),
    pass('permission_to_contact', 'The prospect agreed to be contacted by the partner.', [quote(u[10]!), quote(u[11]!)]),
    pass('email_confirmation', 'The email address was read back and confirmed.', [quote(u[8]!), quote(u[9]!)]),
    pass('compliance_consent', 'The recording notice was given at the start of the call.', [quote(u[0]!, 'This call may be recorded for quality and training.')]),
    pass('qualification_answers', 'Current tool, team size and timeline were all answered.', [quote(u[3]!), quote(u[5]!)]),
    pass('data_accuracy', 'Name, company and title match our records.', [field('contact.job_title', s.title ?? 'unknown'), field('account.name', s.company ?? 'unknown')]),
    pass('email_deliverability', 'The email address is verified as deliverable.', [field('contact.email_status', story.fails.includes('email_deliverability') ? 'invalid' : 'valid')]),
    pass('phone_validity', 'The number was dialled and answered by the prospect.', [field('contact.direct_phone', s.phone ?? 'unknown')]),
  ];
  const overall = Math.round(factors.reduce((n, f) => n + f.score, 0) / factors.length);
  // The needs-review lead fell back to the rule scorer: same shape, data-based evidence only.
  const rules = story.pipeline === 'needs_review';
  return leadScoreSchema.parse({
    scorer: rules ? 'rules' : 'ai',
    factors: rules ? factors.map((f) => ({ ...f, evidence: f.evidence.filter((e) => e.kind === 'field'), reason: f.evidence.some((e) => e.kind === 'field') ? f.reason : 'No transcript-based rule for this factor.', verdict: f.evidence.some((e) => e.kind === 'field') ? f.verdict : 'unclear', score: f.evidence.some((e) => e.kind === 'field') ? f.score : 50 })) : factors,
    overall,
    suggestedVerdict: story.suggested,
    summary: story.fails.length
      ? `Good call, but ${story.fails.map((f) => f.replace(/_/g, ' ')).join(' and ')} ${story.fails.length === 1 ? 'is' : 'are'} not shown.`
      : 'Interested, qualified prospect who confirmed their email and agreed to be contacted.',
  });
}

function accountCheckOf(s: Source): AccountCheck {
  const industry = s.industry;
  const inIndustry = industry ? DEMO_CRITERIA.industries.some((i) => i.toLowerCase() === industry.toLowerCase()) : null;
  const inSize = s.employees === null ? null : s.employees >= DEMO_CRITERIA.employeeMin && s.employees <= DEMO_CRITERIA.employeeMax;
  const inCountry = s.country ? DEMO_CRITERIA.countries.includes(s.country.toUpperCase()) : null;
  const verdict = (v: boolean | null) => (v === null ? 'unknown' : v ? 'match' : 'mismatch');
  const checks = [
    { criterion: 'industry' as const, expected: DEMO_CRITERIA.industries.join(', '), actual: industry, verdict: verdict(inIndustry), source: 'data' as const },
    { criterion: 'employees' as const, expected: `${DEMO_CRITERIA.employeeMin}–${DEMO_CRITERIA.employeeMax}`, actual: s.employees === null ? null : String(s.employees), verdict: verdict(inSize), source: 'data' as const },
    { criterion: 'country' as const, expected: DEMO_CRITERIA.countries.join(', '), actual: s.country, verdict: verdict(inCountry), source: 'data' as const },
  ];
  return accountCheckSchema.parse({ matched: checks.every((c) => c.verdict !== 'mismatch'), checks, enriched: false });
}

/**
 * The local stack's demo also delivers: an active signed webhook for the demo client, pointed at
 * the stack's fake client endpoint, so "Deliver" on an approved demo lead shows a receipt.
 * Skipped when the client already has a webhook configuration.
 */
export async function seedDemoDeliveryWebhook(deps: Deps, url: string): Promise<boolean> {
  const client = await queryOne<{ id: string }>(deps.db, sql`select id from organisations where lower(name) = lower(${CLIENT_NAME})`);
  if (!client) return false;
  const existing = await queryOne<{ id: string }>(
    deps.db,
    sql`select id from delivery_configs where client_org_id = ${client.id}::uuid and kind = 'webhook' and deleted_at is null limit 1`,
  );
  if (existing) return false;
  await createConfig(
    configDepsOf(deps, deliveryKitOf(deps).secrets),
    { clientOrgId: client.id, campaignId: null, name: `${CLIENT_NAME} webhook (local fake client)`, kind: 'webhook', url, fieldMap: [], active: true },
    null,
  );
  return true;
}
