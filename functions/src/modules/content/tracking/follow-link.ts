// Following a tracking link: the signature is checked first (a bad or unknown link records
// nothing), then the click is recorded as a content event and, when a person made it, as a touch
// on the contact's timeline; the answer is where the asset is read, with the link's UTM
// parameters added.
//
// Where a link lands, first that applies:
//  1. the asset's public page (`public_url`, the Resources Centre's page once pushed);
//  2. a video link's URL;
//  3. a document or image: a five-minute download URL of its current file (no UTM parameters:
//     the presigned URL's query is signed, and a file has no analytics to read them);
//  4. a text asset (landing copy, email template, social post): its landing page here,
//     `/r/{token}/view`, which renders the current version and records a view.
//
// One click a link a second: the event's source id is the link and the clock second, so a
// browser's double request or a replay within the same second is one click and one touch (the
// unique index on content_events.source_event_id, and the touches' own).
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { sql } from 'drizzle-orm';
import type { TrackingChannel, UtmParameters } from '@shared/contracts/content-tracking';
import type { AssetType } from '@shared/contracts/content';
import type { TouchChannel } from '@shared/contracts/activity';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { queryOne } from '../../../db/rows';
import type { ContentHooks } from '../hooks';
import { verifyLinkToken } from './link-token';

export interface Requester {
  userAgent: string | null;
  ip: string | null;
}

/** A link found by its verified code, with its asset's current version. */
export interface FoundLink extends Record<string, unknown> {
  id: string;
  contactId: string;
  assetId: string;
  campaignKind: 'email' | 'call' | null;
  campaignId: string | null;
  channel: TrackingChannel;
  utm: UtmParameters;
  type: AssetType;
  title: string;
  publicUrl: string | null;
  versionUrl: string | null;
  objectKey: string | null;
  fileName: string | null;
  contentType: string | null;
  subject: string | null;
  body: string | null;
}

/** The link a token names, when its signature holds and the link exists; null otherwise. */
export async function findLink(deps: Pick<Deps, 'db' | 'config'>, token: string): Promise<FoundLink | null> {
  const code = verifyLinkToken(deps.config.TRACKING_SECRET, token);
  if (!code) return null;
  const row = await queryOne<FoundLink>(
    deps.db,
    sql`select l.id, l.contact_id as "contactId", l.asset_id as "assetId", l.campaign_kind as "campaignKind", l.campaign_id as "campaignId",
        l.channel, l.utm, a.type, a.title, a.public_url as "publicUrl", v.url as "versionUrl", v.object_key as "objectKey",
        v.file_name as "fileName", v.content_type as "contentType", v.subject, v.body
      from tracking_links l
      join content_assets a on a.id = l.asset_id
      left join content_asset_versions v on v.id = a.current_version_id
      where l.code = ${code}`,
  );
  return row ?? null;
}

/** The touch channel of a link's: email for email links, call for call scripts, other for the Resources Centre. */
const TOUCH_CHANNEL: Record<TrackingChannel, TouchChannel> = { email: 'email', call_script: 'call', resources_centre: 'other' };

/** Adds the UTM parameters to a URL, keeping its own query (ours replace same-named ones) and fragment. */
export function withUtm(target: string, utm: UtmParameters): string {
  const url = new URL(target);
  for (const [name, value] of Object.entries(utm)) if (typeof value === 'string' && value) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * Records one event of a link (a click or a view of its landing page), once a link a second;
 * true when it was new. Machine requests are marked automated.
 */
async function recordEvent(db: Database, link: FoundLink, kind: 'click' | 'view', automated: boolean, at: Date): Promise<boolean> {
  const inserted = await queryOne<{ id: number }>(
    db,
    sql`insert into content_events (asset_id, kind, link_id, contact_id, campaign_kind, campaign_id, automated, source_event_id, at)
      values (${link.assetId}::uuid, ${kind}, ${link.id}::uuid, ${link.contactId}::uuid, ${link.campaignKind}, ${link.campaignId}::uuid, ${automated},
              ${sourceEventId(kind, link.id, at)}, ${at.toISOString()}::timestamptz)
      on conflict (source_event_id) do nothing
      returning id`,
  );
  return inserted !== undefined;
}

/** One event a link, kind and clock second. */
export const sourceEventId = (kind: 'click' | 'view', linkId: string, at: Date) => `content:${kind}:${linkId}:${Math.floor(at.getTime() / 1000)}`;

/** Records a click (and its touch, for a person's) and answers where to send the browser; null for a bad or unknown link. */
export async function followLink(deps: Pick<Deps, 'db' | 'config' | 'now' | 'aws'>, hooks: ContentHooks, token: string, requester: Requester): Promise<string | null> {
  const link = await findLink(deps, token);
  if (!link) return null;
  const at = deps.now();
  const automated = hooks.isMachineClick(requester);
  await deps.db.transaction(async (tx) => {
    const fresh = await recordEvent(tx, link, 'click', automated, at);
    if (!fresh || automated) return;
    await hooks.recordTouches(tx, [
      {
        sourceEventId: sourceEventId('click', link.id, at),
        channel: TOUCH_CHANNEL[link.channel],
        kind: 'clicked',
        contactId: link.contactId,
        campaignId: link.campaignId,
        occurredAt: at.toISOString(),
        summary: `Opened “${link.title}” from a content link`.slice(0, 500),
      },
    ]);
  });
  return landingOf(deps, link, token);
}

/** Where a followed link lands (see the header). */
async function landingOf(deps: Pick<Deps, 'config' | 'aws'>, link: FoundLink, token: string): Promise<string> {
  if (link.publicUrl) return withUtm(link.publicUrl, link.utm);
  if (link.type === 'video_link' && link.versionUrl) return withUtm(link.versionUrl, link.utm);
  if (link.objectKey) {
    const command = new GetObjectCommand({
      Bucket: deps.config.CONTENT_BUCKET_NAME,
      Key: link.objectKey,
      ...(link.contentType ? { ResponseContentType: link.contentType } : {}),
      ...(link.fileName ? { ResponseContentDisposition: `inline; filename="${link.fileName.replace(/["\\\r\n]/g, '_')}"` } : {}),
    });
    return getSignedUrl(deps.aws.s3, command, { expiresIn: 300 });
  }
  return withUtm(`${deps.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/r/${token}/view`, link.utm);
}

/** The landing page of a text asset: records a view (machine ones apart) and gives the link for rendering; null for a bad or unknown link. */
export async function viewLink(deps: Pick<Deps, 'db' | 'config' | 'now'>, hooks: ContentHooks, token: string, requester: Requester): Promise<FoundLink | null> {
  const link = await findLink(deps, token);
  if (!link) return null;
  await recordEvent(deps.db, link, 'view', hooks.isMachineClick(requester), deps.now());
  return link;
}
