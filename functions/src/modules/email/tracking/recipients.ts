// A campaign's recipients table: each recipient's status and what happened to its message,
// filterable by status, by event (opened, clicked, bounced, …) and by a search on the address or
// the contact's name, in id order with a cursor; and the same rows as a CSV file whose every cell
// is formula-neutralized. Recipients whose contact was erased are not listed.
import { sql, type SQL } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { Recipient, RecipientListQuery } from '@shared/contracts/email';
import { neutralizeFormula } from '@shared/csv/neutralize-formula';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import { invalid, notFound } from '../../../core/app-error';

/** The most rows one CSV file holds; a larger campaign's file continues from `nextCursor`. */
export const RECIPIENTS_CSV_MAX_ROWS = 10_000;

export type RecipientFilter = Omit<RecipientListQuery, 'cursor' | 'limit'>;

interface RecipientRow extends Record<string, unknown> {
  id: string;
  contact_id: string;
  email: string;
  contact_name: string | null;
  variant_key: Recipient['variantKey'];
  status: Recipient['status'];
  reason: string | null;
  message_id: string | null;
  sent_at: Date | string | null;
  delivered_at: Date | string | null;
  opened_at: Date | string | null;
  clicked_at: Date | string | null;
  bounce: Recipient['bounce'];
  unsubscribed_at: Date | string | null;
  complained_at: Date | string | null;
}

const EVENT_CONDITIONS: Record<NonNullable<RecipientFilter['event']>, SQL> = {
  opened: sql`r.opened_at is not null`,
  clicked: sql`r.clicked_at is not null`,
  bounced: sql`r.bounce is not null`,
  unsubscribed: sql`r.unsubscribed_at is not null`,
  complained: sql`r.complained_at is not null`,
  not_opened: sql`r.status = 'sent' and r.opened_at is null`,
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  if (!/^[1-9][0-9]{0,15}$/.test(cursor)) throw invalid('query.cursor', 'is not a cursor this API gave out');
  return Number(cursor);
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function toRecipient(row: RecipientRow): Recipient {
  return {
    id: String(row.id),
    contactId: row.contact_id,
    email: row.email,
    contactName: row.contact_name,
    variantKey: row.variant_key,
    status: row.status,
    reason: row.reason,
    messageId: row.message_id,
    sentAt: iso(row.sent_at),
    deliveredAt: iso(row.delivered_at),
    openedAt: iso(row.opened_at),
    clickedAt: iso(row.clicked_at),
    bounce: row.bounce,
    unsubscribedAt: iso(row.unsubscribed_at),
    complainedAt: iso(row.complained_at),
  };
}

async function assertCampaign(db: Database, campaignId: string): Promise<void> {
  const found = await queryOne(db, sql`select 1 as ok from email_campaigns where id = ${campaignId} and deleted_at is null`);
  if (!found) throw notFound('campaign');
}

/** Recipients after `afterId` in id order (the campaign's recipients index serves the range). */
async function recipientRows(db: Database, campaignId: string, filter: RecipientFilter, afterId: number | null, limit: number): Promise<RecipientRow[]> {
  const conditions: SQL[] = [sql`r.campaign_id = ${campaignId}`, sql`r.contact_id is not null`];
  if (filter.status) conditions.push(sql`r.status = ${filter.status}`);
  if (filter.event) conditions.push(EVENT_CONDITIONS[filter.event]);
  if (filter.q) {
    const pattern = likePattern(filter.q.toLowerCase());
    conditions.push(sql`(r.email like ${pattern} or lower(c.full_name) like ${pattern})`);
  }
  if (afterId !== null) conditions.push(sql`r.id > ${afterId}`);
  return queryRows<RecipientRow>(
    db,
    sql`select r.id::text as id, r.contact_id, r.email, coalesce(c.full_name, nullif(btrim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '')) as contact_name,
        v.key as variant_key, r.status, r.reason, r.message_id, r.sent_at, r.delivered_at, r.opened_at, r.clicked_at, r.bounce,
        r.unsubscribed_at, r.complained_at
      from email_recipients r
      left join contacts c on c.id = r.contact_id
      left join email_variants v on v.id = r.variant_id
      where ${sql.join(conditions, sql` and `)}
      order by r.id
      limit ${limit}`,
  );
}

export async function listRecipients(db: Database, campaignId: string, query: RecipientListQuery): Promise<{ items: Recipient[]; nextCursor: string | null }> {
  const afterId = decodeCursor(query.cursor);
  await assertCampaign(db, campaignId);
  const rows = await recipientRows(db, campaignId, query, afterId, query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { items: page.map(toRecipient), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

const CSV_COLUMNS: Array<[header: string, value: (r: Recipient) => string | null]> = [
  ['Email', (r) => r.email],
  ['Contact', (r) => r.contactName],
  ['Variant', (r) => r.variantKey],
  ['Status', (r) => r.status],
  ['Reason', (r) => r.reason],
  ['Message ID', (r) => r.messageId],
  ['Sent at', (r) => r.sentAt],
  ['Delivered at', (r) => r.deliveredAt],
  ['Opened at', (r) => r.openedAt],
  ['Clicked at', (r) => r.clickedAt],
  ['Bounce', (r) => r.bounce],
  ['Unsubscribed at', (r) => r.unsubscribedAt],
  ['Complained at', (r) => r.complainedAt],
];

export interface RecipientsCsv {
  text: string;
  rows: number;
  /** Where the next file starts, when the campaign has more rows than one file holds. */
  nextCursor: string | null;
}

/** The recipients as CSV (RFC 4180 quoting, every cell formula-neutralized), at most RECIPIENTS_CSV_MAX_ROWS rows. */
export async function recipientsCsv(db: Database, campaignId: string, filter: RecipientFilter & { cursor?: string | undefined }): Promise<RecipientsCsv> {
  const afterId = decodeCursor(filter.cursor);
  await assertCampaign(db, campaignId);
  const rows = await recipientRows(db, campaignId, filter, afterId, RECIPIENTS_CSV_MAX_ROWS + 1);
  const page = rows.slice(0, RECIPIENTS_CSV_MAX_ROWS);
  const records = page.map(toRecipient).map((r) => CSV_COLUMNS.map(([, value]) => neutralizeFormula(value(r) ?? '')));
  const text = stringify([CSV_COLUMNS.map(([header]) => header), ...records], { record_delimiter: '\r\n' });
  return { text, rows: page.length, nextCursor: rows.length > RECIPIENTS_CSV_MAX_ROWS ? page[page.length - 1]!.id : null };
}
