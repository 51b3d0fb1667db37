// Who a campaign is for, as the gate takes it: its segment, list or domain set through the
// audience module's hook, or — for a follow-up — the recipients of its parent campaign that
// failed, or that were sent the message and neither opened (by a person) nor clicked it.
import { sql } from 'drizzle-orm';
import type { Audience } from '../../compliance';
import type { Database } from '../../../db/connection';
import { invalid } from '../../../core/app-error';
import type { EmailHooks } from '../hooks';
import { audienceOf, type CampaignRow } from '../campaigns/views';

export async function campaignAudience(db: Database, hooks: EmailHooks, row: CampaignRow): Promise<Audience> {
  if (row.parentCampaignId && row.followUp) {
    const who =
      row.followUp === 'failed'
        ? sql`r.status = 'failed'`
        : sql`r.status = 'sent' and r.opened_at is null and r.clicked_at is null`;
    return {
      kind: 'query',
      sql: sql`select r.contact_id from email_recipients r where r.campaign_id = ${row.parentCampaignId}::uuid and r.contact_id is not null and ${who}`,
    };
  }
  const audience = audienceOf(row);
  if (!audience) throw invalid('audience', 'choose a segment, list or domain set to send to');
  return { kind: 'query', sql: await hooks.audienceSql(db, audience) };
}

/** What the gate's proof records as the selection. */
export function selectionOf(row: CampaignRow): unknown {
  if (row.parentCampaignId && row.followUp) return { kind: 'follow_up', of: row.parentCampaignId, who: row.followUp };
  return audienceOf(row);
}
