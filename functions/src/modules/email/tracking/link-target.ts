// Where a click goes: the link of the recipient's variant at the token's index (the link set is
// fixed when the campaign is sent). A link written with Liquid is rendered for this recipient with
// the context the message was rendered with, so a personalized link lands where the message said.
// Only a web address is ever redirected to.
import { eq, sql } from 'drizzle-orm';
import { accounts, contacts } from '../../../db/schema';
import type { Database } from '../../../db/connection';
import { queryOne } from '../../../db/rows';
import { mergeContext } from '../content/merge-fields';
import { renderLinkTarget } from '../content/personalize';
import type { TrackedRecipient } from './tracked-recipient';

export interface LinkTarget {
  index: number;
  /** The href as the template wrote it (what the report groups clicks by). */
  url: string;
  /** Where this recipient is sent. */
  target: string;
}

const HAS_LIQUID = /\{\{|\{%/;
const WEB_URL = /^https?:\/\/[^\s]+$/i;

/** The variant's link at this index, or null when there is none (or it is not a web address). */
export async function resolveLinkTarget(db: Database, recipient: TrackedRecipient, index: number): Promise<LinkTarget | null> {
  if (!recipient.variantId) return null;
  const row = await queryOne<{ url: string | null }>(
    db,
    sql`select l ->> 'url' as url
      from email_variants v cross join lateral jsonb_array_elements(case when jsonb_typeof(v.links) = 'array' then v.links else '[]'::jsonb end) l
      where v.id = ${recipient.variantId}::uuid and v.campaign_id = ${recipient.campaignId}::uuid and (l ->> 'index') = ${String(index)}
      limit 1`,
  );
  if (!row?.url) return null;
  const target = HAS_LIQUID.test(row.url) ? renderLinkTarget(row.url, await recipientContext(db, recipient)) : row.url.trim();
  return WEB_URL.test(target) ? { index, url: row.url, target } : null;
}

/** The merge context of the recipient's message: its contact and account, the campaign and its sender. */
async function recipientContext(db: Database, recipient: TrackedRecipient): Promise<Record<string, unknown>> {
  const [contact] = recipient.contactId ? await db.select().from(contacts).where(eq(contacts.id, recipient.contactId)) : [];
  const [account] = recipient.accountId ? await db.select().from(accounts).where(eq(accounts.id, recipient.accountId)) : [];
  const sender = await queryOne<{ from_name: string; from_address: string; postal_address: string }>(
    db,
    sql`select p.from_name, p.from_address, p.postal_address
      from email_campaigns c join sender_profiles p on p.id = c.sender_profile_id where c.id = ${recipient.campaignId}::uuid`,
  );
  return mergeContext({
    contact: contact ?? null,
    account: account ?? null,
    campaign: { name: recipient.campaignName },
    sender: { fromName: sender?.from_name ?? '', fromEmail: sender?.from_address ?? null, postalAddress: sender?.postal_address ?? '' },
    // Never tracked links themselves (prepareTracking leaves them alone), so no link renders with them.
    links: { unsubscribeUrl: '', preferencesUrl: '' },
  });
}
