// A campaign's report: what happened to its messages (sent, delivered, hard and soft bounces,
// unique and total opens with machine opens apart, clicks, unsubscribes, complaints), per variant,
// hour by hour, per link and per recipient domain, and who the gate left out and why. Every figure
// is one set-based statement over the campaign's recipients and events. Unique figures count
// recipients; `opened` and `clicked` count human events, each at most one per recipient (and link)
// and hour (see engagement.ts), so a client reloading the pixel does not inflate them.
import { sql } from 'drizzle-orm';
import type { CampaignReport } from '@shared/contracts/email';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import { notFound } from '../../../core/app-error';

/** The most recipient domains a report lists (the largest by messages sent). */
export const REPORT_DOMAIN_LIMIT = 50;

interface CampaignRow extends Record<string, unknown> {
  gate_proof_id: string | null;
  winner_variant_id: string | null;
  proof_audience: number | null;
}

/** The campaign, or 404 when it does not exist or was deleted. */
async function loadCampaign(db: Database, campaignId: string): Promise<CampaignRow> {
  const row = await queryOne<CampaignRow>(
    db,
    sql`select c.gate_proof_id, c.winner_variant_id, p.audience as proof_audience
      from email_campaigns c left join gate_proofs p on p.id = c.gate_proof_id
      where c.id = ${campaignId} and c.deleted_at is null`,
  );
  if (!row) throw notFound('campaign');
  return row;
}

interface RecipientTotalsRow extends Record<string, unknown> {
  rows: number;
  excluded: number;
  queued: number;
  sent: number;
  failed: number;
  uncertain: number;
  delivered: number;
  bounced: number;
  hard: number;
  soft: number;
  unique_opens: number;
  machine_opens: number;
  unique_clicks: number;
  unsubscribed: number;
  complained: number;
}

interface EventTotalsRow extends Record<string, unknown> {
  opens: number;
  clicks: number;
  machine_clicks: number;
}

const n = (value: unknown): number => Number(value ?? 0);

export async function campaignReport(db: Database, campaignId: string): Promise<CampaignReport> {
  const campaign = await loadCampaign(db, campaignId);
  // Sequential: inside a request the handle may be one connection (PGlite), and each is an index range of one campaign.
  const recipients = await queryOne<RecipientTotalsRow>(
    db,
    sql`select count(*)::int as rows,
        count(*) filter (where status = 'excluded')::int as excluded,
        count(*) filter (where status in ('queued', 'sending', 'held'))::int as queued,
        count(*) filter (where status = 'sent')::int as sent,
        count(*) filter (where status = 'failed')::int as failed,
        count(*) filter (where status = 'uncertain')::int as uncertain,
        count(delivered_at)::int as delivered,
        count(bounce)::int as bounced,
        count(*) filter (where bounce = 'hard')::int as hard,
        count(*) filter (where bounce = 'soft')::int as soft,
        count(opened_at)::int as unique_opens,
        count(machine_opened_at)::int as machine_opens,
        count(clicked_at)::int as unique_clicks,
        count(unsubscribed_at)::int as unsubscribed,
        count(complained_at)::int as complained
      from email_recipients where campaign_id = ${campaignId}`,
  );
  const events = await queryOne<EventTotalsRow>(
    db,
    sql`select count(*) filter (where kind = 'open' and not machine)::int as opens,
        count(*) filter (where kind = 'click' and not machine)::int as clicks,
        count(distinct recipient_id) filter (where kind = 'click' and machine)::int as machine_clicks
      from email_events where campaign_id = ${campaignId} and kind in ('open', 'click')`,
  );
  const exclusions = await exclusionsByReason(db, campaignId, campaign.gate_proof_id);
  const excluded = Object.values(exclusions).reduce((sum, count) => sum + count, 0);
  // The proof's audience is everyone the snapshot considered; without one (a campaign frozen
  // before proofs were kept, or purged after the retention period) the recipients are all we know.
  const audience = campaign.proof_audience !== null ? n(campaign.proof_audience) : n(recipients?.rows);

  return {
    campaignId,
    totals: {
      audience,
      admitted: Math.max(audience - excluded, 0),
      excluded,
      queued: n(recipients?.queued),
      sent: n(recipients?.sent),
      failed: n(recipients?.failed),
      uncertain: n(recipients?.uncertain),
      delivered: n(recipients?.delivered),
      bounced: n(recipients?.bounced),
      opened: n(events?.opens),
      clicked: n(events?.clicks),
      unsubscribed: n(recipients?.unsubscribed),
      complained: n(recipients?.complained),
      hardBounced: n(recipients?.hard),
      softBounced: n(recipients?.soft),
      uniqueOpens: n(recipients?.unique_opens),
      machineOpens: n(recipients?.machine_opens),
      uniqueClicks: n(recipients?.unique_clicks),
      machineClicks: n(events?.machine_clicks),
    },
    variants: await variantFigures(db, campaignId, campaign.winner_variant_id),
    series: await hourlySeries(db, campaignId),
    links: await linkFigures(db, campaignId),
    domains: await domainFigures(db, campaignId),
    exclusions,
  };
}

