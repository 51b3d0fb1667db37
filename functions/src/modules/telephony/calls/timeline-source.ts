// The telephony module's part of the record timeline: one item per call to the contact (or to the
// account's contacts), titled with the campaign, carrying how it went (answered, connected, when the
// consent announcement played, how long, abandoned, hang-up cause), its disposition and the API path
// of its recording's signed link.
// The attempt, connect and disposition are touches of their own; this item is the call they belong to.
import { sql } from 'drizzle-orm';
import type { TimelineSource } from '../../../core/timeline-source';

export const callTimelineSource: TimelineSource = {
  kind: 'call',
  // The call's attempt, connection and disposition touches are on its item.
  foldsTouches: 'call:',
  query: (page) => sql`select 'call:' || c.id as id, c.started_at as at, 'call'::text as channel, coalesce(cc.name, 'Call') as title,
      jsonb_strip_nulls(jsonb_build_object('callId', c.id, 'campaignId', c.campaign_id, 'origin', c.origin, 'toNumber', c.to_number,
        'state', c.state, 'answeredAt', c.answered_at, 'bridgedAt', c.bridged_at, 'consentAnnouncedAt', c.consent_announced_at, 'endedAt', c.ended_at, 'hangupCause', c.hangup_cause,
        'abandoned', case when c.abandoned then true end,
        'talkSeconds', case when c.bridged_at is not null and c.ended_at is not null then greatest(0, extract(epoch from c.ended_at - c.bridged_at))::int end,
        'disposition', d.label, 'dispositionCode', d.code, 'outcome', d.outcome_class, 'notes', c.notes,
        'recordingUrl', case when c.recording_key is not null then '/api/telephony/calls/' || c.id || '/recording' end,
        'recordingSeconds', c.recording_seconds)) as detail,
      c.agent_id as actor_id, c.contact_id
    from calls c
    left join call_campaigns cc on cc.id = c.campaign_id
    left join call_dispositions d on d.id = c.disposition_id
    where ${page.subject.kind === 'contact' ? sql`c.contact_id = ${page.subject.id}::uuid` : sql`c.contact_id in (select id from contacts where account_id = ${page.subject.id}::uuid)`}
      ${page.before ? sql`and (c.started_at, 'call:' || c.id) < (${page.before.at}::timestamptz, ${page.before.id})` : sql``}
    order by c.started_at desc, 'call:' || c.id desc limit ${page.limit}`,
};
