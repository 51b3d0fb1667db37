// Activity tables: touches (every contact attempt and its outcome, across channels), notes and
// tasks on records, the versioned contact policy, and the proof the gate keeps of every
// admission (which policy and guard rules applied, when, and why each contact was left out).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, contacts } from './accounts';
import { id, softDelete, timestamps } from './columns';
import { users } from './identity';

/**
 * One row per contact attempt or outcome. `source_event_id` is the producing event's own id
 * (an SES message event, a Telnyx webhook, a note's id): recording it again is a no-op.
 */
export const touches = pgTable(
  'touches',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceEventId: text('source_event_id').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** The contact's account when it happened (account caps and the account timeline read it). */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    campaignId: uuid('campaign_id'),
    orderId: uuid('order_id'),
    outcome: text('outcome'),
    disposition: text('disposition'),
    summary: text('summary'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('touches_source_event_key').on(t.sourceEventId),
    // The gate's per-contact windows and the contact timeline: every column the gate reads is in
    // the index, so its windows are index-only range scans.
    index('touches_contact_time_idx').on(t.contactId, t.occurredAt, t.channel, t.kind, t.outcome, t.disposition),
    index('touches_account_time_idx').on(t.accountId, t.occurredAt).where(sql`${t.accountId} is not null`),
    // The gate's account caps count connected calls and positive outcomes only: index-only scans
    // over those few rows instead of every touch of every account in the audience.
    index('touches_account_connected_idx').on(t.accountId, t.occurredAt).where(sql`${t.accountId} is not null and ${t.kind} = 'connected'`),
    index('touches_account_positive_idx').on(t.accountId, t.occurredAt).where(sql`${t.accountId} is not null and ${t.outcome} = 'positive'`),
    check('touches_channel_check', sql`${t.channel} in ('email', 'call', 'other')`),
    check(
      'touches_kind_check',
      sql`${t.kind} in ('sent', 'delivered', 'opened', 'clicked', 'bounced', 'unsubscribed', 'complained', 'attempted', 'connected', 'disposition', 'note', 'task')`,
    ),
    check('touches_outcome_check', sql`${t.outcome} is null or ${t.outcome} in ('positive', 'negative', 'neutral')`),
  ],
);

/** A note on a contact or an account: sanitized HTML, the users it mentions. */
export const notes = pgTable(
  'notes',
  {
    id: id(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    mentions: uuid('mentions').array().notNull().default(sql`'{}'::uuid[]`),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    index('notes_contact_idx').on(t.contactId, t.createdAt).where(sql`${t.deletedAt} is null and ${t.contactId} is not null`),
    index('notes_account_idx').on(t.accountId, t.createdAt).where(sql`${t.deletedAt} is null and ${t.accountId} is not null`),
    check('notes_subject_check', sql`${t.contactId} is not null or ${t.accountId} is not null`),
  ],
);

/** Something a person must do by a time: call back, email, other. Callbacks booked by agents are tasks. */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull().default('open'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The zone the due time was written in (the assignee's). */
    dueTimeZone: text('due_time_zone').notNull(),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    note: text('note'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    // "My tasks": open tasks of one assignee by due time.
    index('tasks_assignee_due_idx').on(t.assigneeId, t.status, t.dueAt).where(sql`${t.deletedAt} is null`),
    index('tasks_contact_idx').on(t.contactId, t.createdAt).where(sql`${t.deletedAt} is null and ${t.contactId} is not null`),
    index('tasks_account_idx').on(t.accountId, t.createdAt).where(sql`${t.deletedAt} is null and ${t.accountId} is not null`),
    check('tasks_type_check', sql`${t.type} in ('call_back', 'email', 'other')`),
    check('tasks_status_check', sql`${t.status} in ('open', 'done')`),
  ],
);

/** Every version of the contact policy; the highest is in force. Rows are never updated. */
export const contactPolicyVersions = pgTable(
  'contact_policy_versions',
  {
    version: integer('version').primaryKey(),
    rules: jsonb('rules').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('contact_policy_versions_version_check', sql`${t.version} >= 1`)],
);

/** One row per admission through the gate: what applied, when, and the counts. */
export const gateProofs = pgTable(
  'gate_proofs',
  {
    id: id(),
    channel: text('channel').notNull(),
    campaignId: uuid('campaign_id'),
    /** 0 when no policy had been written yet (the empty policy applied). */
    policyVersion: integer('policy_version').notNull(),
    /** The guard's rules (calling window) and any campaign rules added to the policy. */
    rules: jsonb('rules').notNull(),
    selection: jsonb('selection').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    audience: integer('audience').notNull(),
    admitted: integer('admitted').notNull(),
    excluded: jsonb('excluded').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept until then (the audit period), then purged by a scheduled job. */
    retainUntil: timestamp('retain_until', { withTimezone: true }).notNull(),
    ...timestamps(),
  },
  (t) => [
    index('gate_proofs_campaign_idx').on(t.campaignId, t.at),
    index('gate_proofs_retain_idx').on(t.retainUntil),
    check('gate_proofs_channel_check', sql`${t.channel} in ('email', 'phone')`),
  ],
);

/** Per excluded contact of a proof, the reason. */
export const gateProofExclusions = pgTable(
  'gate_proof_exclusions',
  {
    proofId: uuid('proof_id')
      .notNull()
      .references(() => gateProofs.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.proofId, t.contactId], name: 'gate_proof_exclusions_pkey' })],
);

/**
 * Contacts queued or in flight (an email snapshot not yet sent, a dialer lease): what the
 * "queue size" account cap counts. A hold ends when released or when `held_until` passes.
 */
export const contactHolds = pgTable(
  'contact_holds',
  {
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** Who holds it: a campaign, a dialer queue, a gate proof. */
    holder: text('holder').notNull(),
    accountId: uuid('account_id'),
    heldUntil: timestamp('held_until', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.holder], name: 'contact_holds_pkey' }),
    index('contact_holds_account_idx').on(t.accountId, t.heldUntil).where(sql`${t.accountId} is not null`),
  ],
);
