// The audience module's part of the record timeline: when the contact (or a contact of the
// account) was added to a static list that still exists.
import { sql } from 'drizzle-orm';
import { withinReach, type TimelineSource } from '../../core/timeline-source';

export const listMembershipSource: TimelineSource = {
  kind: 'list',
  query: (page) => sql`select 'list:' || m.list_id || ':' || m.contact_id as id, m.added_at as at, null::text as channel,
      l.name as title, jsonb_build_object('listId', l.id, 'listName', l.name) as detail,
      null::uuid as actor_id, m.contact_id
    from static_list_members m join static_lists l on l.id = m.list_id and l.deleted_at is null
    where ${page.subject.kind === 'contact' ? sql`m.contact_id = ${page.subject.id}::uuid` : sql`m.contact_id in (select id from contacts where account_id = ${page.subject.id}::uuid)`}
    ${withinReach(page, sql`m.contact_id`)}
    ${page.before ? sql`and (m.added_at, 'list:' || m.list_id || ':' || m.contact_id) < (${page.before.at}::timestamptz, ${page.before.id})` : sql``}
    order by m.added_at desc, 'list:' || m.list_id || ':' || m.contact_id desc limit ${page.limit}`,
};
