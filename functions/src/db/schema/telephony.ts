// Telephony tables: SIP trunks (credentials sealed at rest) and each agent's Telnyx credential,
// call campaigns with their scripts, qualification forms, dispositions and agents, the dialer's
// queue per campaign and its items (claimed with a lease), every call and the webhook events that
// moved it.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, contacts } from './accounts';
import { id, softDelete, timestamps } from './columns';
import { users } from './identity';

// ---------------------------------------------------------------- trunks and agent credentials

/**
 * A SIP trunk (a Telnyx credential connection). The password is sealed: `secret_ref` is a
 * Secrets Manager ARN on AWS or an AES-GCM envelope locally; only `secret_hint` (last 2
 * characters) ever goes to the browser.
 */
export const sipTrunks = pgTable(
  'sip_trunks',
  {
    id: id(),
    name: text('name').notNull(),
    sipHost: text('sip_host').notNull(),
    sipUsername: text('sip_username').notNull(),
    secretRef: text('secret_ref').notNull(),
    secretHint: text('secret_hint').notNull(),
    /** The Telnyx connection calls are placed on. */
    connectionId: text('connection_id').notNull(),
    /** Numbers calls may show, E.164. */
    callerIds: text('caller_ids').array().notNull().default(sql`'{}'::text[]`),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    uniqueIndex('sip_trunks_name_key').on(t.name).where(sql`${t.deletedAt} is null`),
    // At most one default trunk.
    uniqueIndex('sip_trunks_default_key').on(t.isDefault).where(sql`${t.isDefault} and ${t.deletedAt} is null`),
  ],
);

/** One Telnyx telephony credential per agent: the browser gets a 24 h login token minted from it. */
export const agentCredentials = pgTable('agent_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  credentialId: text('credential_id').notNull(),
  /** The credential's SIP user name: the dialer rings the agent's browser at sip:<name>@sip.telnyx.com. */
  sipUsername: text('sip_username').notNull(),
  trunkId: uuid('trunk_id').references(() => sipTrunks.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------- call campaigns

/**
 * A telemarketing campaign: its audience, trunk and caller id, script (sanitized HTML with merge
 * fields), qualification form (JSON field definitions), contact rules and recording settings.
 */
export const callCampaigns = pgTable(
  'call_campaigns',
  {
    id: id(),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft'),
    /** {kind: 'segment' | 'list' | 'domain_set', id}. */
    audience: jsonb('audience'),
    trunkId: uuid('trunk_id').references(() => sipTrunks.id, { onDelete: 'set null' }),
    callerId: text('caller_id'),
    /** Who the safe-harbour message names, and the number it gives. */
    sellerName: text('seller_name').notNull(),
    sellerPhone: text('seller_phone').notNull(),
    script: text('script').notNull().default(''),
    /** [{id, label, type, required, options?, min?, max?}]. */
    form: jsonb('form').notNull().default(sql`'[]'::jsonb`),
    /** Contact-policy rules added to the policy in force for this campaign. */
    rules: jsonb('rules'),
    /** Narrower than 08:00–21:00 when set: {start, end}. */
    callingWindow: jsonb('calling_window'),
    record: boolean('record').notNull().default(true),
    consentAnnouncement: text('consent_announcement'),
    recordingRetentionDays: integer('recording_retention_days').notNull().default(365),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    index('call_campaigns_status_idx').on(t.status, t.createdAt).where(sql`${t.deletedAt} is null`),
    check('call_campaigns_status_check', sql`${t.status} in ('draft', 'active', 'paused', 'completed')`),
    check('call_campaigns_retention_check', sql`${t.recordingRetentionDays} between 1 and 3650`),
  ],
);

/** A campaign's dispositions: what the agent picks when a call ends, each with its outcome class. */
export const callDispositions = pgTable(
  'call_dispositions',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => callCampaigns.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    outcomeClass: text('outcome_class').notNull(),
    /** A single key (1–9, a–z) the console binds. */
    shortcut: text('shortcut'),
    position: smallint('position').notNull().default(0),
    /** Minutes before the contact may be dialled again; null: never again in this campaign. */
    retryAfterMinutes: integer('retry_after_minutes'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('call_dispositions_code_key').on(t.campaignId, t.code),
    check(
      'call_dispositions_outcome_check',
      sql`${t.outcomeClass} in ('positive', 'negative', 'neutral', 'callback', 'do_not_call', 'wrong_number')`,
    ),
  ],
);

/** The agents who work a campaign: they read its contacts and accounts, and the dialer routes its calls to them. */
export const campaignAgents = pgTable(
  'campaign_agents',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => callCampaigns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId], name: 'campaign_agents_pkey' }), index('campaign_agents_user_idx').on(t.userId)],
);

// ---------------------------------------------------------------- the dialer

/**
 * A campaign's dialer queue: its settings (mode, ratio, concurrency, AMD, retries) and the
 * pacing state the compliance controller moves (the ratio in force, why it was paused).
 */
