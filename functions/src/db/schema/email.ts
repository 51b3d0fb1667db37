// Email tables: the deliverability settings (sending and tracking domains, IP pools, warm-up
// plans, sender profiles), saved templates, and campaigns with their variants, the frozen
// recipients (each one's sending state and what happened to the message), the batch
// checkpoints of the sending workflow and the tracking and feedback events.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, contacts } from './accounts';
import { id, softDelete, timestamps } from './columns';
import { users } from './identity';

// ---------------------------------------------------------------- deliverability settings

/** A domain mail is sent from: its SES identity, the DNS records to publish and their state. */
export const sendingDomains = pgTable(
  'sending_domains',
  {
    id: id(),
    domain: text('domain').notNull(),
    status: text('status').notNull().default('pending'),
    dkimVerified: boolean('dkim_verified').notNull().default(false),
    /** The DKIM CNAMEs, SPF and DMARC records to publish ([{type, name, value, purpose}]). */
    records: jsonb('records').notNull().default(sql`'[]'::jsonb`),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    ...timestamps(),
    // Deleted domains stay while sender profiles of past campaigns refer to them.
    ...softDelete(),
  },
  (t) => [
    uniqueIndex('sending_domains_domain_key').on(t.domain).where(sql`${t.deletedAt} is null`),
    check('sending_domains_status_check', sql`${t.status} in ('pending', 'verified', 'failed')`),
  ],
);

/** A branded domain for open and click links (a CNAME to the product's tracking host). */
export const trackingDomains = pgTable(
  'tracking_domains',
  {
    id: id(),
    domain: text('domain').notNull(),
    status: text('status').notNull().default('pending'),
    cnameTarget: text('cname_target').notNull(),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('tracking_domains_domain_key').on(t.domain),
    check('tracking_domains_status_check', sql`${t.status} in ('pending', 'verified', 'failed')`),
  ],
);

/** A dedicated IP pool and the SES configuration set that sends through it. */
export const ipPools = pgTable(
  'ip_pools',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    configurationSet: text('configuration_set').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('ip_pools_name_key').on(t.name)],
);

/** Daily sending caps by day of a new identity's warm-up; the rate gate enforces them. */
export const warmupPlans = pgTable('warmup_plans', {
  id: id(),
  name: text('name').notNull(),
  dailyCaps: jsonb('daily_caps').$type<number[]>().notNull(),
  ...timestamps(),
});

/** Who a campaign is from: name and address, reply-to, domain, pool, provider, pace. */
export const senderProfiles = pgTable(
  'sender_profiles',
  {
    id: id(),
    name: text('name').notNull(),
    fromName: text('from_name').notNull(),
    fromAddress: text('from_address').notNull(),
    replyTo: text('reply_to'),
    postalAddress: text('postal_address').notNull(),
    sendingDomainId: uuid('sending_domain_id')
      .notNull()
      .references(() => sendingDomains.id, { onDelete: 'restrict' }),
    provider: text('provider').notNull().default('ses'),
    ipPoolId: uuid('ip_pool_id').references(() => ipPools.id, { onDelete: 'set null' }),
    trackingDomainId: uuid('tracking_domain_id').references(() => trackingDomains.id, { onDelete: 'set null' }),
    warmupPlanId: uuid('warmup_plan_id').references(() => warmupPlans.id, { onDelete: 'set null' }),
    warmupStartedOn: date('warmup_started_on', { mode: 'string' }),
    ratePerSecond: integer('rate_per_second').notNull().default(14),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    check('sender_profiles_provider_check', sql`${t.provider} in ('ses', 'sendgrid', 'mailgun')`),
    check('sender_profiles_rate_check', sql`${t.ratePerSecond} between 1 and 5000`),
  ],
);

// ---------------------------------------------------------------- templates

