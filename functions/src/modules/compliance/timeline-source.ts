// The compliance module's part of the record timeline: every consent change of the contact (or
// of the account's contacts), with its source and evidence.
import { sql } from 'drizzle-orm';
import { withinReach, type TimelineSource } from '../../core/timeline-source';

export const consentSource: TimelineSource = {
  kind: 'consent',
  query: (page) => sql`select 'consent:' || h.id as id, h.recorded_at as at, null::text as channel,
      h.channel || ': ' || replace(h.status, '_', ' ') as title,
      jsonb_build_object('channel', h.channel, 'status', h.status, 'source', h.source, 'evidence', h.evidence) as detail,
      h.recorded_by as actor_id, h.contact_id
    from contact_consent_history h
    where ${page.subject.kind === 'contact' ? sql`h.contact_id = ${page.subject.id}::uuid` : sql`h.contact_id in (select id from contacts where account_id = ${page.subject.id}::uuid)`}
    ${withinReach(page, sql`h.contact_id`)}
    ${page.before ? sql`and (h.recorded_at, 'consent:' || h.id) < (${page.before.at}::timestamptz, ${page.before.id})` : sql``}
    order by h.recorded_at desc, 'consent:' || h.id desc limit ${page.limit}`,
};
