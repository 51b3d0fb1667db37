// The recipient a verified tracking token names: read only after the token's signature checked
// out, and only when the token's campaign is the recipient's own (a token of one campaign never
// reaches another campaign's recipient).
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/connection';
import { queryOne } from '../../../db/rows';

export interface TrackedRecipient {
  id: string;
  campaignId: string;
  campaignName: string;
  contactId: string | null;
  accountId: string | null;
  variantId: string | null;
  email: string;
  sentAt: Date | null;
  openedAt: Date | null;
  clickedAt: Date | null;
  unsubscribedAt: Date | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  campaign_id: string;
  campaign_name: string;
  contact_id: string | null;
  account_id: string | null;
  variant_id: string | null;
  email: string;
  sent_at: Date | string | null;
  opened_at: Date | string | null;
  clicked_at: Date | string | null;
  unsubscribed_at: Date | string | null;
}

/** Recipient ids are bigint identities; anything else names no recipient (and is not sent to the database). */
const RECIPIENT_ID = /^[1-9][0-9]{0,17}$/;

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export async function findTrackedRecipient(db: Database, claims: { c: string; r: string }): Promise<TrackedRecipient | null> {
  if (!RECIPIENT_ID.test(claims.r)) return null;
  const row = await queryOne<Row>(
    db,
    sql`select r.id::text as id, r.campaign_id, c.name as campaign_name, r.contact_id, r.account_id, r.variant_id, r.email,
        r.sent_at, r.opened_at, r.clicked_at, r.unsubscribed_at
      from email_recipients r join email_campaigns c on c.id = r.campaign_id
      where r.id = ${claims.r}::bigint and r.campaign_id = ${claims.c}::uuid`,
  );
  if (!row) return null;
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    contactId: row.contact_id,
    accountId: row.account_id,
    variantId: row.variant_id,
    email: row.email,
    sentAt: date(row.sent_at),
    openedAt: date(row.opened_at),
    clickedAt: date(row.clicked_at),
    unsubscribedAt: date(row.unsubscribed_at),
  };
}
