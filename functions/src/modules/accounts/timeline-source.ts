// The accounts module's part of the record timeline: field changes (create, update, merge,
// delete, restore) of the contact, or of the account and its contacts.
import { sql } from 'drizzle-orm';
import { withinReach, type TimelineSource } from '../../core/timeline-source';

export const fieldChangeSource: TimelineSource = {
  kind: 'field_change',
  query: (page) => sql`select 'change:' || r.id as id, r.at, null::text as channel, r.action as title,
      jsonb_build_object('entityType', r.entity_type, 'changes', r.changes, 'bulkId', r.bulk_id) as detail,
      r.actor_id, case when r.entity_type = 'contact' then r.entity_id end as contact_id
    from record_changes r
    where ${
      page.subject.kind === 'contact'
        ? sql`r.entity_type = 'contact' and r.entity_id = ${page.subject.id}::uuid`
        : sql`((r.entity_type = 'account' and r.entity_id = ${page.subject.id}::uuid)
             or (r.entity_type = 'contact' and r.entity_id in (select id from contacts where account_id = ${page.subject.id}::uuid)))`
    }
    ${withinReach(page, sql`(case when r.entity_type = 'contact' then r.entity_id end)`)}
    ${page.before ? sql`and (r.at, 'change:' || r.id) < (${page.before.at}::timestamptz, ${page.before.id})` : sql``}
    order by r.at desc, 'change:' || r.id desc limit ${page.limit}`,
};
