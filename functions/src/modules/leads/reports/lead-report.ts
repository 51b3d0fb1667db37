// The lead QA report: over the leads created in a range (optionally one campaign's or one
// client's), the count in each state, the analysts' verdicts and rejection reasons, the time from
// the queue to a verdict (p50/p95, from the lead's transitions), the same per agent and per
// campaign, the pipeline's suggested verdict against the analyst's, and the AI cost of the stage
// runs. Each figure is one set-based statement over the same scope of leads.
import { sql, type SQL } from 'drizzle-orm';
import { LEAD_STATES, type LeadState } from '@shared/contracts/leads';
import {
  HUMAN_VERDICTS,
  SUGGESTED_VERDICTS,
  type HumanVerdict,
  type LeadReport,
  type LeadReportGroup,
  type LeadReportQuery,
  type SuggestedVerdict,
} from '@shared/contracts/lead-reports';
import type { Deps } from '../../../core/deps';
import { invalid } from '../../../core/app-error';
import { queryRows } from '../../../db/rows';

type ReportDeps = Pick<Deps, 'db' | 'now'>;

const DAY = 86_400_000;
const DEFAULT_RANGE_DAYS = 30;
/** The longest range a report covers. */
const MAX_RANGE_DAYS = 366;

function rangeOf(deps: ReportDeps, query: LeadReportQuery): { from: string; to: string } {
  const to = query.to ? new Date(query.to) : deps.now();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY);
  if (from >= to) throw invalid('from', 'must be before to');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) throw invalid('from', `the range may cover at most ${MAX_RANGE_DAYS} days`);
  return { from: from.toISOString(), to: to.toISOString() };
}

/**
 * One row per lead in scope with what the figures need: its verdict — the latest move out of
 * review, counted only while the lead is not back in review (a lead published, returned or
 * replaced since was approved) — and, for a lead with a verdict, the seconds from its first
 * queueing (→ under review) to its first verdict.
 */
function factsOf(range: { from: string; to: string }, query: LeadReportQuery): SQL {
  return sql`scope as (
      select l.id, l.state, l.agent_id, l.campaign_id, l.campaign_kind, l.suggested_verdict
      from leads l
      where l.deleted_at is null and l.created_at >= ${range.from}::timestamptz and l.created_at < ${range.to}::timestamptz
        and (${query.campaignId ?? null}::uuid is null or l.campaign_id = ${query.campaignId ?? null}::uuid)
        and (${query.clientOrgId ?? null}::uuid is null or l.client_org_id = ${query.clientOrgId ?? null}::uuid)
    ),
    queued as (
      select t.lead_id, min(t.at) as at from lead_transitions t join scope s on s.id = t.lead_id
      where t.to_state = 'under_review' group by t.lead_id
    ),
    verdicts as (
      select t.lead_id, min(t.at) as first_at,
        (array_agg(t.to_state order by t.at desc))[1] as verdict,
        (array_agg(t.reason_code order by t.at desc))[1] as reason_code
      from lead_transitions t join scope s on s.id = t.lead_id
      where t.from_state = 'under_review' and t.to_state in ('approved', 'rejected')
      group by t.lead_id
    ),
    facts as (
      select s.*,
        case when s.state not in ('new', 'under_review') then v.verdict end as verdict,
        case when s.state not in ('new', 'under_review') then v.reason_code end as reason_code,
        case when s.state not in ('new', 'under_review') and v.first_at >= q.at then extract(epoch from v.first_at - q.at)::float8 end as qa_seconds
      from scope s left join queued q on q.lead_id = s.id left join verdicts v on v.lead_id = s.id
    )`;
}

interface GroupRow extends Record<string, unknown> {
  leads: number;
  approved: number;
  rejected: number;
  qa_count: number;
  p50: number | null;
  p95: number | null;
}

const GROUP_FIGURES = sql`count(*)::int as leads,
  count(*) filter (where f.verdict = 'approved')::int as approved,
  count(*) filter (where f.verdict = 'rejected')::int as rejected,
  count(f.qa_seconds)::int as qa_count,
  percentile_cont(0.5) within group (order by f.qa_seconds)::float8 as p50,
  percentile_cont(0.95) within group (order by f.qa_seconds)::float8 as p95`;

function groupOf(row: GroupRow | undefined): LeadReportGroup {
  const approved = Number(row?.approved ?? 0);
  const rejected = Number(row?.rejected ?? 0);
  const seconds = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v)));
  return {
    leads: Number(row?.leads ?? 0),
    approved,
    rejected,
    approvalRate: approved + rejected ? approved / (approved + rejected) : null,
    timeInQa: { count: Number(row?.qa_count ?? 0), p50Seconds: seconds(row?.p50), p95Seconds: seconds(row?.p95) },
  };
}

const kindOf = (kind: string | null): 'call' | 'email' | null => (kind === 'call' || kind === 'email' ? kind : null);

