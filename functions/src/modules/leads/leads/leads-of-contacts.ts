// Which of some contacts became leads of some campaigns: the content report counts, per campaign,
// the leads whose contact clicked an asset's tracking link.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/connection';
import { queryRows } from '../../../db/rows';

/** The leads (not deleted) of these campaigns whose contact is one of these; one statement. */
export async function leadsOfContacts(
  db: Database,
  input: { campaignIds: readonly string[]; contactIds: readonly string[] },
): Promise<Array<{ leadId: string; campaignId: string; contactId: string }>> {
  if (input.campaignIds.length === 0 || input.contactIds.length === 0) return [];
  return queryRows<{ leadId: string; campaignId: string; contactId: string }>(
    db,
    sql`select id as "leadId", campaign_id as "campaignId", contact_id as "contactId"
      from leads
      where deleted_at is null
        and campaign_id = any(${sql.param([...input.campaignIds])}::uuid[])
        and contact_id = any(${sql.param([...input.contactIds])}::uuid[])`,
  );
}
