// A lead as the queue shows it: the lead with its campaign's and client's names, its agent, and
// whether it is rule-perfect (queued by the pipeline, every factor of its newest score passed, its
// account matched the criteria), its time in QA and whether that is past the SLA.
import { sql, type SQL } from 'drizzle-orm';
import { QA_SLA_SECONDS, type LeadFields, type LeadSummary } from '@shared/contracts/leads';
import type { Database } from '../../../db/connection';
import { isoOrNull, queryRows } from '../../../db/rows';

/** States in which a lead still waits for a verdict (its SLA runs). */
export const AWAITING_VERDICT = ['new', 'under_review'] as const;

/** True for a lead (alias `l`) the pipeline queued, whose newest score passed every factor and whose account matched. */
export const RULE_PERFECT = sql`(
  l.pipeline_status = 'queued'
  and exists (select 1 from lead_account_checks ac where ac.lead_id = l.id and ac.matched)
  and coalesce((
    select jsonb_array_length(s.result->'factors') > 0
       and not exists (select 1 from jsonb_array_elements(s.result->'factors') f where f->>'verdict' is distinct from 'pass')
    from lead_scores s where s.lead_id = l.id order by s.created_at desc, s.id desc limit 1), false))`;

export interface SummaryRow extends Record<string, unknown> {
  id: string;
  state: LeadSummary['state'];
  source: LeadSummary['source'];
  contact_id: string | null;
  account_id: string | null;
  campaign_id: string | null;
  campaign_kind: 'call' | 'email' | null;
  campaign_name: string | null;
  client_org_id: string | null;
  client_name: string | null;
  fields: LeadFields | null;
  agent_id: string | null;
  agent_name: string | null;
  pipeline_status: LeadSummary['pipelineStatus'];
  pipeline_reason: string | null;
  suggested_verdict: LeadSummary['suggestedVerdict'];
  score: number | null;
  scorer: LeadSummary['scorer'];
  rule_perfect: boolean;
  created_at: string | Date;
  queued_at: string | Date | null;
  reviewed_at: string | Date | null;
  sort_key: string;
}

/** The summary's columns of a lead `l`, and the sort key the list pages by. */
export function summarySelect(sortKey: SQL = sql`null`): SQL {
  return sql`select l.id, l.state, l.source, l.contact_id, l.account_id, l.campaign_id, l.campaign_kind,
      coalesce(cc.name, ec.name) as campaign_name, l.client_org_id, o.name as client_name, l.fields,
      l.agent_id, nullif(trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') as agent_name,
      l.pipeline_status, l.pipeline_reason, l.suggested_verdict, l.score, l.scorer, ${RULE_PERFECT} as rule_perfect,
      l.created_at, l.queued_at, l.reviewed_at, (${sortKey})::text as sort_key
    from leads l
    left join call_campaigns cc on l.campaign_kind = 'call' and cc.id = l.campaign_id
    left join email_campaigns ec on l.campaign_kind = 'email' and ec.id = l.campaign_id
    left join organisations o on o.id = l.client_org_id
    left join users u on u.id = l.agent_id`;
}

/** Seconds in QA: from queueing (or creation) until the verdict, or until now while it waits. */
export function ageOf(row: Pick<SummaryRow, 'state' | 'created_at' | 'queued_at' | 'reviewed_at'>, now: Date): { ageSeconds: number; overdue: boolean } {
  const from = new Date(row.queued_at ?? row.created_at).getTime();
  const waiting = (AWAITING_VERDICT as readonly string[]).includes(row.state);
  const until = !waiting && row.reviewed_at ? new Date(row.reviewed_at).getTime() : now.getTime();
  const ageSeconds = Math.max(0, Math.floor((until - from) / 1000));
  return { ageSeconds, overdue: waiting && ageSeconds > QA_SLA_SECONDS };
}

export function toSummary(row: SummaryRow, now: Date): LeadSummary {
  return {
    id: row.id,
    state: row.state,
    source: row.source,
    contactId: row.contact_id,
    accountId: row.account_id,
    campaignId: row.campaign_id,
    campaignKind: row.campaign_kind,
    campaignName: row.campaign_name,
    clientOrgId: row.client_org_id,
    clientName: row.client_name,
    fields: row.fields ?? {},
    agentId: row.agent_id,
    agentName: row.agent_name,
    pipelineStatus: row.pipeline_status,
    pipelineReason: row.pipeline_reason,
    suggestedVerdict: row.suggested_verdict,
    score: row.score,
    scorer: row.scorer,
    rulePerfect: row.rule_perfect,
    createdAt: new Date(row.created_at).toISOString(),
    queuedAt: isoOrNull(row.queued_at),
    reviewedAt: isoOrNull(row.reviewed_at),
    ...ageOf(row, now),
  };
}

/** The summaries of leads matching `where` (over `l`), in the given order. */
export async function summariesWhere(db: Database, where: SQL, orderBy: SQL = sql`l.created_at, l.id`, limit = 1, sortKey?: SQL): Promise<SummaryRow[]> {
  return queryRows<SummaryRow>(db, sql`${summarySelect(sortKey)} where ${where} order by ${orderBy} limit ${limit}`);
}