export async function leadReport(deps: ReportDeps, query: LeadReportQuery): Promise<LeadReport> {
  const range = rangeOf(deps, query);
  const facts = factsOf(range, query);
  const [states, groups, reasons, matrix, costs] = await Promise.all([
    queryRows<{ state: LeadState; count: number }>(deps.db, sql`with ${facts} select f.state, count(*)::int as count from facts f group by f.state`),
    // The whole scope, each agent and each campaign in one pass (grouping sets).
    queryRows<GroupRow & { dim: number; agent_id: string | null; agent_name: string | null; campaign_id: string | null; campaign_kind: string | null; campaign_name: string | null }>(
      deps.db,
      sql`with ${facts}
        select grouping(f.agent_id) + 2 * grouping(f.campaign_id) as dim,
          f.agent_id, max(coalesce(nullif(btrim(u.first_name || ' ' || u.last_name), ''), u.username)) as agent_name,
          f.campaign_id, f.campaign_kind, max(coalesce(cc.name, ec.name)) as campaign_name,
          ${GROUP_FIGURES}
        from facts f
        left join users u on u.id = f.agent_id
        left join call_campaigns cc on cc.id = f.campaign_id and f.campaign_kind = 'call'
        left join email_campaigns ec on ec.id = f.campaign_id and f.campaign_kind = 'email'
        group by grouping sets ((), (f.agent_id), (f.campaign_id, f.campaign_kind))`,
    ),
    queryRows<{ code: string; label: string | null; count: number }>(
      deps.db,
      sql`with ${facts}
        select coalesce(f.reason_code, '') as code, max(r.label) as label, count(*)::int as count
        from facts f left join lead_reason_codes r on r.code = f.reason_code and r.kind = 'reject'
        where f.verdict = 'rejected'
        group by 1 order by count desc, code`,
    ),
    queryRows<{ suggested: SuggestedVerdict; verdict: HumanVerdict; count: number }>(
      deps.db,
      sql`with ${facts}
        select f.suggested_verdict as suggested, f.verdict, count(*)::int as count
        from facts f where f.suggested_verdict is not null and f.verdict is not null
        group by 1, 2`,
    ),
    queryRows<{ stage: string | null; vendor: string | null; model: string | null; runs: number; leads: number; audio: number; input: number; output: number; cost: number }>(
      deps.db,
      sql`with ${facts}
        select r.stage, r.vendor, r.model, count(*)::int as runs, count(distinct r.lead_id)::int as leads,
          coalesce(sum(r.audio_seconds), 0)::float8 as audio, coalesce(sum(r.input_tokens), 0)::float8 as input,
          coalesce(sum(r.output_tokens), 0)::float8 as output, coalesce(sum(r.cost_micros), 0)::float8 as cost
        from lead_stage_runs r join facts f on f.id = r.lead_id
        where r.vendor is not null or r.cost_micros is not null or r.input_tokens is not null or r.audio_seconds is not null
        group by rollup ((r.stage, r.vendor, r.model))
        order by r.stage nulls first, r.vendor, r.model`,
    ),
  ]);

  const count = new Map(states.map((s) => [s.state, Number(s.count)]));
  const overall = groups.find((g) => Number(g.dim) === 3);
  const byAgent = groups
    .filter((g) => Number(g.dim) === 2)
    .map((g) => ({ agentId: g.agent_id, agentName: g.agent_name ?? (g.agent_id ? 'Unknown agent' : 'No agent'), ...groupOf(g) }))
    .sort((a, b) => b.leads - a.leads || a.agentName.localeCompare(b.agentName));
  const byCampaign = groups
    .filter((g) => Number(g.dim) === 1)
    .map((g) => ({
      campaignId: g.campaign_id,
      campaignName: g.campaign_name ?? (g.campaign_id ? 'Unknown campaign' : 'No campaign'),
      campaignKind: kindOf(g.campaign_kind),
      ...groupOf(g),
    }))
    .sort((a, b) => b.leads - a.leads || a.campaignName.localeCompare(b.campaignName));
  const cell = (suggested: SuggestedVerdict, verdict: HumanVerdict) => Number(matrix.find((m) => m.suggested === suggested && m.verdict === verdict)?.count ?? 0);
  const compared = cell('approve', 'approved') + cell('approve', 'rejected') + cell('reject', 'approved') + cell('reject', 'rejected');
  const agreed = cell('approve', 'approved') + cell('reject', 'rejected');
  const total = costs.find((c) => c.stage === null);
  const stageRows = costs.filter((c) => c.stage !== null);

  return {
    ...range,
    campaignId: query.campaignId ?? null,
    clientOrgId: query.clientOrgId ?? null,
    total: Number(overall?.leads ?? 0),
    byState: LEAD_STATES.map((state) => ({ state, count: count.get(state) ?? 0 })),
    verdicts: groupOf(overall),
    rejectionReasons: reasons.map((r) => ({ code: r.code, label: r.label ?? (r.code ? r.code : 'No reason given'), count: Number(r.count) })),
    byAgent,
    byCampaign,
    agreement: {
      compared,
      agreed,
      rate: compared ? agreed / compared : null,
      matrix: SUGGESTED_VERDICTS.flatMap((suggested) => HUMAN_VERDICTS.map((verdict) => ({ suggested, verdict, count: cell(suggested, verdict) }))),
    },
    aiCost: {
      leads: Number(total?.leads ?? 0),
      audioSeconds: Number(total?.audio ?? 0),
      inputTokens: Number(total?.input ?? 0),
      outputTokens: Number(total?.output ?? 0),
      costMicros: Number(total?.cost ?? 0),
      byStage: stageRows.map((c) => ({
        stage: c.stage!,
        vendor: c.vendor,
        model: c.model,
        runs: Number(c.runs),
        audioSeconds: Number(c.audio),
        inputTokens: Number(c.input),
        outputTokens: Number(c.output),
        costMicros: Number(c.cost),
      })),
    },
  };
}
