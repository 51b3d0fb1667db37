// The imports module's part of the record timeline: the imports that changed the record (or the
// account's contacts), named by their file.
import { sql } from 'drizzle-orm';
import { withinReach, type TimelineSource } from '../../core/timeline-source';

export const importSource: TimelineSource = {
  kind: 'import',
  query: (page) => sql`select 'import:' || x.job_id || ':' || x.entity_id as id, x.created_at as at, null::text as channel,
      j.file_name as title, jsonb_build_object('jobId', j.id, 'fileName', j.file_name, 'entity', x.entity) as detail,
      j.created_by as actor_id, case when x.entity = 'contact' then x.entity_id end as contact_id
    from import_changes x join import_jobs j on j.id = x.job_id
    where ${
      page.subject.kind === 'contact'
        ? sql`x.entity = 'contact' and x.entity_id = ${page.subject.id}::uuid`
        : sql`((x.entity = 'account' and x.entity_id = ${page.subject.id}::uuid)
             or (x.entity = 'contact' and x.entity_id in (select id from contacts where account_id = ${page.subject.id}::uuid)))`
    }
    ${withinReach(page, sql`(case when x.entity = 'contact' then x.entity_id end)`)}
    ${page.before ? sql`and (x.created_at, 'import:' || x.job_id || ':' || x.entity_id) < (${page.before.at}::timestamptz, ${page.before.id})` : sql``}
    order by x.created_at desc, 'import:' || x.job_id || ':' || x.entity_id desc limit ${page.limit}`,
};