export const dialerQueues = pgTable(
  'dialer_queues',
  {
    campaignId: uuid('campaign_id')
      .primaryKey()
      .references(() => callCampaigns.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('paused'),
    settings: jsonb('settings').notNull(),
    /** The dial ratio in force: the settings' ratio, lowered by the abandonment controller. */
    currentRatio: real('current_ratio').notNull().default(1),
    pausedReason: text('paused_reason'),
    /** When the audience was last put into the queue through the gate. */
    filledAt: timestamp('filled_at', { withTimezone: true }),
    fillProofId: uuid('fill_proof_id'),
    lastTickAt: timestamp('last_tick_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('dialer_queues_status_idx').on(t.status),
    check('dialer_queues_status_check', sql`${t.status} in ('active', 'paused')`),
  ],
);

/**
 * One contact waiting in a campaign's queue. The tick claims the next `queued` items whose time
 * has come, in priority order, with `FOR UPDATE SKIP LOCKED`, and leases them until the call ends.
 */
export const dialerQueueItems = pgTable(
  'dialer_queue_items',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => dialerQueues.campaignId, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** The number to dial (the gate's first dialable number at fill time). */
    phone: text('phone').notNull(),
    priority: integer('priority').notNull().default(0),
    status: text('status').notNull().default('queued'),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** The call in flight while leased. */
    callId: uuid('call_id'),
    lastOutcome: text('last_outcome'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.contactId], name: 'dialer_queue_items_pkey' }),
    // The claim: queued items of one queue whose time has come, highest priority first.
    index('dialer_queue_items_claim_idx')
      .on(t.campaignId, t.priority.desc(), t.nextAttemptAt)
      .where(sql`${t.status} = 'queued'`),
    // The claim in order of arrival (fifo) or newest first.
    index('dialer_queue_items_added_idx')
      .on(t.campaignId, t.createdAt)
      .where(sql`${t.status} = 'queued'`),
    index('dialer_queue_items_lease_idx').on(t.leaseUntil).where(sql`${t.status} = 'dialing'`),
    index('dialer_queue_items_contact_idx').on(t.contactId),
    check('dialer_queue_items_status_check', sql`${t.status} in ('queued', 'dialing', 'done', 'exhausted', 'removed')`),
  ],
);

// ---------------------------------------------------------------- calls

/**
 * One call: who, on which campaign, through which states (timestamps from the webhooks' own
 * `occurred_at`), the machine-detection result, whether it was abandoned, and what the agent
 * recorded (disposition, notes, form answers). `last_event_at` orders out-of-order webhooks.
 */
export const calls = pgTable(
  'calls',
  {
    id: id(),
    campaignId: uuid('campaign_id').references(() => callCampaigns.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    /** 'dialer' (placed by the dialer), 'manual' (the agent dialled), 'inbound'. */
    origin: text('origin').notNull(),
    toNumber: text('to_number').notNull(),
    fromNumber: text('from_number').notNull(),
    callControlId: text('call_control_id'),
    callSessionId: text('call_session_id'),
    /** The agent's WebRTC leg the call is bridged to. */
    agentCallControlId: text('agent_call_control_id'),
    state: text('state').notNull().default('initiated'),
    amdResult: text('amd_result'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /**
     * When a person was known to be on the line: machine detection's "human" verdict, or the answer
     * when detection is off. The 2-second connect deadline runs from here.
     */
    humanAt: timestamp('human_at', { withTimezone: true }),
    bridgedAt: timestamp('bridged_at', { withTimezone: true }),
    /**
     * When the campaign's consent announcement began to play to both parties (Telnyx's
     * call.speak.started of it, the earliest seen); null when the campaign has none or it did not play.
     */
    consentAnnouncedAt: timestamp('consent_announced_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    hangupCause: text('hangup_cause'),
    /** A person answered and no agent was bridged within 2 s (the safe-harbour message played). */
    abandoned: boolean('abandoned').notNull().default(false),
    dispositionId: uuid('disposition_id').references(() => callDispositions.id, { onDelete: 'set null' }),
    dispositionAt: timestamp('disposition_at', { withTimezone: true }),
    notes: text('notes'),
    answers: jsonb('answers'),
    recordingKey: text('recording_key'),
    recordingSeconds: integer('recording_seconds'),
    lastEventAt: timestamp('last_event_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('calls_call_control_key').on(t.callControlId).where(sql`${t.callControlId} is not null`),
    index('calls_contact_idx').on(t.contactId, t.startedAt),
    index('calls_agent_idx').on(t.agentId, t.startedAt),
    // Abandonment over rolling 30 days and the campaign report.
    index('calls_campaign_answered_idx').on(t.campaignId, t.answeredAt).where(sql`${t.answeredAt} is not null`),
    index('calls_campaign_started_idx').on(t.campaignId, t.startedAt),
    // The calls a campaign has in flight (the dialer's pacing, every tick): a handful, not the day's thousands.
    index('calls_campaign_live_idx').on(t.campaignId, t.startedAt).where(sql`${t.state} <> 'ended'`),
    // Calls a person answered that still wait for an agent (abandonUnbridged, every tick).
    index('calls_unbridged_idx').on(t.humanAt).where(sql`${t.humanAt} is not null and ${t.bridgedAt} is null and ${t.endedAt} is null`),
    check('calls_origin_check', sql`${t.origin} in ('dialer', 'manual', 'inbound')`),
    check('calls_state_check', sql`${t.state} in ('initiated', 'ringing', 'answered', 'bridged', 'ended')`),
  ],
);

/** Every webhook event applied to a call, once (the event id is the key): the compliance report's timestamps. */
export const callEvents = pgTable(
  'call_events',
  {
    eventId: text('event_id').primaryKey(),
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_events_call_idx').on(t.callId, t.occurredAt)],
);
