// Campaign links and tracking URLs of the content module: which email and call campaigns use an
// asset, personalized signed tracking links per contact, and an asset's report (views, clicks,
// leads by campaign).
//
// Routes (staff, under /api/content unless written otherwise):
//   assets/:assetId/usage                          GET (the campaigns using it), POST {campaignKind, campaignId} (attach),
//                                                  DELETE ?campaignKind=&campaignId= (detach)        content.read; content.create
//   campaigns/:campaignKind/:campaignId/assets     GET (the assets attached to a campaign)           content.read
//   assets/:assetId/links                          POST {contactId, campaignKind?, campaignId?, channel} → the contact's URL  content.create
//   assets/:assetId/report                         GET (totals, per campaign, daily series)          content.read
// Public (no sign-in; verified by the link's signature; an unknown or altered link is a plain 404):
//   /r/:code.:sig          GET: records a click (a touch on the contact's timeline), 302 to the asset with UTM parameters
//   /r/:code.:sig/view     GET: the landing page of a text asset (landing copy, email template, social post); records a view
import { z } from 'zod';
import type { AssetType } from './content';

const uuid = z.string().uuid();

export const CAMPAIGN_KINDS = ['email', 'call'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = { email: 'Email campaign', call: 'Call campaign' };

/** Where a tracking link is handed out: in an email, read from a call script, or on the Resources Centre. */
export const TRACKING_CHANNELS = ['email', 'call_script', 'resources_centre'] as const;
export type TrackingChannel = (typeof TRACKING_CHANNELS)[number];
export const TRACKING_CHANNEL_LABELS: Record<TrackingChannel, string> = {
  email: 'Email',
  call_script: 'Call script',
  resources_centre: 'Resources Centre',
};

// ---------------------------------------------------------------- campaign links

export const usageParamsSchema = z.strictObject({ assetId: uuid });

export const campaignRefSchema = z.strictObject({
  campaignKind: z.enum(CAMPAIGN_KINDS),
  campaignId: uuid,
});
export type CampaignRef = z.infer<typeof campaignRefSchema>;

export const campaignAssetsParamsSchema = campaignRefSchema;

/** A campaign using an asset. */
export interface AssetUsageItem {
  campaignKind: CampaignKind;
  campaignId: string;
  campaignName: string;
  linkedAt: string;
  linkedBy: { id: string; name: string } | null;
}

export interface AssetUsageResponse {
  items: AssetUsageItem[];
}

/** An asset attached to a campaign. */
export interface CampaignAssetItem {
  assetId: string;
  type: AssetType;
  title: string;
  /** Its merge field in the campaign's emails: `content.<name>` (each recipient's tracking URL). */
  mergeField: string;
  linkedAt: string;
}

export interface CampaignAssetsResponse {
  items: CampaignAssetItem[];
}

// ---------------------------------------------------------------- tracking links

export const createLinkSchema = z
  .strictObject({
    contactId: uuid,
    campaignKind: z.enum(CAMPAIGN_KINDS).optional(),
    campaignId: uuid.optional(),
    channel: z.enum(TRACKING_CHANNELS),
  })
  .refine((v) => v.campaignKind === undefined || v.campaignId !== undefined, { path: ['campaignId'], message: 'is required with campaignKind' });
export type CreateLinkRequest = z.infer<typeof createLinkSchema>;

export interface UtmParameters {
  utm_source: string;
  utm_medium: string;
  utm_campaign?: string;
  utm_content: string;
}

export interface TrackingLinkView {
  id: string;
  /** The URL to hand to the contact. */
  url: string;
  code: string;
  assetId: string;
  contactId: string;
  campaign: { kind: CampaignKind; id: string; name: string } | null;
  channel: TrackingChannel;
  utm: UtmParameters;
  createdAt: string;
}

// ---------------------------------------------------------------- report

export const reportQuerySchema = z.strictObject({
  /** Days of the daily series, ending today (UTC). */
  days: z.coerce.number().int().min(7).max(366).default(30),
});

export interface AssetReportCampaign {
  campaignKind: CampaignKind;
  campaignId: string;
  campaignName: string;
  /** Clicks by people (automated ones apart). */
  clicks: number;
  /** Contacts who clicked. */
  clickers: number;
  /** Leads of the campaign whose contact clicked this asset's link. */
  leads: number;
}

export interface AssetReport {
  assetId: string;
  totals: {
    views: number;
    clicks: number;
    clickers: number;
    /** Clicks and views by bots and link scanners, counted apart. */
    automated: number;
    leads: number;
  };
  campaigns: AssetReportCampaign[];
  /** One row per UTC day, oldest first. */
  daily: Array<{ day: string; views: number; clicks: number }>;
}

