// Demo data for `npm start -- --demo`: the demo assets attached to the demo's email and call
// campaigns, tracking links for some of their contacts, and three weeks of clicks and views
// (bots and scanners among them) with the click touches on the contacts' timelines. Runs once: a
// database with tracking links keeps them.
import { sql } from 'drizzle-orm';
import type { TouchInput } from '@shared/contracts/activity';
import type { CampaignKind, TrackingChannel } from '@shared/contracts/content-tracking';
import type { Deps } from '../../../core/deps';
import { queryOne, queryRows } from '../../../db/rows';
import type { ContentHooks } from '../hooks';
import { sourceEventId } from './follow-link';
import { trackingUrlsFor } from './tracking-links';

export interface TrackingDemoReport {
  attachments: number;
  links: number;
  clicks: number;
  views: number;
  touches: number;
}

const DAY = 86_400_000;

/** A small seeded generator (mulberry32): the same demo every time. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const textArray = (values: readonly (string | null)[]) => sql`${sql.param(values)}::text[]`;

export async function seedTrackingDemo(
  deps: Pick<Deps, 'db' | 'config' | 'now'>,
  hooks: ContentHooks,
  input: { assetIds: readonly string[] },
): Promise<TrackingDemoReport | null> {
  const { db } = deps;
  const any = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from tracking_links`);
  if (Number(any?.n ?? 0) > 0 || input.assetIds.length === 0 || !deps.config.TRACKING_SECRET) return null;

  // The demo's campaigns (two of each kind) and contacts to link.
  const campaigns = await queryRows<{ id: string; kind: CampaignKind; name: string }>(
    db,
    sql`(select id, 'email' as kind, name from email_campaigns where deleted_at is null order by created_at limit 2)
      union all
      (select id, 'call' as kind, name from call_campaigns where deleted_at is null order by created_at limit 2)`,
  );
  const contacts = (await queryRows<{ id: string }>(db, sql`select id from contacts where deleted_at is null order by created_at, id limit 60`)).map((c) => c.id);
  if (campaigns.length === 0 || contacts.length === 0) return null;

  const assetIds = input.assetIds.slice(0, 4);
  const random = generator(19);
  let attachments = 0;
  const events: Array<{ assetId: string; kind: 'click' | 'view'; linkId: string; contactId: string; campaign: { kind: CampaignKind; id: string }; automated: boolean; at: Date }> = [];
  const touches: TouchInput[] = [];
  let links = 0;

  for (const [i, campaign] of campaigns.entries()) {
    // Each campaign carries two or three of the assets.
    const carried = assetIds.filter((_, j) => (i + j) % 3 !== 2);
    for (const assetId of carried) {
      await db.execute(
        sql`insert into campaign_assets (campaign_kind, campaign_id, asset_id, linked_at) values (${campaign.kind}, ${campaign.id}::uuid, ${assetId}::uuid,
          ${new Date(deps.now().getTime() - 25 * DAY).toISOString()}::timestamptz) on conflict do nothing`,
      );
      attachments += 1;
    }
    const channel: TrackingChannel = campaign.kind === 'email' ? 'email' : 'call_script';
    const audience = contacts.filter((_, k) => (k + i) % 2 === 0).slice(0, 25);
    const urls = await trackingUrlsFor(db, deps.config, hooks, { assetIds: carried, contactIds: audience, campaign, channel });
    const rows = await queryRows<{ id: string; contactId: string; assetId: string; title: string }>(
      db,
      sql`select l.id, l.contact_id as "contactId", l.asset_id as "assetId", a.title from tracking_links l join content_assets a on a.id = l.asset_id
        where l.campaign_id = ${campaign.id}::uuid and l.channel = ${channel}`,
    );
    links += [...urls.values()].reduce((n, m) => n + m.size, 0);
    for (const link of rows) {
      if (random() > 0.4) continue;
      const clicks = random() < 0.3 ? 2 : 1;
      for (let c = 0; c < clicks; c++) {
        const at = new Date(deps.now().getTime() - Math.floor(random() * 21 * DAY) - Math.floor(random() * 3_600_000));
        const automated = random() < 0.12;
        events.push({ assetId: link.assetId, kind: 'click', linkId: link.id, contactId: link.contactId, campaign, automated, at });
        if (!automated) {
          touches.push({
            sourceEventId: sourceEventId('click', link.id, at),
            channel: channel === 'email' ? 'email' : 'call',
            kind: 'clicked',
            contactId: link.contactId,
            campaignId: campaign.id,
            occurredAt: at.toISOString(),
            summary: `Opened “${link.title}” from a content link`,
          });
          if (random() < 0.6) events.push({ assetId: link.assetId, kind: 'view', linkId: link.id, contactId: link.contactId, campaign, automated: false, at: new Date(at.getTime() + 5_000) });
        }
      }
    }
  }

  // All the demo's events in one statement.
  if (events.length) {
    await db.execute(
      sql`insert into content_events (asset_id, kind, link_id, contact_id, campaign_kind, campaign_id, automated, source_event_id, at)
        select t.asset_id::uuid, t.kind, t.link_id::uuid, t.contact_id::uuid, t.campaign_kind, t.campaign_id::uuid, t.automated::boolean, t.source_event_id, t.at::timestamptz
        from unnest(${textArray(events.map((e) => e.assetId))}, ${textArray(events.map((e) => e.kind))}, ${textArray(events.map((e) => e.linkId))},
                    ${textArray(events.map((e) => e.contactId))}, ${textArray(events.map((e) => e.campaign.kind))}, ${textArray(events.map((e) => e.campaign.id))},
                    ${textArray(events.map((e) => String(e.automated)))}, ${textArray(events.map((e) => sourceEventId(e.kind, e.linkId, e.at)))},
                    ${textArray(events.map((e) => e.at.toISOString()))})
          as t(asset_id, kind, link_id, contact_id, campaign_kind, campaign_id, automated, source_event_id, at)
        on conflict (source_event_id) do nothing`,
    );
  }
  await hooks.recordTouches(db, touches);
  return {
    attachments,
    links,
    clicks: events.filter((e) => e.kind === 'click').length,
    views: events.filter((e) => e.kind === 'view').length,
    touches: touches.length,
  };
}
