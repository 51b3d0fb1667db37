// Compliance tables: the global suppression list (email addresses, whole email domains and
// do-not-call phone numbers) and per-contact, per-channel consent with its append-only history.
// Values are stored normalized, so matching is plain equality on a unique index. Calling-hour
// rules narrow the federal window for a state or province.
import { sql, type SQL } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts } from './accounts';
import { id, timestamps } from './columns';
import { users } from './identity';

/**
 * An address without its plus tag (jane+news@x.com → jane@x.com): mail to a tagged alias reaches
 * the same mailbox, so a suppression of one covers the others. The same rule as normalizeEmail's
 * emailBase in TypeScript.
 */
const EMAIL_BASE_PATTERN = `'^([^@+]+)\\+[^@]*@', '\\1@'`;

/** emailBase in SQL, for an address column or expression. */
export function emailBaseSql(address: SQL): SQL {
  return sql`regexp_replace(${address}, ${sql.raw(EMAIL_BASE_PATTERN)})`;
}

const SUPPRESSION_REASON_CHECK = sql`('unsubscribe', 'bounce', 'complaint', 'manual', 'dnc_registry', 'client_request')`;

/**
 * One row per suppressed email address, email domain (registrable, it covers every address whose
 * registrable domain it is) or phone number (E.164). Removing an entry deletes the row; the
 * audit log keeps what it was.
 */
export const suppressions = pgTable(
  'suppressions',
  {
    id: id(),
    type: text('type').notNull(),
    value: text('value').notNull(),
    reason: text('reason').notNull(),
    source: text('source').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    /** Email entries: the address without its plus tag, what contacts' addresses are matched on. */
    emailBase: text('email_base').generatedAlwaysAs(sql.raw(`case when type = 'email' then regexp_replace(value, ${EMAIL_BASE_PATTERN}) end`)),
  },
  (t) => [
    uniqueIndex('suppressions_type_value_key').on(t.type, t.value),
    index('suppressions_email_base_idx').on(t.emailBase).where(sql`${t.emailBase} is not null`),
    index('suppressions_reason_idx').on(t.reason),
    check('suppressions_type_check', sql`${t.type} in ('email', 'domain', 'phone')`),
    check('suppressions_reason_check', sql`${t.reason} in ${SUPPRESSION_REASON_CHECK}`),
    check(
      'suppressions_value_check',
      sql`case ${t.type}
        when 'email' then ${t.value} = lower(btrim(${t.value})) and position('@' in ${t.value}) > 1
        when 'domain' then ${t.value} = lower(btrim(${t.value})) and position('@' in ${t.value}) = 0 and position('.' in ${t.value}) > 1
        else ${t.value} ~ '^\\+[1-9][0-9]{5,14}$'
      end`,
    ),
  ],
);

const CONSENT_CHANNEL_CHECK = sql`('email', 'phone')`;
const CONSENT_STATUS_CHECK = sql`('opted_in', 'opted_out', 'unknown')`;

/** A consent change as recorded, and as it stands in the state it set: the same columns in both tables. */
const consentChange = () => ({
  contactId: uuid('contact_id')
    .notNull()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  channel: text('channel').notNull(),
  status: text('status').notNull(),
  source: text('source').notNull(),
  /** A note, or the URL of the form, recording or document that proves it. */
  evidence: text('evidence'),
  /** When the consent was given or withdrawn (may be before it was entered). */
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
});

/**
 * Every consent change ever recorded for a contact and channel, with its evidence. Rows are never
 * updated (a trigger refuses it); they go only when the contact itself is erased.
 */
export const contactConsentHistory = pgTable(
  'contact_consent_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ...consentChange(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_consent_history_contact_idx').on(t.contactId, t.id),
    check('contact_consent_history_channel_check', sql`${t.channel} in ${CONSENT_CHANNEL_CHECK}`),
    check('contact_consent_history_status_check', sql`${t.status} in ${CONSENT_STATUS_CHECK}`),
  ],
);

/**
 * The consent in force per contact and channel: the history row with the latest recorded_at.
 * No row means nothing was recorded (unknown).
 */
export const contactConsent = pgTable(
  'contact_consent',
  {
    ...consentChange(),
    /** The history row this state was taken from. */
    historyId: bigint('history_id', { mode: 'number' }).notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.channel], name: 'contact_consent_pkey' }),
    // The guard's anti-join: opted-out contacts per channel.
    index('contact_consent_opted_out_idx').on(t.channel, t.contactId).where(sql`${t.status} = 'opted_out'`),
    check('contact_consent_channel_check', sql`${t.channel} in ${CONSENT_CHANNEL_CHECK}`),
    check('contact_consent_status_check', sql`${t.status} in ${CONSENT_STATUS_CHECK}`),
  ],
);

/**
 * Calling hours stricter than 08:00–21:00 for a state or province (e.g. Florida 08:00–20:00),
 * by weekday (0 Sunday … 6 Saturday; null: every day). `closed` forbids the day entirely.
 */
export const callingHourRules = pgTable(
  'calling_hour_rules',
  {
    id: id(),
    country: text('country').notNull(),
    region: text('region').notNull(),
    weekday: smallint('weekday'),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    closed: boolean('closed').notNull().default(false),
    source: text('source'),
    ...timestamps(),
  },
  (t) => [
    index('calling_hour_rules_region_idx').on(t.country, t.region),
    check('calling_hour_rules_weekday_check', sql`${t.weekday} is null or ${t.weekday} between 0 and 6`),
  ],
);
