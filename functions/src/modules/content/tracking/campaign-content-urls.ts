// The tracking URLs a campaign's messages and call scripts carry: the merge-field name of each live
// asset attached to the campaign (`content.why_intent_data`), and for each contact that name → the
// contact's link, made where missing (the email and telephony modules reach these through hooks).
import { sql } from 'drizzle-orm';
import type { CampaignKind, TrackingChannel } from '@shared/contracts/content-tracking';
import type { Config } from '../../../config/config';
import type { Database } from '../../../db/connection';
import { queryRows } from '../../../db/rows';
import type { ContentHooks } from '../hooks';
import { slugOf } from './slug';
import { trackingUrlsFor } from './tracking-links';

/** An asset's name under `content` in a message: its title's slug with underscores (Liquid reads hyphens as minus). */
export function contentMergeKey(title: string, assetId: string): string {
  const key = slugOf(title).replace(/-/g, '_');
  if (!key) return `asset_${assetId.replace(/-/g, '').slice(0, 12)}`;
  return /^[0-9]/.test(key) ? `asset_${key}` : key;
}

export interface CampaignContentField {
  /** The name under `content` (`why_intent_data` for `{{ content.why_intent_data }}`). */
  key: string;
  assetId: string;
  title: string;
}

/**
 * The merge key of each live asset attached to a campaign, in the order they were attached: two
 * assets of the same title, the first attached keeps the plain name and the next gets its id's tail.
 */
export async function campaignContentFields(db: Database, ref: { campaignKind: CampaignKind; campaignId: string }): Promise<CampaignContentField[]> {
  const assets = await queryRows<{ id: string; title: string }>(
    db,
    sql`select a.id, a.title from campaign_assets ca join content_assets a on a.id = ca.asset_id
      where ca.campaign_kind = ${ref.campaignKind} and ca.campaign_id = ${ref.campaignId}::uuid and a.archived_at is null
      order by ca.linked_at, a.id`,
  );
  const taken = new Set<string>();
  return assets.map((asset) => {
    let key = contentMergeKey(asset.title, asset.id);
    if (taken.has(key)) key = `${key}_${asset.id.replace(/-/g, '').slice(-6)}`;
    taken.add(key);
    return { key, assetId: asset.id, title: asset.title };
  });
}

/** Contact id → merge key → URL, for the live assets attached to a campaign (empty when none are). */
export async function campaignContentUrls(
  db: Database,
  config: Pick<Config, 'TRACKING_SECRET' | 'PUBLIC_BASE_URL'>,
  hooks: Pick<ContentHooks, 'findCampaign'>,
  input: { campaignKind: CampaignKind; campaignId: string; contactIds: readonly string[]; channel: TrackingChannel },
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  const fields = await campaignContentFields(db, input);
  if (fields.length === 0 || input.contactIds.length === 0) return out;
  const keys = new Map(fields.map((f) => [f.assetId, f.key]));
  const urls = await trackingUrlsFor(db, config, hooks, {
    assetIds: fields.map((f) => f.assetId),
    contactIds: input.contactIds,
    campaign: { kind: input.campaignKind, id: input.campaignId },
    channel: input.channel,
  });
  for (const [contactId, byAsset] of urls) {
    const record: Record<string, string> = {};
    for (const [assetId, url] of byAsset) record[keys.get(assetId)!] = url;
    out.set(contactId, record);
  }
  return out;
}
