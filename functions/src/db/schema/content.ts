// Content tables: the asset library (assets and their versions, files in S3), which campaigns use
// an asset, connected social accounts and scheduled posts, the Resources Centre link (settings,
// pushes and their attempts, the signed inbound requests' nonces, reference people and the
// conflicts a person resolves) and tracking links with their clicks.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts } from './accounts';
import { id, timestamps } from './columns';
import { users } from './identity';

/**
 * An asset of the library. Its content lives in versions; `current_version_id` is the one in use
 * (the newest, or the one last restored). `public_url` is where the Resources Centre shows it once
 * pushed (tracking links land there).
 */
export const contentAssets = pgTable(
  'content_assets',
  {
    id: id(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    currentVersionId: uuid('current_version_id'),
    /** Where the asset is read by people once published (the Resources Centre's page for it), if anywhere. */
    publicUrl: text('public_url'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('content_assets_type_idx').on(t.type, t.updatedAt),
    index('content_assets_tags_idx').using('gin', t.tags),
    check('content_assets_type_check', sql`${t.type} in ('document', 'image', 'video_link', 'email_template', 'landing_copy', 'social_post')`),
  ],
);

/**
 * One version of an asset, numbered from 1 per asset; never changed once written. A file version
 * names its S3 object (`object_key`, content type, size, the preview image the upload made); a text
 * version (email template, landing copy, social post) carries `body` (and `subject` for email); a
 * video link carries `url`. `source` says how it came: an upload, an edit, AI drafting (`ai_model`,
 * `brief`), or a restore of `restored_from` (a copy of that version's content).
 */
export const contentAssetVersions = pgTable(
  'content_asset_versions',
  {
    id: id(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => contentAssets.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    source: text('source').notNull(),
    objectKey: text('object_key'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    /** SHA-256 of the file, hex, when the upload reported it. */
    sha256: text('sha256'),
    /** A PNG of the first page (PDF) or a scaled copy (image), when one could be made. */
    previewKey: text('preview_key'),
    subject: text('subject'),
    body: text('body'),
    url: text('url'),
    note: text('note'),
    aiModel: text('ai_model'),
    brief: text('brief'),
    restoredFrom: uuid('restored_from'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('content_asset_versions_number_key').on(t.assetId, t.number),
    check('content_asset_versions_source_check', sql`${t.source} in ('upload', 'edit', 'ai', 'restore')`),
    check('content_asset_versions_number_check', sql`${t.number} > 0`),
  ],
);

/**
 * An upload in progress: the presigned PUT was handed out for `object_key`; completing it checks the
 * object and makes a version (of `asset_id`, or of a new asset from `draft`). Expired ones are swept.
 */
export const contentUploads = pgTable(
  'content_uploads',
  {
    id: id(),
    assetId: uuid('asset_id').references(() => contentAssets.id, { onDelete: 'cascade' }),
    /** For a new asset: {type, title, description, tags}. */
    draft: jsonb('draft'),
    objectKey: text('object_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    state: text('state').notNull().default('pending'),
    versionId: uuid('version_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('content_uploads_object_key').on(t.objectKey),
    index('content_uploads_pending_idx').on(t.expiresAt).where(sql`${t.state} = 'pending'`),
    check('content_uploads_state_check', sql`${t.state} in ('pending', 'completed', 'expired')`),
  ],
);

/** An asset attached to an email or call campaign (where the asset is in use). */
export const campaignAssets = pgTable(
  'campaign_assets',
  {
    campaignKind: text('campaign_kind').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => contentAssets.id, { onDelete: 'cascade' }),
    linkedBy: uuid('linked_by').references(() => users.id, { onDelete: 'set null' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignKind, t.campaignId, t.assetId] }),
    index('campaign_assets_asset_idx').on(t.assetId),
    check('campaign_assets_kind_check', sql`${t.campaignKind} in ('email', 'call')`),
  ],
);

/**
 * A connected social account. Its access token is sealed at rest (`token_ref` is the sealed
 * store's reference: a Secrets Manager ARN on AWS, an AES-GCM envelope locally).
 */
export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: id(),
    platform: text('platform').notNull(),
    name: text('name').notNull(),
    /** The platform's id of the member, page or author the posts go out as. */
    externalId: text('external_id').notNull(),
    tokenRef: text('token_ref').notNull(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    state: text('state').notNull().default('connected'),
    lastError: text('last_error'),
    connectedBy: uuid('connected_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('social_accounts_external_key').on(t.platform, t.externalId),
    check('social_accounts_platform_check', sql`${t.platform} in ('linkedin', 'x', 'facebook')`),
    check('social_accounts_state_check', sql`${t.state} in ('connected', 'disconnected', 'expired')`),
  ],
);

/**
 * A social post: its text (and link), the account, when it goes out. `state` moves draft →
 * scheduled → publishing → published, or failed (with `last_error`, retried by a person or the
 * next attempt at `next_attempt_at`); `schedule_name` is the one-off EventBridge schedule that
 * fires it (locally the stack's timer finds due posts).
 */
export const socialPosts = pgTable(
  'social_posts',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id').references(() => contentAssets.id, { onDelete: 'set null' }),
    versionId: uuid('version_id'),
    body: text('body').notNull(),
    linkUrl: text('link_url'),
    state: text('state').notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    scheduleName: text('schedule_name'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    externalId: text('external_id'),
    externalUrl: text('external_url'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('social_posts_due_idx').on(t.scheduledAt).where(sql`${t.state} = 'scheduled'`),
    index('social_posts_calendar_idx').on(t.scheduledAt, t.accountId),
    check('social_posts_state_check', sql`${t.state} in ('draft', 'scheduled', 'publishing', 'published', 'failed', 'cancelled')`),
  ],
);

/**
 * The Resources Centre link: one row (id = 1). Secrets are sealed (`secret_ref`); during a rotation
 * the previous secret (`previous_secret_ref`) is still accepted on inbound requests until
 * `previous_secret_expires_at`.
 */
export const resourcesCentreSettings = pgTable(
  'resources_centre_settings',
  {
    id: integer('id').primaryKey().default(1),
    endpointUrl: text('endpoint_url').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    secretRef: text('secret_ref').notNull(),
    previousSecretRef: text('previous_secret_ref'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    lastPushAt: timestamp('last_push_at', { withTimezone: true }),
    lastPullAt: timestamp('last_pull_at', { withTimezone: true }),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    /** The Resources Centre's cursor for the scheduled pull of reference data. */
    pullCursor: text('pull_cursor'),
    lastPullError: text('last_pull_error'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [check('resources_centre_settings_single_row', sql`${t.id} = 1`)],
);

/**
 * A push of an asset version to the Resources Centre. `idempotency_key` is sent with every attempt
 * so a retried push is applied once there; `state` pending → delivered or failed (after the last
 * retry); attempts are logged in resources_centre_attempts.
 */
export const resourcesCentrePushes = pgTable(
  'resources_centre_pushes',
  {
    id: id(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => contentAssets.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The Resources Centre's id and page for the asset, from its answer. */
    remoteId: text('remote_id'),
    remoteUrl: text('remote_url'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('resources_centre_pushes_idempotency_key').on(t.idempotencyKey),
    index('resources_centre_pushes_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index('resources_centre_pushes_asset_idx').on(t.assetId, t.createdAt),
    check('resources_centre_pushes_state_check', sql`${t.state} in ('pending', 'delivered', 'failed')`),
  ],
);

/**
 * The Resources Centre's log: every outbound attempt (push, pull) and every inbound request, with
 * its outcome (delivered, refused and why, failed and why).
 */
export const resourcesCentreLog = pgTable(
  'resources_centre_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    direction: text('direction').notNull(),
    pushId: uuid('push_id').references(() => resourcesCentrePushes.id, { onDelete: 'cascade' }),
    outcome: text('outcome').notNull(),
    httpStatus: integer('http_status'),
    detail: text('detail'),
    durationMs: integer('duration_ms'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resources_centre_log_at_idx').on(t.at),
    index('resources_centre_log_push_idx').on(t.pushId).where(sql`${t.pushId} is not null`),
    check('resources_centre_log_direction_check', sql`${t.direction} in ('push', 'pull', 'inbound')`),
    check('resources_centre_log_outcome_check', sql`${t.outcome} in ('delivered', 'accepted', 'refused', 'failed')`),
  ],
);

/** Nonces of accepted inbound requests, kept past the timestamp window so a replay is refused. */
export const resourcesCentreNonces = pgTable(
  'resources_centre_nonces',
  {
    nonce: text('nonce').primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resources_centre_nonces_received_idx').on(t.receivedAt)],
);

/**
 * Reference data from the Resources Centre: speakers, organizers and sponsors, keyed by its id.
 * `data` is the record as last accepted; `remote_updated_at` its time there; `edited_at` is set when
 * a person here changed it (an incoming change to an edited record becomes a conflict).
 */
export const referencePeople = pgTable(
  'reference_people',
  {
    id: id(),
    kind: text('kind').notNull(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    remoteUpdatedAt: timestamp('remote_updated_at', { withTimezone: true }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('reference_people_external_key').on(t.kind, t.externalId),
    check('reference_people_kind_check', sql`${t.kind} in ('speaker', 'organizer', 'sponsor')`),
  ],
);

/** An incoming reference record that disagrees with one edited here: open until a person keeps ours or takes theirs. */
export const referenceConflicts = pgTable(
  'reference_conflicts',
  {
    id: id(),
    referenceId: uuid('reference_id')
      .notNull()
      .references(() => referencePeople.id, { onDelete: 'cascade' }),
    incoming: jsonb('incoming').notNull(),
    incomingUpdatedAt: timestamp('incoming_updated_at', { withTimezone: true }),
    /** The fields whose values differ. */
    fields: text('fields').array().notNull(),
    state: text('state').notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reference_conflicts_open_idx').on(t.referenceId).where(sql`${t.state} = 'open'`),
    check('reference_conflicts_state_check', sql`${t.state} in ('open', 'resolved')`),
    check('reference_conflicts_resolution_check', sql`${t.resolution} is null or ${t.resolution} in ('keep_ours', 'take_theirs')`),
  ],
);

/**
 * A personalized tracking link: one per contact, asset, campaign and channel (made again, it is the
 * same link). `code` is the short public part of the URL (the URL also carries its signature);
 * `utm` the UTM parameters added on the way to the asset.
 */
export const trackingLinks = pgTable(
  'tracking_links',
  {
    id: id(),
    code: text('code').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => contentAssets.id, { onDelete: 'cascade' }),
    campaignKind: text('campaign_kind'),
    campaignId: uuid('campaign_id'),
    channel: text('channel').notNull(),
    utm: jsonb('utm').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tracking_links_code_key').on(t.code),
    uniqueIndex('tracking_links_natural_key').on(t.contactId, t.assetId, t.channel, sql`coalesce(${t.campaignId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    index('tracking_links_asset_idx').on(t.assetId),
    check('tracking_links_channel_check', sql`${t.channel} in ('email', 'call_script', 'resources_centre')`),
    check('tracking_links_campaign_kind_check', sql`${t.campaignKind} is null or ${t.campaignKind} in ('email', 'call')`),
  ],
);

/**
 * What happened to an asset: a view (the Resources Centre reported its page read, or the preview
 * opened from a link) or a click on a tracking link. `contact_id` and the campaign come from the
 * link when there is one. A click is also a touch on the contact's timeline.
 */
export const contentEvents = pgTable(
  'content_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => contentAssets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    linkId: uuid('link_id').references(() => trackingLinks.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    campaignKind: text('campaign_kind'),
    campaignId: uuid('campaign_id'),
    /** A bot or link scanner's click (counted apart, no touch). */
    automated: boolean('automated').notNull().default(false),
    sourceEventId: text('source_event_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('content_events_asset_idx').on(t.assetId, t.kind, t.at),
    uniqueIndex('content_events_source_key').on(t.sourceEventId),
    check('content_events_kind_check', sql`${t.kind} in ('view', 'click')`),
  ],
);