/** Saved content: a block document (compiled to HTML at save) or the author's sanitized HTML. */
export const emailTemplates = pgTable(
  'email_templates',
  {
    id: id(),
    name: text('name').notNull(),
    mode: text('mode').notNull(),
    subject: text('subject').notNull().default(''),
    preheader: text('preheader').notNull().default(''),
    document: jsonb('document'),
    mjml: text('mjml'),
    html: text('html').notNull().default(''),
    text: text('text').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [check('email_templates_mode_check', sql`${t.mode} in ('blocks', 'html')`)],
);

// ---------------------------------------------------------------- campaigns

export const emailCampaigns = pgTable(
  'email_campaigns',
  {
    id: id(),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft'),
    /** 'segment' | 'list' | 'domain_set', and its id. */
    audienceKind: text('audience_kind'),
    audienceId: uuid('audience_id'),
    senderProfileId: uuid('sender_profile_id').references(() => senderProfiles.id, { onDelete: 'restrict' }),
    /** {kind: 'now'} | {kind: 'at', at} | {kind: 'local', date, time, fallbackZone}. */
    schedule: jsonb('schedule'),
    abTest: jsonb('ab_test'),
    winnerVariantId: uuid('winner_variant_id'),
    pausedReason: text('paused_reason'),
    parentCampaignId: uuid('parent_campaign_id'),
    followUp: text('follow_up'),
    /** The gate's proof of the snapshot (who was admitted, who left out and why). */
    gateProofId: uuid('gate_proof_id'),
    /** The sending workflow's current execution (none between runs). */
    executionArn: text('execution_arn'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    index('email_campaigns_status_idx').on(t.status, t.scheduledAt),
    index('email_campaigns_created_idx').on(t.createdAt, t.id),
    check('email_campaigns_status_check', sql`${t.status} in ('draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled')`),
    check('email_campaigns_audience_check', sql`${t.audienceKind} is null or ${t.audienceKind} in ('segment', 'list', 'domain_set')`),
    check('email_campaigns_follow_up_check', sql`${t.followUp} is null or ${t.followUp} in ('failed', 'non_openers')`),
  ],
);

/** A version of the content (A/B/n): subject, preheader, the document and its compiled parts. */
export const emailVariants = pgTable(
  'email_variants',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emailCampaigns.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    subject: text('subject').notNull().default(''),
    preheader: text('preheader').notNull().default(''),
    mode: text('mode').notNull().default('blocks'),
    document: jsonb('document'),
    mjml: text('mjml'),
    html: text('html').notNull().default(''),
    text: text('text').notNull().default(''),
    /** The trackable links of the compiled HTML, by index ([{index, url}]). */
    links: jsonb('links').notNull().default(sql`'[]'::jsonb`),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('email_variants_campaign_key').on(t.campaignId, t.key),
    check('email_variants_mode_check', sql`${t.mode} in ('blocks', 'html')`),
  ],
);

/**
 * The audience frozen at send time through the contact gate: one row per admitted (or later
 * excluded) contact. Its status moves queued → sending → sent | failed | uncertain in the same
 * transaction as its batch's checkpoint; `excluded` is a contact the gate left out after the
 * snapshot (suppressed, over policy), `held` one waiting for a later step (an A/B remainder).
 */
export const emailRecipients = pgTable(
  'email_recipients',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emailCampaigns.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    variantId: uuid('variant_id'),
    status: text('status').notNull().default('queued'),
    reason: text('reason'),
    batchNo: integer('batch_no'),
    /** Not before this instant (local-time schedules). */
    sendAfter: timestamp('send_after', { withTimezone: true }),
    messageId: text('message_id'),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    machineOpenedAt: timestamp('machine_opened_at', { withTimezone: true }),
    clickedAt: timestamp('clicked_at', { withTimezone: true }),
    bounce: text('bounce'),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    complainedAt: timestamp('complained_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('email_recipients_campaign_email_key').on(t.campaignId, t.email),
    index('email_recipients_batch_idx').on(t.campaignId, t.batchNo, t.status),
    index('email_recipients_status_idx').on(t.campaignId, t.status),
    index('email_recipients_contact_idx').on(t.contactId),
    uniqueIndex('email_recipients_message_key').on(t.messageId).where(sql`${t.messageId} is not null`),
    check('email_recipients_status_check', sql`${t.status} in ('queued', 'sending', 'sent', 'failed', 'uncertain', 'excluded', 'held')`),
    check('email_recipients_bounce_check', sql`${t.bounce} is null or ${t.bounce} in ('hard', 'soft')`),
  ],
);

/** The sending workflow's checkpoint per batch: done batches are skipped on a resume. */
export const emailBatches = pgTable(
  'email_batches',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emailCampaigns.id, { onDelete: 'cascade' }),
    batchNo: integer('batch_no').notNull(),
    status: text('status').notNull().default('pending'),
    recipients: integer('recipients').notNull(),
    sent: integer('sent').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.batchNo], name: 'email_batches_pkey' }),
    check('email_batches_status_check', sql`${t.status} in ('pending', 'running', 'done')`),
  ],
);

/**
 * What happened to sent messages: opens and clicks (machine ones marked), deliveries, bounces,
 * complaints, unsubscribes. `source_event_id` (the SES event id, or the tracking request's own
 * key) makes recording an event twice a no-op.
 */
export const emailEvents = pgTable(
  'email_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceEventId: text('source_event_id').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emailCampaigns.id, { onDelete: 'cascade' }),
    recipientId: bigint('recipient_id', { mode: 'number' }).references(() => emailRecipients.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id'),
    kind: text('kind').notNull(),
    machine: boolean('machine').notNull().default(false),
    linkIndex: integer('link_index'),
    detail: jsonb('detail'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('email_events_source_key').on(t.sourceEventId),
    index('email_events_campaign_idx').on(t.campaignId, t.kind, t.occurredAt),
    index('email_events_recipient_idx').on(t.recipientId),
    check('email_events_kind_check', sql`${t.kind} in ('open', 'click', 'delivery', 'bounce', 'complaint', 'unsubscribe', 'reject', 'delay')`),
  ],
);
