// Lead QA tables: leads (from positive calls, imports or by hand) with their audited state
// transitions and field corrections, the pipeline's work on each (a run per stage with its time
// and AI cost, the transcript by speaker, the factor scores with their evidence, the account's
// check against the campaign's criteria), each campaign's QA settings (client, checklist,
// criteria), the reason-code catalogue, and delivery to clients (configurations, one delivery per
// lead and configuration, and a receipt per attempt).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, contacts } from './accounts';
import { id, softDelete, timestamps } from './columns';
import { organisations, users } from './identity';
import { orders } from './portal';
import { calls } from './telephony';

// ---------------------------------------------------------------- campaign settings and catalogue

/**
 * What QA needs of a campaign (a call or an email campaign: `campaign_kind`): the client it is
 * for, the checklist an analyst completes before approving ([{id, label, required}]), and the
 * account criteria leads are verified against ({industries, sizes, revenues, countries,
 * technologies}).
 */
export const leadCampaignSettings = pgTable(
  'lead_campaign_settings',
  {
    campaignId: uuid('campaign_id').primaryKey(),
    campaignKind: text('campaign_kind').notNull(),
    clientOrgId: uuid('client_org_id').references(() => organisations.id, { onDelete: 'set null' }),
    checklist: jsonb('checklist').notNull().default(sql`'[]'::jsonb`),
    criteria: jsonb('criteria').notNull().default(sql`'{}'::jsonb`),
    /** Publish approved leads to the client's deliveries at once. */
    autoDeliver: boolean('auto_deliver').notNull().default(false),
    ...timestamps(),
  },
  (t) => [check('lead_campaign_settings_kind_check', sql`${t.campaignKind} in ('call', 'email')`)],
);

