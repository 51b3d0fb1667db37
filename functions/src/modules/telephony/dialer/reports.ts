// Call reports: per agent (calls, talk time, after-call work, dispositions, conversion), per
// campaign (attempts, connects, positives, abandonment, by day), and the compliance report of a
// campaign's abandoned calls over the last 30 days with each call's timestamps from the webhooks.
import { sql } from 'drizzle-orm';
import {
  ABANDON_LIMIT,
  type AgentReportRow,
  type CampaignReport,
  type ComplianceReport,
  type DispositionClass,
} from '@shared/contracts/telephony';
import type { Deps } from '../../../core/deps';
import { invalid, notFound } from '../../../core/app-error';
import { isoOrNull, queryOne, queryRows } from '../../../db/rows';
import { ABANDON_WINDOW_DAYS, abandonmentRate } from './pacing';
import { abandonWindow } from './queue-store';

type ReportDeps = Pick<Deps, 'db' | 'now'>;

export interface ReportRange {
  from?: string | undefined;
  to?: string | undefined;
}

const DAY = 86_400_000;
/** The longest range a report covers. */
const MAX_RANGE_DAYS = 366;

function rangeOf(deps: ReportDeps, range: ReportRange): { from: string; to: string } {
  const to = range.to ? new Date(range.to) : deps.now();
  const from = range.from ? new Date(range.from) : new Date(to.getTime() - ABANDON_WINDOW_DAYS * DAY);
  if (from >= to) throw invalid('from', 'must be before to');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) throw invalid('from', `the range may cover at most ${MAX_RANGE_DAYS} days`);
  return { from: from.toISOString(), to: to.toISOString() };
}


export async function agentReport(deps: ReportDeps, range: ReportRange): Promise<{ from: string; to: string; items: AgentReportRow[] }> {
  const { from, to } = rangeOf(deps, range);
  const rows = await queryRows<{
    agent_id: string;
    agent_name: string;
    calls: number;
    connects: number;
    talk: number;
    acw: number;
    positives: number;
    dispositions: unknown;
  }>(
    deps.db,
    sql`with agent_calls as (
        select c.agent_id, c.bridged_at, c.ended_at, c.disposition_at, d.label, d.outcome_class
        from calls c left join call_dispositions d on d.id = c.disposition_id
        where c.agent_id is not null and c.started_at >= ${from}::timestamptz and c.started_at < ${to}::timestamptz
      ),
      labels as (
        select agent_id, jsonb_object_agg(label, n) as dispositions
        from (select agent_id, label, count(*)::int as n from agent_calls where label is not null group by agent_id, label) l
        group by agent_id
      )
      select a.agent_id, coalesce(nullif(btrim(u.first_name || ' ' || u.last_name), ''), u.username) as agent_name,
        count(*)::int as calls,
        count(*) filter (where a.bridged_at is not null)::int as connects,
        coalesce(sum(extract(epoch from a.ended_at - a.bridged_at)) filter (where a.bridged_at is not null and a.ended_at is not null), 0)::float8 as talk,
        coalesce(sum(extract(epoch from a.disposition_at - a.ended_at)) filter (where a.ended_at is not null and a.disposition_at > a.ended_at), 0)::float8 as acw,
        count(*) filter (where a.outcome_class = 'positive')::int as positives,
        coalesce(max(l.dispositions::text), '{}') as dispositions
      from agent_calls a
      join users u on u.id = a.agent_id
      left join labels l on l.agent_id = a.agent_id
      group by a.agent_id, u.first_name, u.last_name, u.username
      order by agent_name`,
  );
  return {
    from,
    to,
    items: rows.map((r) => ({
      agentId: r.agent_id,
      agentName: r.agent_name,
      calls: Number(r.calls),
      talkSeconds: Math.round(Number(r.talk)),
      afterCallSeconds: Math.round(Number(r.acw)),
      positives: Number(r.positives),
      // Positive outcomes per call connected to the agent.
      conversion: Number(r.connects) ? Number(r.positives) / Number(r.connects) : 0,
      dispositions: typeof r.dispositions === 'string' ? (JSON.parse(r.dispositions) as Record<string, number>) : (r.dispositions as Record<string, number>),
    })),
  };
}

async function assertCampaign(deps: ReportDeps, campaignId: string): Promise<void> {
  const row = await queryOne<{ id: string }>(deps.db, sql`select id from call_campaigns where id = ${campaignId}::uuid and deleted_at is null`);
  if (!row) throw notFound('call campaign');
}

