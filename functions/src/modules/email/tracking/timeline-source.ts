// The email module's part of the record timeline: one item per campaign message sent to the
// contact (or to the account's contacts), titled with the campaign and carrying what became of the
// message so far (delivered, opened, clicked, bounced, unsubscribed, complained). Each of those
// events is also a touch of its own; this item is the message they happened to, so the feed shows
// the send, open and click touches (`email:` ids) on it rather than beside it; an unsubscribe is
// also listed on its own (opt-outs are never folded).
import { sql } from 'drizzle-orm';
import { withinReach, type TimelineSource } from '../../../core/timeline-source';

export const emailTimelineSource: TimelineSource = {
  kind: 'email',
  foldsTouches: 'email:',
  query: (page) => sql`select 'email:' || r.id as id, r.sent_at as at, 'email'::text as channel, c.name as title,
      jsonb_strip_nulls(jsonb_build_object('campaignId', r.campaign_id, 'variantKey', v.key, 'status', r.status,
        'deliveredAt', r.delivered_at, 'openedAt', r.opened_at, 'clickedAt', r.clicked_at, 'bounce', r.bounce,
        'unsubscribedAt', r.unsubscribed_at, 'complainedAt', r.complained_at)) as detail,
      null::uuid as actor_id, r.contact_id
    from email_recipients r
    join email_campaigns c on c.id = r.campaign_id
    left join email_variants v on v.id = r.variant_id
    where r.sent_at is not null
      and ${page.subject.kind === 'contact' ? sql`r.contact_id = ${page.subject.id}::uuid` : sql`r.contact_id in (select id from contacts where account_id = ${page.subject.id}::uuid)`}
      ${withinReach(page, sql`r.contact_id`)}
      ${page.before ? sql`and (r.sent_at, 'email:' || r.id) < (${page.before.at}::timestamptz, ${page.before.id})` : sql``}
    order by r.sent_at desc, 'email:' || r.id desc limit ${page.limit}`,
};