/** Why a lead is rejected (by QA) or returned (by the client): a catalogue of codes. */
export const leadReasonCodes = pgTable(
  'lead_reason_codes',
  {
    id: id(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    kind: text('kind').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('lead_reason_codes_code_key').on(t.kind, t.code), check('lead_reason_codes_kind_check', sql`${t.kind} in ('reject', 'return')`)],
);

// ---------------------------------------------------------------- leads

/**
 * A lead: a contact (and its account) qualified for a campaign, with where it came from (a call
 * with its recording and form answers, an import, a person), its QA state, the pipeline's
 * progress and suggestion, the analyst's checklist and verdict, and its client delivery.
 * `fields` is the lead's own copy of the person's details (what the client receives); analysts
 * correct it there, audited in lead_corrections, without changing the contact.
 */
export const leads = pgTable(
  'leads',
  {
    id: id(),
    state: text('state').notNull().default('new'),
    source: text('source').notNull(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    campaignId: uuid('campaign_id'),
    campaignKind: text('campaign_kind'),
    clientOrgId: uuid('client_org_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The portal's order the lead is for (its campaign works the order: the bridge). */
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    recordingKey: text('recording_key'),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    fields: jsonb('fields').notNull().default(sql`'{}'::jsonb`),
    notes: text('notes'),
    /** pending → transcribing → scoring → verifying → queued, or needs_review (with `pipeline_reason`). */
    pipelineStatus: text('pipeline_status').notNull().default('pending'),
    pipelineReason: text('pipeline_reason'),
    pipelineStartedAt: timestamp('pipeline_started_at', { withTimezone: true }),
    /** The transcription vendor's id of the job in flight (its webhook names it). */
    transcriptJobId: text('transcript_job_id'),
    suggestedVerdict: text('suggested_verdict'),
    score: integer('score'),
    scorer: text('scorer'),
    /** {itemId: {checked, by, at}}. */
    checklist: jsonb('checklist').notNull().default(sql`'{}'::jsonb`),
    reasonCode: text('reason_code'),
    reasonNote: text('reason_note'),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    replacedById: uuid('replaced_by_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    // A call makes one lead, however often its wrap-up is retried.
    uniqueIndex('leads_call_key').on(t.callId).where(sql`${t.callId} is not null`),
    uniqueIndex('leads_transcript_job_key').on(t.transcriptJobId).where(sql`${t.transcriptJobId} is not null`),
    // The QA queue: by state, oldest first.
    index('leads_state_idx').on(t.state, t.queuedAt).where(sql`${t.deletedAt} is null`),
    index('leads_campaign_idx').on(t.campaignId, t.state),
    index('leads_contact_idx').on(t.contactId),
    index('leads_client_idx').on(t.clientOrgId, t.state),
    index('leads_order_idx').on(t.orderId, t.state),
    // The sweeper: leads whose pipeline has not reached the queue.
    index('leads_pipeline_idx').on(t.pipelineStatus, t.pipelineStartedAt).where(sql`${t.pipelineStatus} not in ('queued', 'needs_review')`),
    check('leads_state_check', sql`${t.state} in ('new', 'under_review', 'approved', 'rejected', 'published', 'returned', 'replaced')`),
    check('leads_source_check', sql`${t.source} in ('call', 'import', 'manual')`),
    check('leads_campaign_kind_check', sql`${t.campaignKind} is null or ${t.campaignKind} in ('call', 'email')`),
    check(
      'leads_pipeline_check',
      sql`${t.pipelineStatus} in ('pending', 'transcribing', 'scoring', 'verifying', 'queued', 'needs_review')`,
    ),
    check('leads_verdict_check', sql`${t.suggestedVerdict} is null or ${t.suggestedVerdict} in ('approve', 'reject', 'review')`),
  ],
);

/** Every state change of a lead: who (null: the pipeline or delivery), when, from, to, why. */
export const leadTransitions = pgTable(
  'lead_transitions',
  {
    id: id(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    reasonCode: text('reason_code'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_transitions_lead_idx').on(t.leadId, t.at), index('lead_transitions_at_idx').on(t.at)],
);

/** Every correction of a lead's fields or answers by a person: the field, before and after. */
export const leadCorrections = pgTable(
  'lead_corrections',
  {
    id: id(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_corrections_lead_idx').on(t.leadId, t.at)],
);

// ---------------------------------------------------------------- the pipeline's work

/**
 * One run of one pipeline stage for a lead ('transcribe', 'score', 'verify', 'enrich', 'queue'):
 * its times, outcome and, for vendor calls, the AI cost (audio seconds, tokens, model).
 */
export const leadStageRuns = pgTable(
  'lead_stage_runs',
  {
    id: id(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    attempt: integer('attempt').notNull().default(1),
    outcome: text('outcome').notNull(),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    vendor: text('vendor'),
    model: text('model'),
    audioSeconds: integer('audio_seconds'),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    /** Estimated cost in micro-dollars. */
    costMicros: integer('cost_micros'),
  },
  (t) => [
    index('lead_stage_runs_lead_idx').on(t.leadId, t.startedAt),
    index('lead_stage_runs_stage_idx').on(t.stage, t.startedAt),
    check('lead_stage_runs_stage_check', sql`${t.stage} in ('transcribe', 'score', 'verify', 'enrich', 'queue')`),
    check('lead_stage_runs_outcome_check', sql`${t.outcome} in ('running', 'ok', 'skipped', 'failed')`),
  ],
);

/** A lead's call transcript: utterances by speaker with times in ms ([{speaker, startMs, endMs, text}]). */
export const leadTranscripts = pgTable('lead_transcripts', {
  leadId: uuid('lead_id')
    .primaryKey()
    .references(() => leads.id, { onDelete: 'cascade' }),
  vendor: text('vendor').notNull(),
  jobId: text('job_id'),
  audioSeconds: integer('audio_seconds'),
  utterances: jsonb('utterances').notNull(),
  ...timestamps(),
});

/** A scorer's verdict on a lead: the factors (shared/contracts/leads.ts `leadScoreSchema`), newest last. */
export const leadScores = pgTable(
  'lead_scores',
  {
    id: id(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    scorer: text('scorer').notNull(),
    model: text('model'),
    overall: integer('overall').notNull(),
    verdict: text('verdict').notNull(),
    result: jsonb('result').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_scores_lead_idx').on(t.leadId, t.createdAt), check('lead_scores_scorer_check', sql`${t.scorer} in ('rules', 'ai')`)],
);

/** The lead's account checked against the campaign's criteria (`result`: shared `accountCheckSchema`). */
export const leadAccountChecks = pgTable('lead_account_checks', {
  leadId: uuid('lead_id')
    .primaryKey()
    .references(() => leads.id, { onDelete: 'cascade' }),
  matched: boolean('matched').notNull(),
  result: jsonb('result').notNull(),
  ...timestamps(),
});

// ---------------------------------------------------------------- delivery

/**
 * How a client receives its leads (for one campaign, or all of the client's when `campaign_id` is
 * null): a signed JSON webhook, a form post to a landing page with a field map, or a CSV file.
 * The HMAC secret lives in Secrets Manager (or the local stack's sealed store) under `secret_ref`.
 */
export const deliveryConfigs = pgTable(
  'delivery_configs',
  {
    id: id(),
    clientOrgId: uuid('client_org_id')
      .notNull()
      .references(() => organisations.id),
    campaignId: uuid('campaign_id'),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    url: text('url'),
    /** [{from: lead field, to: the client's field name}] for form posts (and CSV columns). */
    fieldMap: jsonb('field_map').notNull().default(sql`'[]'::jsonb`),
    secretRef: text('secret_ref'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    index('delivery_configs_client_idx').on(t.clientOrgId, t.campaignId).where(sql`${t.deletedAt} is null`),
    check('delivery_configs_kind_check', sql`${t.kind} in ('webhook', 'form_post', 'csv')`),
  ],
);

/** One lead sent through one configuration: once (the pair is the key), retried until delivered or dead. */
export const leadDeliveries = pgTable(
  'lead_deliveries',
  {
    id: id(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    configId: uuid('config_id')
      .notNull()
      .references(() => deliveryConfigs.id),
    /** pending → sending → delivered, or failed (will retry) → dead (the dead-letter list). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('lead_deliveries_lead_config_key').on(t.leadId, t.configId),
    index('lead_deliveries_status_idx').on(t.status, t.nextAttemptAt),
    check('lead_deliveries_status_check', sql`${t.status} in ('pending', 'sending', 'delivered', 'failed', 'dead')`),
  ],
);

/** A receipt per delivery attempt: the answer's status and an excerpt of its body. */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => leadDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    httpStatus: integer('http_status'),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
    durationMs: integer('duration_ms'),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);
