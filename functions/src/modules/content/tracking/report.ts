// An asset's report: views and clicks by people (bots and link scanners counted apart), the
// contacts who clicked, per campaign its clicks, clickers and the leads of that campaign whose
// contact clicked (the leads module's, through the leadsFor hook), and a daily series.
import { sql } from 'drizzle-orm';
import type { AssetReport, AssetReportCampaign, CampaignKind } from '@shared/contracts/content-tracking';
import type { Deps } from '../../../core/deps';
import { queryOne, queryRows } from '../../../db/rows';
import type { ContentHooks } from '../hooks';
import { assetOf } from './campaign-links';

const DAY_MS = 86_400_000;

export async function assetReport(deps: Pick<Deps, 'db' | 'now'>, hooks: ContentHooks, input: { assetId: string; days: number }): Promise<AssetReport> {
  const { db } = deps;
  const { assetId } = input;
  await assetOf(db, assetId);
  const person = sql`not e.automated`;

  const totals = await queryOne<{ views: number; clicks: number; clickers: number; automated: number }>(
    db,
    sql`select count(*) filter (where e.kind = 'view' and ${person})::int as views,
        count(*) filter (where e.kind = 'click' and ${person})::int as clicks,
        count(distinct e.contact_id) filter (where e.kind = 'click' and ${person})::int as clickers,
        count(*) filter (where e.automated)::int as automated
      from content_events e where e.asset_id = ${assetId}::uuid`,
  );

  // The campaigns the asset is attached to, and any other its links were made for.
  const byCampaign = await queryRows<{ campaignKind: CampaignKind; campaignId: string; clicks: number; clickers: number }>(
    db,
    sql`with events as (
        select e.campaign_kind, e.campaign_id,
          count(*) filter (where e.kind = 'click' and ${person})::int as clicks,
          count(distinct e.contact_id) filter (where e.kind = 'click' and ${person})::int as clickers
        from content_events e
        where e.asset_id = ${assetId}::uuid and e.campaign_id is not null
        group by 1, 2
      )
      select coalesce(ev.campaign_kind, ca.campaign_kind) as "campaignKind", coalesce(ev.campaign_id, ca.campaign_id) as "campaignId",
        coalesce(ev.clicks, 0) as clicks, coalesce(ev.clickers, 0) as clickers
      from events ev
      full join (select campaign_kind, campaign_id from campaign_assets where asset_id = ${assetId}::uuid) ca
        on ca.campaign_kind = ev.campaign_kind and ca.campaign_id = ev.campaign_id
      order by 3 desc, 2`,
  );

  // Leads of each campaign whose contact clicked this asset's link of that campaign.
  const clickers = await queryRows<{ campaignId: string; contactId: string }>(
    db,
    sql`select distinct e.campaign_id as "campaignId", e.contact_id as "contactId"
      from content_events e
      where e.asset_id = ${assetId}::uuid and e.kind = 'click' and ${person} and e.campaign_id is not null and e.contact_id is not null`,
  );
  const clicked = new Set(clickers.map((c) => `${c.campaignId}/${c.contactId}`));
  const leads = clickers.length
    ? await hooks.leadsFor(db, { campaignIds: [...new Set(clickers.map((c) => c.campaignId))], contactIds: [...new Set(clickers.map((c) => c.contactId))] })
    : [];
  const leadsByCampaign = new Map<string, Set<string>>();
  for (const lead of leads) {
    if (!clicked.has(`${lead.campaignId}/${lead.contactId}`)) continue;
    const set = leadsByCampaign.get(lead.campaignId) ?? new Set<string>();
    set.add(lead.leadId);
    leadsByCampaign.set(lead.campaignId, set);
  }

  const campaigns: AssetReportCampaign[] = [];
  for (const row of byCampaign) {
    const found = await hooks.findCampaign(db, row.campaignId);
    campaigns.push({
      campaignKind: row.campaignKind,
      campaignId: row.campaignId,
      campaignName: found?.name ?? 'Deleted campaign',
      clicks: row.clicks,
      clickers: row.clickers,
      leads: leadsByCampaign.get(row.campaignId)?.size ?? 0,
    });
  }

  // One row per UTC day of the window, oldest first, zero-filled.
  const today = new Date(Math.floor(deps.now().getTime() / DAY_MS) * DAY_MS);
  const from = new Date(today.getTime() - (input.days - 1) * DAY_MS);
  const daily = await queryRows<{ day: string; views: number; clicks: number }>(
    db,
    sql`select to_char(d.day at time zone 'UTC', 'YYYY-MM-DD') as day,
        count(e.id) filter (where e.kind = 'view')::int as views,
        count(e.id) filter (where e.kind = 'click')::int as clicks
      from generate_series(${from.toISOString()}::timestamptz, ${today.toISOString()}::timestamptz, interval '1 day') as d(day)
      left join content_events e on e.asset_id = ${assetId}::uuid and not e.automated
        and e.at >= d.day and e.at < d.day + interval '1 day'
      group by d.day order by d.day`,
  );

  return {
    assetId,
    totals: { ...(totals ?? { views: 0, clicks: 0, clickers: 0, automated: 0 }), leads: campaigns.reduce((n, c) => n + c.leads, 0) },
    campaigns,
    daily,
  };
}
