// A campaign's report: what happened to its messages (sent, delivered, hard and soft bounces,
// unique and total opens with machine opens apart, clicks, unsubscribes, complaints), per variant,
// hour by hour, per link and per recipient domain, and who the gate left out and why. Every figure
// is one set-based statement over the campaign's recipients and events. The totals are the
// campaign's counts (campaigns/views.ts, as the campaign page shows them) with `opened` and
// `clicked` as human events in total, each at most one per recipient (and link) and hour (see
// engagement.ts), so a client reloading the pixel does not inflate them; the unique figures count
// recipients.
import { sql } from 'drizzle-orm';
import type { CampaignCounts, CampaignReport } from '@shared/contracts/email';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import { notFound } from '../../../core/app-error';
import { campaignCounts, EMPTY_COUNTS } from '../campaigns/views';

/** The most recipient domains a report lists (the largest by messages sent). */
export const REPORT_DOMAIN_LIMIT = 50;

/** The campaign (404 when it does not exist or was deleted) and the counts the campaign page shows. */
async function loadCampaign(db: Database, campaignId: string): Promise<{ gateProofId: string | null; winnerVariantId: string | null; counts: CampaignCounts }> {
  const row = await queryOne<{ gate_proof_id: string | null; winner_variant_id: string | null }>(
    db,
    sql`select gate_proof_id, winner_variant_id from email_campaigns where id = ${campaignId} and deleted_at is null`,
  );
  if (!row) throw notFound('campaign');
  const counts = (await campaignCounts(db, [campaignId])).get(campaignId) ?? EMPTY_COUNTS;
  return { gateProofId: row.gate_proof_id, winnerVariantId: row.winner_variant_id, counts };
}

interface ExtraTotalsRow extends Record<string, unknown> {
  hard: number;
  soft: number;
  machine_opens: number;
  opens: number;
  clicks: number;
  machine_clicks: number;
}

const n = (value: unknown): number => Number(value ?? 0);

export async function campaignReport(db: Database, campaignId: string): Promise<CampaignReport> {
  const campaign = await loadCampaign(db, campaignId);
  // What the report adds to the campaign's counts: bounces by kind, machine opens and clicks, and
  // the human opens and clicks in total (the counts' opened and clicked are unique recipients).
  const extra = await queryOne<ExtraTotalsRow>(
    db,
    sql`select r.hard, r.soft, r.machine_opens, e.opens, e.clicks, e.machine_clicks
      from (
        select count(*) filter (where bounce = 'hard')::int as hard, count(*) filter (where bounce = 'soft')::int as soft,
          count(machine_opened_at)::int as machine_opens
        from email_recipients where campaign_id = ${campaignId}
      ) r,
      (
        select count(*) filter (where kind = 'open' and not machine)::int as opens,
          count(*) filter (where kind = 'click' and not machine)::int as clicks,
          count(distinct recipient_id) filter (where kind = 'click' and machine)::int as machine_clicks
        from email_events where campaign_id = ${campaignId} and kind in ('open', 'click')
      ) e`,
  );
  const { counts } = campaign;
  // Sequential: inside a request the handle may be one connection (PGlite), and each is an index range of one campaign.
  return {
    campaignId,
    totals: {
      ...counts,
      opened: n(extra?.opens),
      clicked: n(extra?.clicks),
      hardBounced: n(extra?.hard),
      softBounced: n(extra?.soft),
      uniqueOpens: counts.opened,
      machineOpens: n(extra?.machine_opens),
      uniqueClicks: counts.clicked,
      machineClicks: n(extra?.machine_clicks),
    },
    variants: await variantFigures(db, campaignId, campaign.winnerVariantId),
    series: await hourlySeries(db, campaignId),
    links: await linkFigures(db, campaignId),
    domains: await domainFigures(db, campaignId),
    exclusions: await exclusionsByReason(db, campaignId, campaign.gateProofId),
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