/** Who the gate left out at the snapshot (its proof) and who was excluded after it, by reason. */
async function exclusionsByReason(db: Database, campaignId: string, proofId: string | null): Promise<Record<string, number>> {
  const rows = await queryRows<{ reason: string; count: number }>(
    db,
    sql`select reason, sum(count)::int as count from (
        select reason, count(*) as count from gate_proof_exclusions where proof_id = ${proofId}::uuid group by reason
        union all
        select coalesce(reason, 'excluded'), count(*) from email_recipients where campaign_id = ${campaignId} and status = 'excluded' group by 1
      ) x group by reason order by reason`,
  );
  return Object.fromEntries(rows.map((r) => [r.reason, n(r.count)]));
}

async function variantFigures(db: Database, campaignId: string, winnerId: string | null): Promise<CampaignReport['variants']> {
  const rows = await queryRows<{ id: string; key: CampaignReport['variants'][number]['key']; sent: number; opens: number; clicks: number }>(
    db,
    sql`select v.id, v.key, count(r.id) filter (where r.status = 'sent')::int as sent,
        count(r.opened_at)::int as opens, count(r.clicked_at)::int as clicks
      from email_variants v
      left join email_recipients r on r.campaign_id = v.campaign_id and r.variant_id = v.id
      where v.campaign_id = ${campaignId}
      group by v.id, v.key
      order by v.key`,
  );
  return rows.map((r) => ({ variantId: r.id, key: r.key, sent: n(r.sent), uniqueOpens: n(r.opens), uniqueClicks: n(r.clicks), winner: r.id === winnerId }));
}

/** Per hour (UTC) in which anything happened: sends from the recipients, the rest from human events. */
async function hourlySeries(db: Database, campaignId: string): Promise<CampaignReport['series']> {
  const rows = await queryRows<{ at: Date | string; sent: number; delivered: number; opened: number; clicked: number; bounced: number; unsubscribed: number }>(
    db,
    sql`with points as (
        select date_trunc('hour', sent_at, 'UTC') as at, 'sent' as kind from email_recipients where campaign_id = ${campaignId} and sent_at is not null
        union all
        select date_trunc('hour', occurred_at, 'UTC'), kind from email_events
        where campaign_id = ${campaignId} and not machine and kind in ('delivery', 'open', 'click', 'bounce', 'unsubscribe')
      )
      select at, count(*) filter (where kind = 'sent')::int as sent, count(*) filter (where kind = 'delivery')::int as delivered,
        count(*) filter (where kind = 'open')::int as opened, count(*) filter (where kind = 'click')::int as clicked,
        count(*) filter (where kind = 'bounce')::int as bounced, count(*) filter (where kind = 'unsubscribe')::int as unsubscribed
      from points group by at order by at`,
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    sent: n(r.sent),
    delivered: n(r.delivered),
    opened: n(r.opened),
    clicked: n(r.clicked),
    bounced: n(r.bounced),
    unsubscribed: n(r.unsubscribed),
  }));
}

/** Every trackable link of the variants (fixed at send) with its human clicks. */
async function linkFigures(db: Database, campaignId: string): Promise<CampaignReport['links']> {
  const rows = await queryRows<{ index: number; url: string; clicks: number; unique_clicks: number }>(
    db,
    sql`with links as (
        select v.id as variant_id, (l ->> 'index')::int as index, l ->> 'url' as url
        from email_variants v cross join lateral jsonb_array_elements(case when jsonb_typeof(v.links) = 'array' then v.links else '[]'::jsonb end) l
        where v.campaign_id = ${campaignId}
      )
      select l.index, l.url, count(e.id)::int as clicks, count(distinct e.recipient_id)::int as unique_clicks
      from links l
      left join email_events e on e.campaign_id = ${campaignId} and e.kind = 'click' and not e.machine
        and e.variant_id = l.variant_id and e.link_index = l.index
      group by l.index, l.url
      order by l.index, l.url`,
  );
  return rows.map((r) => ({ index: n(r.index), url: r.url, clicks: n(r.clicks), uniqueClicks: n(r.unique_clicks) }));
}

async function domainFigures(db: Database, campaignId: string): Promise<CampaignReport['domains']> {
  const rows = await queryRows<{ domain: string; sent: number; delivered: number; bounced: number; opened: number; clicked: number }>(
    db,
    sql`select split_part(email, '@', 2) as domain, count(*) filter (where status = 'sent')::int as sent,
        count(delivered_at)::int as delivered, count(bounce)::int as bounced, count(opened_at)::int as opened, count(clicked_at)::int as clicked
      from email_recipients
      where campaign_id = ${campaignId} and status <> 'excluded'
      group by 1
      order by sent desc, domain
      limit ${REPORT_DOMAIN_LIMIT}`,
  );
  return rows.map((r) => ({ domain: r.domain, sent: n(r.sent), delivered: n(r.delivered), bounced: n(r.bounced), opened: n(r.opened), clicked: n(r.clicked) }));
}
