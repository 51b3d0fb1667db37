// Which email and call campaigns use an asset: attach, detach, and both sides' lists. Campaigns
// are found through the findCampaign hook (the leads module's lookup over both kinds).
import { and, eq, sql } from 'drizzle-orm';
import type { AssetUsageItem, CampaignAssetItem, CampaignKind, CampaignRef } from '@shared/contracts/content-tracking';
import type { AssetType } from '@shared/contracts/content';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import { AppError, notFound } from '../../../core/app-error';
import { campaignAssets } from '../../../db/schema';
import type { ContentHooks } from '../hooks';
import { campaignContentFields, contentMergeKey } from './campaign-content-urls';

type Db = Pick<Deps, 'db'>;

export interface FoundCampaign {
  id: string;
  kind: CampaignKind;
  name: string;
}

/** A 404 naming the field, the way a missing campaign is answered everywhere in this part. */
export const unknownCampaign = (field = 'campaignId') =>
  new AppError('not_found', { detail: 'No such campaign.', errors: [{ field, message: 'no such campaign' }] });

/** The campaign of this kind and id (not deleted); a 404 naming `campaignId` otherwise. */
export async function campaignOf(hooks: Pick<ContentHooks, 'findCampaign'>, db: Database, ref: CampaignRef): Promise<FoundCampaign> {
  const found = await hooks.findCampaign(db, ref.campaignId);
  if (!found || found.kind !== ref.campaignKind) throw unknownCampaign();
  return found;
}

/** The asset of this id (404 when there is none); `live` refuses an archived one. */
export async function assetOf(db: Database, assetId: string, options: { live?: boolean } = {}): Promise<{ id: string; type: AssetType; title: string; archived: boolean }> {
  const row = await queryOne<{ id: string; type: AssetType; title: string; archived: boolean }>(
    db,
    sql`select id, type, title, archived_at is not null as archived from content_assets where id = ${assetId}::uuid`,
  );
  if (!row) throw notFound('asset');
  if (options.live && row.archived) throw new AppError('conflict', { detail: 'The asset is archived: restore it first.' });
  return row;
}

/** The campaigns using an asset, newest link first (campaigns since deleted are left out). */
export async function assetUsage(deps: Db, hooks: ContentHooks, assetId: string): Promise<AssetUsageItem[]> {
  await assetOf(deps.db, assetId);
  const rows = await queryRows<{ campaignKind: CampaignKind; campaignId: string; linkedAt: Date | string; linkedById: string | null; linkedByName: string | null }>(
    deps.db,
    sql`select ca.campaign_kind as "campaignKind", ca.campaign_id as "campaignId", ca.linked_at as "linkedAt",
        u.id as "linkedById", nullif(trim(u.first_name || ' ' || u.last_name), '') as "linkedByName"
      from campaign_assets ca left join users u on u.id = ca.linked_by
      where ca.asset_id = ${assetId}::uuid
      order by ca.linked_at desc`,
  );
  const items: AssetUsageItem[] = [];
  for (const row of rows) {
    const campaign = await hooks.findCampaign(deps.db, row.campaignId);
    if (!campaign || campaign.kind !== row.campaignKind) continue;
    items.push({
      campaignKind: row.campaignKind,
      campaignId: row.campaignId,
      campaignName: campaign.name,
      linkedAt: new Date(row.linkedAt).toISOString(),
      linkedBy: row.linkedById ? { id: row.linkedById, name: row.linkedByName ?? 'Unknown user' } : null,
    });
  }
  return items;
}

/** Attaches an asset to a campaign (again: nothing changes). */
export async function attachAsset(deps: Pick<Deps, 'db' | 'now'>, hooks: ContentHooks, input: { assetId: string; ref: CampaignRef; userId: string | null }): Promise<void> {
  await assetOf(deps.db, input.assetId, { live: true });
  await campaignOf(hooks, deps.db, input.ref);
  await deps.db
    .insert(campaignAssets)
    .values({ assetId: input.assetId, campaignKind: input.ref.campaignKind, campaignId: input.ref.campaignId, linkedBy: input.userId, linkedAt: deps.now() })
    .onConflictDoNothing();
}

/** Detaches an asset from a campaign; a campaign that neither exists nor uses it is a 404 naming `campaignId`. */
export async function detachAsset(deps: Db, hooks: ContentHooks, input: { assetId: string; ref: CampaignRef }): Promise<void> {
  await assetOf(deps.db, input.assetId);
  const removed = await deps.db
    .delete(campaignAssets)
    .where(and(eq(campaignAssets.assetId, input.assetId), eq(campaignAssets.campaignKind, input.ref.campaignKind), eq(campaignAssets.campaignId, input.ref.campaignId)))
    .returning({ assetId: campaignAssets.assetId });
  // A link to a campaign deleted since can still be removed; otherwise the campaign must exist.
  if (removed.length === 0) await campaignOf(hooks, deps.db, input.ref);
}

/** The live assets attached to a campaign, newest link first. */
export async function campaignAssetList(deps: Db, hooks: ContentHooks, ref: CampaignRef): Promise<CampaignAssetItem[]> {
  await campaignOf(hooks, deps.db, ref);
  const rows = await queryRows<{ assetId: string; type: AssetType; title: string; linkedAt: Date | string }>(
    deps.db,
    sql`select a.id as "assetId", a.type, a.title, ca.linked_at as "linkedAt"
      from campaign_assets ca join content_assets a on a.id = ca.asset_id
      where ca.campaign_kind = ${ref.campaignKind} and ca.campaign_id = ${ref.campaignId}::uuid and a.archived_at is null
      order by ca.linked_at desc`,
  );
  // The names messages and scripts use, two assets of one title told apart as there.
  const keys = new Map((await campaignContentFields(deps.db, ref)).map((f) => [f.assetId, f.key]));
  return rows.map((r) => ({ ...r, mergeField: `content.${keys.get(r.assetId) ?? contentMergeKey(r.title, r.assetId)}`, linkedAt: new Date(r.linkedAt).toISOString() }));
}
