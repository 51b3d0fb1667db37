// Personalized tracking links: one per contact, asset, campaign and channel (the unique index
// tracking_links_natural_key); made again, the same link comes back. Made one at a time for a
// person to copy (createLink) or in bulk for a send or a script (trackingUrlsFor).
import { sql } from 'drizzle-orm';
import type { CampaignKind, CreateLinkRequest, TrackingChannel, TrackingLinkView, UtmParameters } from '@shared/contracts/content-tracking';
import type { Deps } from '../../../core/deps';
import type { Config } from '../../../config/config';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import { AppError } from '../../../core/app-error';
import type { ContentHooks } from '../hooks';
import { assetOf, campaignOf, unknownCampaign, type FoundCampaign } from './campaign-links';
import { linkSecret, linkUrl, newLinkCode } from './link-token';
import { slugOf } from './slug';

const NO_CAMPAIGN = '00000000-0000-0000-0000-000000000000';

/** utm_medium by where the link is handed out. */
const MEDIUM: Record<TrackingChannel, string> = { email: 'email', call_script: 'phone', resources_centre: 'resources-centre' };

/** The UTM parameters a link adds on the way to its asset (as named when the link is made). */
export function utmFor(input: { channel: TrackingChannel; campaignName: string | null; asset: { id: string; title: string } }): UtmParameters {
  const campaign = input.campaignName === null ? '' : slugOf(input.campaignName);
  return {
    utm_source: 'pivotal',
    utm_medium: MEDIUM[input.channel],
    ...(campaign ? { utm_campaign: campaign } : {}),
    utm_content: slugOf(input.asset.title) || input.asset.id,
  };
}

const textArray = (values: readonly string[]) => sql`${sql.param(values)}::text[]`;

export interface LinkBatch {
  assets: ReadonlyArray<{ id: string; title: string }>;
  contactIds: readonly string[];
  campaign: FoundCampaign | null;
  channel: TrackingChannel;
}

interface LinkRow extends Record<string, unknown> {
  id: string;
  code: string;
  contactId: string;
  assetId: string;
  utm: UtmParameters;
  createdAt: Date | string;
}

/**
 * Makes the missing links of every contact × asset of the batch in one statement (live contacts
 * only; an existing link is kept by ON CONFLICT DO NOTHING) and reads them all back in another.
 */
async function ensureLinks(db: Database, batch: LinkBatch): Promise<LinkRow[]> {
  const codes: string[] = [];
  const contacts: string[] = [];
  const assets: string[] = [];
  const utms: string[] = [];
  for (const asset of batch.assets) {
    const utm = JSON.stringify(utmFor({ channel: batch.channel, campaignName: batch.campaign?.name ?? null, asset }));
    for (const contactId of batch.contactIds) {
      codes.push(newLinkCode());
      contacts.push(contactId);
      assets.push(asset.id);
      utms.push(utm);
    }
  }
  if (codes.length === 0) return [];
  const campaignId = batch.campaign?.id ?? null;
  await db.execute(
    sql`insert into tracking_links (code, contact_id, asset_id, campaign_kind, campaign_id, channel, utm)
      select t.code, t.contact_id::uuid, t.asset_id::uuid, ${batch.campaign?.kind ?? null}, ${campaignId}::uuid, ${batch.channel}, t.utm::jsonb
      from unnest(${textArray(codes)}, ${textArray(contacts)}, ${textArray(assets)}, ${textArray(utms)}) as t(code, contact_id, asset_id, utm)
      join contacts c on c.id = t.contact_id::uuid and c.deleted_at is null
      on conflict do nothing`,
  );
  return queryRows<LinkRow>(
    db,
    sql`select id, code, contact_id as "contactId", asset_id as "assetId", utm, created_at as "createdAt"
      from tracking_links
      where contact_id = any(${textArray(batch.contactIds)}::uuid[]) and asset_id = any(${textArray(batch.assets.map((a) => a.id))}::uuid[])
        and channel = ${batch.channel} and coalesce(campaign_id, ${NO_CAMPAIGN}::uuid) = coalesce(${campaignId}::uuid, ${NO_CAMPAIGN}::uuid)`,
  );
}

/** The campaign a request names: by id, of the kind given when one is; a 404 naming `campaignId` otherwise. */
async function requestedCampaign(hooks: ContentHooks, db: Database, request: { campaignKind?: CampaignKind | undefined; campaignId?: string | undefined }): Promise<FoundCampaign | null> {
  if (!request.campaignId) return null;
  if (request.campaignKind) return campaignOf(hooks, db, { campaignKind: request.campaignKind, campaignId: request.campaignId });
  const found = await hooks.findCampaign(db, request.campaignId);
  if (!found) throw unknownCampaign();
  return found;
}

/** One contact's link to an asset (made once, then the same), for a person to copy. */
export async function createLink(deps: Pick<Deps, 'db' | 'config'>, hooks: ContentHooks, input: { assetId: string; request: CreateLinkRequest }): Promise<TrackingLinkView> {
  linkSecret(deps.config);
  const asset = await assetOf(deps.db, input.assetId, { live: true });
  const { request } = input;
  const contact = await queryOne<{ id: string }>(deps.db, sql`select id from contacts where id = ${request.contactId}::uuid and deleted_at is null`);
  if (!contact) throw new AppError('not_found', { detail: 'No such contact.', errors: [{ field: 'contactId', message: 'no such contact' }] });
  const campaign = await requestedCampaign(hooks, deps.db, request);
  const [link] = await ensureLinks(deps.db, { assets: [asset], contactIds: [contact.id], campaign, channel: request.channel });
  if (!link) throw new AppError('internal', { detail: 'The tracking link could not be made.' });
  return {
    id: link.id,
    url: linkUrl(deps.config, link.code),
    code: link.code,
    assetId: asset.id,
    contactId: contact.id,
    campaign: campaign ? { kind: campaign.kind, id: campaign.id, name: campaign.name } : null,
    channel: request.channel,
    utm: link.utm,
    createdAt: new Date(link.createdAt).toISOString(),
  };
}

/** Contact id → asset id → URL. */
export type TrackingUrls = Map<string, Map<string, string>>;

/**
 * The tracking URLs of many contacts for many assets in one campaign and channel, made where
 * missing (two statements for the whole batch). Unknown or archived assets and deleted contacts
 * are left out of the map; an unknown campaign is a 404.
 */
export async function trackingUrlsFor(
  db: Database,
  config: Pick<Config, 'TRACKING_SECRET' | 'PUBLIC_BASE_URL'>,
  hooks: Pick<ContentHooks, 'findCampaign'>,
  input: { assetIds: readonly string[]; contactIds: readonly string[]; campaign: { kind: CampaignKind; id: string } | null; channel: TrackingChannel },
): Promise<TrackingUrls> {
  const urls: TrackingUrls = new Map();
  if (input.assetIds.length === 0 || input.contactIds.length === 0) return urls;
  linkSecret(config);
  const campaign = input.campaign ? await campaignOf(hooks, db, { campaignKind: input.campaign.kind, campaignId: input.campaign.id }) : null;
  const assets = await queryRows<{ id: string; title: string }>(
    db,
    sql`select id, title from content_assets where id = any(${textArray([...new Set(input.assetIds)])}::uuid[]) and archived_at is null`,
  );
  const rows = await ensureLinks(db, { assets, contactIds: [...new Set(input.contactIds)], campaign, channel: input.channel });
  for (const row of rows) {
    let forContact = urls.get(row.contactId);
    if (!forContact) urls.set(row.contactId, (forContact = new Map()));
    forContact.set(row.assetId, linkUrl(config, row.code));
  }
  return urls;
}