/** A person answered: AMD said human or was off; an abandoned call always counts. */
const PERSON = sql`(c.answered_at is not null and (c.abandoned or c.amd_result is null or c.amd_result = 'human'))`;

export async function campaignReport(deps: ReportDeps, campaignId: string, range: ReportRange): Promise<CampaignReport & { from: string; to: string }> {
  await assertCampaign(deps, campaignId);
  const { from, to } = rangeOf(deps, range);
  const inRange = sql`c.campaign_id = ${campaignId}::uuid and c.started_at >= ${from}::timestamptz and c.started_at < ${to}::timestamptz`;
  const [days, dispositions] = await Promise.all([
    queryRows<{ day: string; attempts: number; connects: number; positives: number; abandoned: number; answered: number }>(
      deps.db,
      sql`select to_char(date_trunc('day', c.started_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
          count(*)::int as attempts,
          count(*) filter (where c.bridged_at is not null)::int as connects,
          count(*) filter (where d.outcome_class = 'positive')::int as positives,
          count(*) filter (where c.abandoned)::int as abandoned,
          count(*) filter (where ${PERSON})::int as answered
        from calls c left join call_dispositions d on d.id = c.disposition_id
        where ${inRange}
        group by 1 order by 1`,
    ),
    queryRows<{ label: string; outcome_class: DispositionClass; count: number }>(
      deps.db,
      sql`select d.label, d.outcome_class, count(*)::int as count
        from calls c join call_dispositions d on d.id = c.disposition_id
        where ${inRange}
        group by d.label, d.outcome_class order by count desc, d.label`,
    ),
  ]);
  const sum = (key: 'attempts' | 'connects' | 'positives' | 'abandoned' | 'answered') => days.reduce((n, d) => n + Number(d[key]), 0);
  const answered = sum('answered');
  const abandoned = sum('abandoned');
  return {
    campaignId,
    from,
    to,
    attempts: sum('attempts'),
    connects: sum('connects'),
    positives: sum('positives'),
    abandoned,
    answered,
    abandonmentRate: abandonmentRate({ answered, abandoned }),
    byDay: days.map((d) => ({ day: d.day, attempts: Number(d.attempts), connects: Number(d.connects), positives: Number(d.positives), abandoned: Number(d.abandoned) })),
    dispositions: dispositions.map((d) => ({ label: d.label, outcomeClass: d.outcome_class, count: Number(d.count) })),
  };
}

/** Every abandoned call of the last 30 days: answered, the safe-harbour message's start and the end, from the webhooks' own timestamps. */
export async function complianceReport(deps: ReportDeps, campaignId: string): Promise<ComplianceReport> {
  await assertCampaign(deps, campaignId);
  const now = deps.now();
  const [window, calls] = await Promise.all([
    abandonWindow(deps.db, campaignId, now),
    queryRows<{ id: string; contact_id: string | null; to_number: string; started_at: Date | string; answered_at: Date | string; message_at: Date | string | null; ended_at: Date | string | null }>(
      deps.db,
      sql`select c.id, c.contact_id, c.to_number, c.started_at, c.answered_at, c.ended_at,
          (select min(e.occurred_at) from call_events e where e.call_id = c.id and e.event_type in ('call.speak.started', 'call.playback.started')) as message_at
        from calls c
        where c.campaign_id = ${campaignId}::uuid and c.abandoned and c.answered_at is not null
          and c.answered_at > ${now.toISOString()}::timestamptz - make_interval(days => ${ABANDON_WINDOW_DAYS}) and c.answered_at <= ${now.toISOString()}::timestamptz
        order by c.answered_at desc`,
    ),
  ]);
  return {
    campaignId,
    windowDays: ABANDON_WINDOW_DAYS as 30,
    answered: window.answered,
    abandoned: window.abandoned,
    rate: abandonmentRate(window),
    limit: ABANDON_LIMIT,
    calls: calls.map((c) => ({
      callId: c.id,
      contactId: c.contact_id,
      toNumber: c.to_number,
      startedAt: isoOrNull(c.started_at)!,
      answeredAt: isoOrNull(c.answered_at)!,
      messageAt: isoOrNull(c.message_at),
      endedAt: isoOrNull(c.ended_at),
    })),
  };
}
