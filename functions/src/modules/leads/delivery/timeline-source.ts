// The leads module's part of the record timeline: one item per published lead of the contact (or
// of the account's contacts), at the time it was published, titled with its campaign.
import { sql } from 'drizzle-orm';
import type { TimelineSource } from '../../../core/timeline-source';

export const leadTimelineSource: TimelineSource = {
  kind: 'lead',
  query: (page) => sql`select 'lead:' || l.id as id, l.published_at as at, null::text as channel,
      'Lead published' || coalesce(': ' || coalesce(cc.name, ec.name), '') as title,
      jsonb_strip_nulls(jsonb_build_object('leadId', l.id, 'campaignId', l.campaign_id, 'campaignName', coalesce(cc.name, ec.name),
        'clientName', o.name, 'state', l.state, 'source', l.source)) as detail,
      l.reviewer_id as actor_id, l.contact_id
    from leads l
    left join call_campaigns cc on cc.id = l.campaign_id
    left join email_campaigns ec on ec.id = l.campaign_id
    left join organisations o on o.id = l.client_org_id
    where l.published_at is not null and l.deleted_at is null
      and ${page.subject.kind === 'contact' ? sql`l.contact_id = ${page.subject.id}::uuid` : sql`l.contact_id in (select id from contacts where account_id = ${page.subject.id}::uuid)`}
      ${page.before ? sql`and (l.published_at, 'lead:' || l.id) < (${page.before.at}::timestamptz, ${page.before.id})` : sql``}
    order by l.published_at desc, 'lead:' || l.id desc limit ${page.limit}`,
};
